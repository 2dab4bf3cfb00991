import { describe, expect, it } from 'vitest';
import { sessionVerdict, type ProbeAnswer } from './session';

const back: ProbeAnswer = { outcome: 'back' };
const failing: ProbeAnswer = { outcome: 'still-failing' };
const silent: ProbeAnswer = { outcome: 'no-answer' };

describe('sessionVerdict', () => {
  it('blames the session when only the clean request gets an answer', () => {
    expect(sessionVerdict(failing, back)).toBe('session');
  });
  it('blames the site when both fail', () => expect(sessionVerdict(failing, failing)).toBe('site'));
  it('says the site works when both answer', () =>
    expect(sessionVerdict(back, back)).toBe('works'));
  it('clears the session when only the signed-in request answers', () => {
    expect(sessionVerdict(back, failing)).toBe('signed-in-only');
  });
  it('compares nothing when either got no answer', () => {
    for (const other of [back, failing, silent]) {
      expect(sessionVerdict(silent, other)).toBe('no-answer');
      expect(sessionVerdict(other, silent)).toBe('no-answer');
    }
  });
});
