import type { Diagnosis, PageMarkers } from '@/lib/diagnosis/types';

/** More visible text than any error template in the gateway zoo that does not name its error near the top. */
const MIN_CONTENT_TEXT = 500;
/** How far into the page an error template names its error: title and first lines. */
const TOP_OF_PAGE = 300;
const ERROR_WORDS =
  /\b(error|unavailable|not available|bad gateway|time-?out|timed out|maintenance|went wrong|oops|could not be|cannot be)\b/i;

/**
 * Whether the page rendered real content despite its error status (a plugin failed but the article is there), so
 * the panel shows a small notice instead of covering it. An error page either came from a gateway the engine
 * recognised, or says so in its title or first lines; real content is longer and does not.
 */
export function showsRealContent(
  markers: PageMarkers | null,
  diagnosis: Pick<Diagnosis, 'statusCode' | 'chain'>,
): boolean {
  if (!markers || markers.text.length < MIN_CONTENT_TEXT) return false;
  if (diagnosis.chain.some((gateway) => gateway.producedError)) return false;
  const top = `${markers.title} ${markers.text.slice(0, TOP_OF_PAGE)}`;
  return !top.includes(String(diagnosis.statusCode)) && !ERROR_WORDS.test(top);
}
