/**
 * The modules of a QR code, dark `true`, without the quiet zone (the SVG draws it). uqr is a small generator (about
 * 4 KB gzipped, imported only when the visitor asks for the code). https://github.com/unjs/uqr
 */
import { encode } from 'uqr';

/** Medium error correction: a phone still reads a code photographed off a glossy or dimmed screen. */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}
