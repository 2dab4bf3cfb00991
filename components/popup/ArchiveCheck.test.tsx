// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInEnglish } from '../diagnosis/test-support';
import { ArchiveCheck } from './ArchiveCheck';

afterEach(cleanup);
const PAGE = 'https://shop.example.com/cart?token=secret';
const links = () => screen.getAllByRole('link').map((link) => link.getAttribute('href'));

describe('ArchiveCheck', () => {
  it('links to the latest copy without the page’s query string, before anything is asked', () => {
    renderInEnglish(
      <ArchiveCheck pageUrl={PAGE} result={undefined} running={false} onCheck={() => undefined} />,
    );
    expect(links()).toEqual(['https://web.archive.org/web/https://shop.example.com/cart']);
  });

  it('says when the copy found was made, and links to it', () => {
    const snapshotUrl = 'https://web.archive.org/web/20260301101500/https://shop.example.com/cart';
    renderInEnglish(
      <ArchiveCheck
        pageUrl={PAGE}
        result={{
          outcome: 'answered',
          availability: { available: true, snapshotUrl, capturedAt: Date.UTC(2026, 2, 1, 10, 15) },
        }}
        running={false}
        onCheck={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(
      /^The Internet Archive has a copy from .*2026\.$/,
    );
    expect(links()).toContain(snapshotUrl);
  });

  it.each([
    [
      { outcome: 'answered', availability: { available: false } } as const,
      'The Internet Archive has no copy of this page.',
    ],
    [{ outcome: 'no-answer' } as const, 'The Internet Archive could not be reached.'],
    [{ outcome: 'unreadable' } as const, "The Internet Archive's answer could not be read."],
  ])('says %o plainly', (result, expected) => {
    renderInEnglish(
      <ArchiveCheck pageUrl={PAGE} result={result} running={false} onCheck={() => undefined} />,
    );
    expect(screen.getByRole('status').textContent).toBe(expected);
  });
});
