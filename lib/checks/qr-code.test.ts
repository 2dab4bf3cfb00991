import { describe, expect, it } from 'vitest';
import { qrModules } from './qr-code';

describe('qrModules', () => {
  it('makes a square code with the three finder patterns in its corners', () => {
    const modules = qrModules('https://shop.example.com/cart');
    const size = modules.length;
    // Versions 1 to 40 are 21 to 177 modules wide, in steps of 4.
    expect((size - 21) % 4).toBe(0);
    expect(modules.every((row) => row.length === size)).toBe(true);
    // A finder pattern: a dark 7x7 ring around a light ring around a dark 3x3 core (ISO/IEC 18004, 6.3.3).
    const finder = (top: number, left: number) =>
      [0, 1, 2, 3, 4, 5, 6].map((y) =>
        [0, 1, 2, 3, 4, 5, 6].map((x) => modules[top + y]?.[left + x]),
      );
    const ring = (y: number, x: number) =>
      y === 0 || y === 6 || x === 0 || x === 6 || (y >= 2 && y <= 4 && x >= 2 && x <= 4);
    const expected = [0, 1, 2, 3, 4, 5, 6].map((y) => [0, 1, 2, 3, 4, 5, 6].map((x) => ring(y, x)));
    expect(finder(0, 0)).toEqual(expected);
    expect(finder(0, size - 7)).toEqual(expected);
    expect(finder(size - 7, 0)).toEqual(expected);
  });

  it('grows with the text it holds', () => {
    expect(qrModules(`https://example.com/${'a'.repeat(300)}`).length).toBeGreaterThan(
      qrModules('https://example.com/').length,
    );
  });
});
