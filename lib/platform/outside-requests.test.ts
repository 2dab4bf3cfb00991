import { describe, expect, it, vi } from 'vitest';
import { fetchJson } from './outside-requests';

describe('fetchJson', () => {
  it('asks without cookies, referrer or cache, and reads the JSON answer', async () => {
    const fetchFn = vi.fn(async () => new Response('{"status":{"indicator":"none"}}'));
    expect(await fetchJson('https://status.example.com/api/v2/status.json', { fetchFn })).toEqual({
      kind: 'json',
      value: { status: { indicator: 'none' } },
    });
    expect(fetchFn).toHaveBeenCalledWith(
      'https://status.example.com/api/v2/status.json',
      expect.objectContaining({
        method: 'GET',
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      }),
    );
  });

  it('tells an error status, an unreadable answer and no answer apart', async () => {
    expect(
      await fetchJson('https://x.example/', {
        fetchFn: async () => new Response('Not Found', { status: 404 }),
      }),
    ).toEqual({ kind: 'error-status', statusCode: 404 });
    expect(
      await fetchJson('https://x.example/', {
        fetchFn: async () => new Response('<html>hello</html>'),
      }),
    ).toEqual({ kind: 'unreadable' });
    expect(
      await fetchJson('https://x.example/', {
        fetchFn: async () => Promise.reject(new TypeError('Failed to fetch')),
      }),
    ).toEqual({ kind: 'no-answer' });
  });

  it('stops reading an answer larger than it should ever be', async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(10_000) });
    expect(
      await fetchJson('https://x.example/', {
        fetchFn: async () => new Response(huge),
        maxBytes: 1_000,
      }),
    ).toEqual({ kind: 'unreadable' });
    expect(
      await fetchJson('https://x.example/', {
        fetchFn: async () => new Response(huge),
        maxBytes: 20_000,
      }),
    ).toMatchObject({ kind: 'json' });
  });

  it('gives up on a server that never answers', async () => {
    const hanging = (_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    expect(await fetchJson('https://x.example/', { fetchFn: hanging, timeoutMs: 20 })).toEqual({
      kind: 'no-answer',
    });
  });
});
