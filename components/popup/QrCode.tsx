export interface QrCodeProps {
  /** Dark modules `true`, row by row, without the quiet zone. */
  readonly modules: readonly (readonly boolean[])[];
  readonly label: string;
}

/** The quiet zone every QR code needs around it, in modules (ISO/IEC 18004). */
const QUIET = 4;

/**
 * A QR code as one SVG path, dark on white in both colour schemes (scanners expect dark modules on a light ground),
 * sized in CSS pixels and sharp at any zoom.
 */
export function QrCode({ modules, label }: QrCodeProps) {
  const size = modules.length + 2 * QUIET;
  const path = modules
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x + QUIET} ${y + QUIET}h1v1h-1z` : '')))
    .join('');
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={Math.max(160, size * 4)}
      height={Math.max(160, size * 4)}
      shape-rendering="crispEdges"
      class="rounded-md"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
