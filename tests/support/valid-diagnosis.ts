/**
 * What every diagnosis must be, whatever it was made from: shared by the engine's property tests and the background's
 * bad-input tests, so both hold the engine to the same contract.
 */
import { expect } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { createTranslator, type Message } from '../../lib/i18n/messages';
import { MAX_RETRY_AFTER_SECONDS, MIN_RETRY_AFTER_SECONDS } from '../../lib/retry/retry-after';
import type { Diagnosis, FailureKind, Side } from '../../lib/diagnosis/types';

const translate = createTranslator(english);
const KINDS: readonly FailureKind[] = [
  'gateway-error',
  'gateway-timeout',
  'unavailable',
  'server-error',
  'not-supported',
  'storage',
  'network-auth',
  'challenge',
  'network',
];
const SIDES: readonly Side[] = ['site', 'visitor', 'either', 'unknown'];

function messagesOf(diagnosis: Diagnosis): Message[] {
  return [
    diagnosis.title,
    diagnosis.meaning,
    diagnosis.explanation,
    diagnosis.typicalDuration,
    ...[...diagnosis.visitorSteps, ...diagnosis.ownerSteps].flatMap((step) => [
      step.title,
      step.why,
      ...(step.limit ? [step.limit] : []),
    ]),
  ];
}

export function expectValid(diagnosis: Diagnosis) {
  expect(KINDS).toContain(diagnosis.kind);
  expect(SIDES).toContain(diagnosis.side);
  expect(Number.isInteger(diagnosis.statusCode)).toBe(true);
  for (const text of messagesOf(diagnosis)) {
    expect(Object.hasOwn(english, text.key), text.key).toBe(true);
    expect(translate(text)).not.toMatch(/\$[a-z0-9_]+\$/i);
  }
  expect(translate(diagnosis.explanation)).not.toMatch(/[.]$/);
  expect(diagnosis.hops[0]).toEqual({ kind: 'visitor' });
  expect(diagnosis.hops.at(-1)).toEqual({ kind: 'origin' });
  if (diagnosis.failedHop === null) expect(diagnosis.kind).toBe('challenge');
  else expect(diagnosis.hops[diagnosis.failedHop]).toBeDefined();
  for (const hop of diagnosis.hops) {
    if (hop.kind === 'gateway') expect(diagnosis.chain).toContain(hop.gateway);
  }
  expect(diagnosis.visitorSteps.length).toBeGreaterThan(0);
  expect(new Set(diagnosis.visitorSteps.map((s) => s.id)).size).toBe(diagnosis.visitorSteps.length);
  expect(new Set(diagnosis.ownerSteps.map((s) => s.id)).size).toBe(diagnosis.ownerSteps.length);
  if (diagnosis.retryAfter) {
    expect(diagnosis.retryAfter.seconds).toBeGreaterThanOrEqual(MIN_RETRY_AFTER_SECONDS);
    expect(diagnosis.retryAfter.seconds).toBeLessThanOrEqual(MAX_RETRY_AFTER_SECONDS);
  }
}
