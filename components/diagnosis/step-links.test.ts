import { describe, expect, it } from 'vitest';
import { archivedCopyUrl, downForEveryoneUrl } from './step-links';

describe('outside checks', () => {
  const page = 'https://user:pass@shop.example.com/cart/items?session=secret#pay';

  it('asks the Wayback Machine for its latest copy of the page, without query, fragment or credentials', () => {
    expect(archivedCopyUrl(page)).toBe(
      'https://web.archive.org/web/https://shop.example.com/cart/items',
    );
  });

  it('asks the down-checker about the host only', () => {
    expect(downForEveryoneUrl(page)).toBe('https://downforeveryoneorjustme.com/shop.example.com');
  });

  it('offers no down-check for an address it cannot read', () => {
    expect(downForEveryoneUrl('not a url')).toBeUndefined();
  });
});
