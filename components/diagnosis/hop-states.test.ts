import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { brokenLinkFrom, hopStates } from './hop-states';
import { fixtureCase } from './test-support';

/** The states Cloudflare's own error page prints under You, Cloudflare and Host, in order. */
function statesPrintedBy(body: string): string[] {
  return [...body.matchAll(/text-(?:green-success|red-error)">(Working|Error)</g)].map((match) =>
    match[1] === 'Working' ? 'working' : 'error',
  );
}

describe('hopStates', () => {
  it.each(['cloudflare-502', 'cloudflare-520', 'cloudflare-522', 'cloudflare-524-timeout'])(
    'draws %s as Cloudflare’s own page does',
    (id) => {
      const { fixture, diagnosis } = fixtureCase(id);
      const printed = statesPrintedBy(fixture.body);
      expect(printed).toHaveLength(3);
      expect(hopStates(diagnosis)).toEqual(printed);
      expect(brokenLinkFrom(diagnosis)).toBe(1);
    },
  );

  it('marks the server behind nginx when nginx could not reach it', () => {
    const { diagnosis } = fixtureCase('nginx-502-chrome');
    expect(diagnosis.hops.map((hop) => hop.kind)).toEqual(['visitor', 'gateway', 'origin']);
    expect(hopStates(diagnosis)).toEqual(['working', 'working', 'error']);
  });

  const hops: Diagnosis['hops'] = [
    { kind: 'visitor' },
    { kind: 'unidentified-gateway' },
    { kind: 'origin' },
  ];

  it('marks the site’s server itself when it answered with the error, with no broken link', () => {
    const diagnosis = { hops, failedHop: 2, kind: 'server-error' } as const;
    expect(hopStates(diagnosis)).toEqual(['working', 'working', 'error']);
    expect(brokenLinkFrom(diagnosis)).toBeNull();
  });

  it('marks nothing reached past a network failure', () => {
    const network = { hops: [hops[0]!, hops[2]!], failedHop: 0, kind: 'network' } as const;
    expect(hopStates(network)).toEqual(['working', 'not-reached']);
    expect(brokenLinkFrom(network)).toBe(0);
  });

  it('marks the server not reached behind a network sign-in page', () => {
    expect(hopStates({ hops, failedHop: 1, kind: 'network-auth' })).toEqual([
      'working',
      'working',
      'not-reached',
    ]);
  });

  it('marks every hop working for a bot check', () => {
    expect(hopStates({ hops, failedHop: null, kind: 'challenge' })).toEqual([
      'working',
      'working',
      'working',
    ]);
  });

  it('marks hops past the one that did not answer as not reached', () => {
    const long: Diagnosis['hops'] = [hops[0]!, hops[1]!, hops[1]!, hops[2]!];
    expect(hopStates({ hops: long, failedHop: 1, kind: 'gateway-error' })).toEqual([
      'working',
      'working',
      'error',
      'not-reached',
    ]);
  });
});
