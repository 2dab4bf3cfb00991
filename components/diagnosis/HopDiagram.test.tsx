// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HopDiagram } from './HopDiagram';
import { fixtureCase, renderInEnglish, spokenText } from './test-support';

afterEach(cleanup);

describe('HopDiagram', () => {
  it('lists you, Cloudflare and the site’s server with the states Cloudflare’s page gives them', () => {
    renderInEnglish(<HopDiagram {...fixtureCase('cloudflare-522').diagnosis} />);
    const list = screen.getByRole('list', { name: 'Where your request stopped' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(spokenText)).toEqual([
      'YouWorking',
      'CloudflareContent delivery networkWorking',
      "Connection failed: Cloudflare → The site's serverThe site's serverError",
    ]);
  });

  it('says in words which link failed, and describes the list with the explanation', () => {
    renderInEnglish(<HopDiagram {...fixtureCase('cloudflare-522').diagnosis} />);
    const list = screen.getByRole('list');
    const description = document.getElementById(list.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toMatch(/^Cloudflare .*site's server/);
    // Colour and marks are decoration: hidden from screen readers, which read the states as text.
    for (const mark of list.querySelectorAll('[aria-hidden="true"]')) {
      expect(['✓', '✕', '–']).toContain(mark.textContent);
    }
  });

  it('draws the gateways outermost first, the one nearest the server last', () => {
    const { diagnosis } = fixtureCase('google-frontend-500-behind-cloudfront');
    renderInEnglish(<HopDiagram {...diagnosis} />);
    const names = screen
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.font-medium')?.textContent);
    // The fixture's source: CloudFront in front of a Google-hosted server.
    expect(names[1]).toBe('AWS CloudFront');
    expect(names).toHaveLength(diagnosis.hops.length);
    expect(names.at(-1)).toBe("The site's server");
  });
});
