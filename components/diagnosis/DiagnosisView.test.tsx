// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosisView } from './DiagnosisView';
import { fixtureCase, renderInEnglish } from './test-support';

afterEach(cleanup);

describe('DiagnosisView', () => {
  it('reads in the order a visitor needs it: what, where, whose side, what to do, then the owner’s part', () => {
    const { diagnosis, observation } = fixtureCase('aws-cloudfront-502-origin-closed');
    const { container } = renderInEnglish(
      <DiagnosisView
        diagnosis={diagnosis}
        pageUrl={observation.url}
        os="linux"
        actions={{
          retry: vi.fn(async () => ({ kind: 'back' }) as const),
          reload: vi.fn(),
          copy: vi.fn(async () => true),
          ownerReport: () => '',
        }}
      />,
    );
    const text = container.textContent ?? '';
    const order = [
      screen.getByRole('heading', { level: 2 }).textContent!,
      '502 Bad Gateway',
      'AWS CloudFront',
      "on the site's side",
      'What you can do',
      'I run this site',
    ].map((part) => text.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The request id CloudFront sent (x-amz-cf-id) is there for the owner.
    expect(text).toContain('CcHDq7MkdEVDYjw0vrc9w7P4aCNUker-1xwy-Pqbh6JjA5CRBurt_g==');
  });
});
