import { describe, expect, it, vi } from 'vitest';
import { probe } from './probe';

const answer = (status: number) => vi.fn(async () => new Response('x', { status }));

describe('probe', () => {
  it('says the site is back for any answer that is not a 5xx', async () => {
    for (const status of [200, 301, 404]) {
      expect(
        await probe('https://shop.example/', { fetchFn: answer(status), now: () => 5 }),
      ).toEqual({
        outcome: 'back',
        statusCode: status,
        time: 5,
      });
    }
  });

  it('says it is still failing for a 5xx and reports no answer for a network failure', async () => {
    expect(
      await probe('https://shop.example/', { fetchFn: answer(503), now: () => 5 }),
    ).toMatchObject({
      outcome: 'still-failing',
      statusCode: 503,
    });
    const refused = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await probe('https://shop.example/', { fetchFn: refused, now: () => 5 })).toEqual({
      outcome: 'no-answer',
      error: 'TypeError',
      time: 5,
    });
  });

  it('hands on when the Retry-After of a failure asks to be asked again, in either form', async () => {
    const busy = (headers: HeadersInit) =>
      vi.fn(async () => new Response('x', { status: 503, headers }));
    expect(
      await probe('https://shop.example/', {
        fetchFn: busy({ 'Retry-After': '120' }),
        now: () => 5,
      }),
    ).toEqual({ outcome: 'still-failing', statusCode: 503, time: 5, retryAfterAt: 120_005 });
    const answered = Date.UTC(2026, 2, 20, 23, 0, 0);
    expect(
      await probe('https://shop.example/', {
        fetchFn: busy({ 'retry-after': 'Fri, 20 Mar 2026 23:08:13 GMT' }),
        now: () => answered,
      }),
    ).toMatchObject({ retryAfterAt: Date.UTC(2026, 2, 20, 23, 8, 13) });
    // Not a Retry-After value: nothing to honour.
    expect(
      await probe('https://shop.example/', {
        fetchFn: busy({ 'Retry-After': 'soon' }),
        now: () => 5,
      }),
    ).not.toHaveProperty('retryAfterAt');
    expect(await probe('https://shop.example/', { fetchFn: busy({}), now: () => 5 })).toEqual({
      outcome: 'still-failing',
      statusCode: 503,
      time: 5,
    });
  });

  it('asks with GET, past the cache, with the visitor’s cookies', async () => {
    const fetchFn = answer(200);
    await probe('https://shop.example/cart', { fetchFn });
    expect(fetchFn).toHaveBeenCalledWith(
      'https://shop.example/cart',
      expect.objectContaining({ method: 'GET', cache: 'no-store', credentials: 'include' }),
    );
  });

  it('asks without any cookie when told to, as a visitor with no session would', async () => {
    const fetchFn = answer(200);
    await probe('https://shop.example/cart', { fetchFn, credentials: 'omit' });
    expect(fetchFn).toHaveBeenCalledWith(
      'https://shop.example/cart',
      expect.objectContaining({ method: 'GET', cache: 'no-store', credentials: 'omit' }),
    );
  });
});
