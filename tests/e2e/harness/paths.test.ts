import { describe, expect, it } from 'vitest';
import { browserExecutable } from './paths';

describe('browserExecutable', () => {
  it('names the missing browser and how to install it', () => {
    expect(() => browserExecutable('firefox', { FIREFOX_PATH: '/nowhere/firefox' })).toThrow(
      'FIREFOX_PATH=/nowhere/firefox does not exist.',
    );
    expect(() => browserExecutable('chromium', { CHROME_PATH: '/nowhere/chrome' })).toThrow(
      'CHROME_PATH=/nowhere/chrome does not exist.',
    );
  });

  it('honours CHROME_PATH and FIREFOX_PATH when they exist', () => {
    expect(browserExecutable('chromium', { CHROME_PATH: process.execPath })).toBe(process.execPath);
    expect(browserExecutable('firefox', { FIREFOX_PATH: process.execPath })).toBe(process.execPath);
  });
});
