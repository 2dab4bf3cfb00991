/**
 * Which of a scenario's responses a request gets. Rules, first match wins:
 * 1. `methods[METHOD]`: a form page that fails once posted;
 * 2. `whenCookie`: a site that fails only for a visitor carrying a given cookie;
 * 3. `failTimes` then `recovered`: counted per `?run=<token>`, so tests running side by side never share a count;
 * 4. `response`.
 */
import type { Scenario, ScenarioResponse } from './scenario';

/** Run tokens remembered at most; the oldest is forgotten first. Bounds memory across a long benchmark. */
const MAX_RUNS = 10_000;

export class RunCounters {
  private readonly seen = new Map<string, number>();

  /** How many requests this scenario had in this run before the current one. */
  next(scenario: Scenario, run: string | undefined): number {
    const key = `${scenario.id}\n${run ?? ''}`;
    const count = this.seen.get(key) ?? 0;
    this.seen.delete(key);
    this.seen.set(key, count + 1);
    if (this.seen.size > MAX_RUNS) this.seen.delete(this.seen.keys().next().value as string);
    return count;
  }

  clear(): void {
    this.seen.clear();
  }
}

/** Cookie names in a `Cookie` request header. https://www.rfc-editor.org/rfc/rfc6265#section-5.4 */
function cookieNames(header: string | undefined): string[] {
  return (header ?? '').split(';').map((pair) => pair.split('=', 1)[0]?.trim() ?? '');
}

export function chooseResponse(
  scenario: Scenario,
  request: { method: string; cookie: string | undefined; run: string | undefined },
  counters: RunCounters,
): ScenarioResponse {
  const byMethod = scenario.methods.get(request.method);
  if (byMethod) return byMethod;
  if (scenario.whenCookie && cookieNames(request.cookie).includes(scenario.whenCookie.cookie))
    return scenario.whenCookie.response;
  if (scenario.recovered)
    return counters.next(scenario, request.run) < scenario.failTimes
      ? scenario.response
      : scenario.recovered;
  return scenario.response;
}
