// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInEnglish } from '../diagnosis/test-support';
import { RecentIncidents } from './RecentIncidents';

afterEach(cleanup);

describe('RecentIncidents', () => {
  it('says there is none yet', () => {
    renderInEnglish(<RecentIncidents entries={[]} />);
    expect(screen.getByText('No incidents recorded yet.')).toBeTruthy();
  });

  it('lists each incident with its site, status, gateway and recovery', () => {
    renderInEnglish(
      <RecentIncidents
        entries={[
          {
            time: Date.UTC(2026, 2, 1, 10),
            site: 'https://shop.example',
            origin: 'https://shop.example',
            statusCode: 522,
            gateway: 'Cloudflare',
            recoveredAt: Date.UTC(2026, 2, 1, 11),
          },
          {
            time: Date.UTC(2026, 1, 1, 10),
            site: 'https://api.example',
            origin: 'https://api.example',
            statusCode: 502,
            gateway: null,
            recoveredAt: null,
          },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(items[0]).toMatch(/^https:\/\/shop\.example522 · Cloudflare · .+ · back at .+$/);
    expect(items[1]).toMatch(/^https:\/\/api\.example502 · [^·]+$/);
  });
});
