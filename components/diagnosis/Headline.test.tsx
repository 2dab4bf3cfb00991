// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Headline } from './Headline';
import { fixtureCase, renderInEnglish } from './test-support';

afterEach(cleanup);

describe('Headline', () => {
  it('says what happened in plain words, then the code and its name', () => {
    const { diagnosis } = fixtureCase('cloudflare-522');
    renderInEnglish(<Headline {...diagnosis} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/took too long/);
    // Cloudflare names 522 "Connection timed out" on its page and in its documentation.
    expect(screen.getByText(/^522 Connection Timed Out$/i).tagName).toBe('STRONG');
  });

  it('tells a failed gateway from a site that says it is down', () => {
    renderInEnglish(<Headline {...fixtureCase('nginx-502-chrome').diagnosis} />);
    renderInEnglish(<Headline {...fixtureCase('caddy-503').diagnosis} />);
    const [gateway, unavailable] = screen.getAllByRole('heading', { level: 2 });
    expect(gateway?.textContent).toMatch(/did not answer properly/);
    expect(unavailable?.textContent).toMatch(/unavailable/);
  });

  it('shows the code Cloudflare printed on its page', () => {
    // The body of this response is "error code: 1016".
    renderInEnglish(<Headline {...fixtureCase('cloudflare-530-1016-plaintext').diagnosis} />);
    expect(screen.getByText(/Error code 1016/)).toBeTruthy();
  });
});
