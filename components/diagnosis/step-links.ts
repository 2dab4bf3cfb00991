import { displayUrl } from '@/lib/diagnosis/report';

/**
 * Where the outside checks live. Both learn which page the visitor asked about (the step says so), never its query
 * string or fragment, which can hold search terms or tokens.
 */
export function archivedCopyUrl(pageUrl: string): string {
  // The Wayback Machine redirects /web/<url> to its most recent capture of that address.
  return `https://web.archive.org/web/${displayUrl(pageUrl, false)}`;
}

export function downForEveryoneUrl(pageUrl: string): string | undefined {
  try {
    const { hostname } = new URL(pageUrl);
    return hostname ? `https://downforeveryoneorjustme.com/${hostname}` : undefined;
  } catch {
    return undefined;
  }
}
