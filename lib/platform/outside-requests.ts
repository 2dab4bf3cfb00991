/**
 * The requests to third parties that a visitor asks for by pressing a button (the site's status page, the Internet
 * Archive): no cookies, no referrer, nothing cached, bounded in time and size, so that a slow or hostile server can
 * neither hold the check nor fill the memory.
 */
export type JsonAnswer =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'error-status'; readonly statusCode: number }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'no-answer' };

export const OUTSIDE_TIMEOUT_MS = 15_000;
export const OUTSIDE_MAX_BYTES = 64 * 1024;

async function boundedText(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new RangeError(`answer larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export async function fetchJson(
  url: string,
  { fetchFn = fetch, timeoutMs = OUTSIDE_TIMEOUT_MS, maxBytes = OUTSIDE_MAX_BYTES } = {},
): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'no-answer' };
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    return { kind: 'error-status', statusCode: response.status };
  }
  try {
    return { kind: 'json', value: JSON.parse(await boundedText(response, maxBytes)) };
  } catch {
    return { kind: 'unreadable' };
  }
}
