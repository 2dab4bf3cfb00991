// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusPageLookup } from '@/lib/checks/results';
import { renderInEnglish } from '../diagnosis/test-support';
import { StatusPageCheck } from './StatusPageCheck';

afterEach(cleanup);
const URL_ = 'https://status.example.com/api/v2/status.json';
const found = (
  indicator: 'none' | 'major' | 'maintenance',
  description: string,
): StatusPageLookup => ({
  outcome: 'found',
  url: URL_,
  status: { indicator, description },
});

describe('StatusPageCheck', () => {
  it.each([
    [
      found('major', 'Partial System Outage'),
      'status.example.com reports: “Partial System Outage”.They know about a problem',
    ],
    [found('none', 'All Systems Operational'), 'They report no problem: they may not know yet'],
    [found('maintenance', 'Under Maintenance'), 'planned maintenance'],
    [
      { outcome: 'not-found', url: URL_, statusCode: 404 } as const,
      'status.example.com answered 404: there is no status page there.',
    ],
    [{ outcome: 'unreadable', url: URL_ } as const, 'not with a status Gateway Doctor can read'],
    [{ outcome: 'no-answer', url: URL_ } as const, 'Nothing answered at status.example.com'],
    [{ outcome: 'no-domain' } as const, 'This site has no domain name'],
  ])('says what %o means', (result, expected) => {
    renderInEnglish(<StatusPageCheck result={result} running={false} onLook={() => undefined} />);
    expect(screen.getByRole('status').textContent).toContain(expected);
  });

  it('links to the status page it found, and to nothing before', () => {
    renderInEnglish(
      <StatusPageCheck result={undefined} running={false} onLook={() => undefined} />,
    );
    expect(screen.queryByRole('link')).toBeNull();
    cleanup();
    renderInEnglish(
      <StatusPageCheck
        result={found('none', 'All Systems Operational')}
        running={false}
        onLook={() => undefined}
      />,
    );
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://status.example.com/');
  });
});
