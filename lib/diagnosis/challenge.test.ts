import { describe, expect, it } from 'vitest';
import { detectChallenge } from './challenge';
import { indexHeaders } from './headers';
import type { HeaderEntry } from './types';

const headers = (entries: Record<string, string>) =>
  indexHeaders(Object.entries(entries).map(([name, value]): HeaderEntry => ({ name, value })));

describe('detectChallenge', () => {
  it('recognises Cloudflare\'s documented "cf-mitigated: challenge" on any status, in any casing', () => {
    for (const status of [403, 503, 429]) {
      expect(detectChallenge(status, headers({ 'CF-Mitigated': 'Challenge' }))).toEqual({
        vendor: 'Cloudflare',
        blocked: false,
      });
    }
  });

  it('recognises AWS WAF: 405 with x-amzn-waf-action: captcha, 202 with challenge (AWS WAF RuleAction docs)', () => {
    expect(detectChallenge(405, headers({ 'x-amzn-waf-action': 'captcha' }))?.vendor).toBe(
      'AWS WAF',
    );
    expect(detectChallenge(202, headers({ 'x-amzn-waf-action': 'challenge' }))?.vendor).toBe(
      'AWS WAF',
    );
  });

  it("tells Vercel's checkpoint from its block", () => {
    expect(detectChallenge(429, headers({ 'x-vercel-mitigated': 'challenge' }))).toEqual({
      vendor: 'Vercel',
      blocked: false,
    });
    expect(detectChallenge(403, headers({ 'x-vercel-mitigated': 'deny' }))).toEqual({
      vendor: 'Vercel',
      blocked: true,
    });
  });

  it('recognises DataDome by the X-DD-B header it sets on intercepted responses', () => {
    expect(
      detectChallenge(403, headers({ 'x-datadome': 'protected', 'x-dd-b': '1' }))?.vendor,
    ).toBe('DataDome');
    expect(detectChallenge(200, headers({ 'x-datadome': 'protected' }))).toBeNull();
  });

  it("recognises Cloudflare's challenge page by its title, only with Cloudflare's Ray ID present", () => {
    const page = {
      title: 'Just a moment...',
      text: 'Verify you are human by completing the action below.',
    };
    expect(detectChallenge(403, headers({ 'cf-ray': '8f02ab-LHR' }), page)?.vendor).toBe(
      'Cloudflare',
    );
    expect(detectChallenge(403, headers({}), page)).toBeNull();
  });

  it("recognises Cloudflare's block page as a block", () => {
    const page = {
      title: 'Attention Required! | Cloudflare',
      text: 'Sorry, you have been blocked',
    };
    expect(detectChallenge(403, headers({ 'cf-ray': '8f02ab-LHR' }), page)).toEqual({
      vendor: 'Cloudflare',
      blocked: true,
    });
  });

  it.each([
    ['Sucuri', { title: 'Sucuri WebSite Firewall - Access Denied', text: '' }],
    ['Imperva', { title: '', text: 'Request unsuccessful. Incapsula incident ID: 1234-5678' }],
    [
      'Akamai',
      {
        title: 'Access Denied',
        text: 'Access Denied You don\'t have permission to access "http://shop.example.com/" on this server. Reference #18.2d351ab8.1557333295.a4e16ab',
      },
    ],
  ])("recognises %s's block page on a 403", (vendor, page) => {
    expect(detectChallenge(403, headers({}), page)).toEqual({ vendor, blocked: true });
  });

  it("does not take Apache's own 403 for Akamai's: it has no reference", () => {
    const page = {
      title: '403 Forbidden',
      text: "Forbidden You don't have permission to access this resource.",
    };
    expect(detectChallenge(403, headers({}), page)).toBeNull();
  });

  it('never reads an outage as a check: page markers count only on the statuses bot checks use', () => {
    const page = { title: 'Just a moment...', text: '' };
    expect(detectChallenge(502, headers({ 'cf-ray': 'x' }), page)).toBeNull();
    expect(
      detectChallenge(500, headers({}), { title: '', text: 'Reference #18.1 Access Denied' }),
    ).toBeNull();
  });

  it('finds nothing in an ordinary error', () => {
    expect(
      detectChallenge(503, headers({ server: 'nginx' }), { title: '503', text: '' }),
    ).toBeNull();
  });
});
