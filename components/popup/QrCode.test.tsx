// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { QrCode } from './QrCode';

afterEach(cleanup);

describe('QrCode', () => {
  it('draws each dark module once, inside a four-module quiet zone, dark on white', () => {
    const { container } = render(
      <QrCode
        modules={[
          [true, false],
          [false, true],
        ]}
        label="QR code of https://x.example/"
      />,
    );
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 10 10');
    expect(container.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    const path = container.querySelector('path')!;
    expect(path.getAttribute('fill')).toBe('#000000');
    expect(path.getAttribute('d')).toBe('M4 4h1v1h-1zM5 5h1v1h-1z');
  });
});
