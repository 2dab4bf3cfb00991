/**
 * The fast path the background runs on every response: two comparisons, no allocation, so healthy browsing pays
 * nothing for the diagnosis engine. Only a `true` here leads to `diagnose`.
 */
export function isServerFailure(statusCode: number): boolean {
  return statusCode >= 500 && statusCode <= 599;
}
