/**
 * The lab's front page: every scenario by group with its title, one-line description and link, then every real
 * gateway replay. The demo opens it, so it is written for someone who has never seen the project.
 */
import { REPLAY_PATH_PREFIX, type Replay } from './replays';
import type { Scenario } from './scenario';

/** Groups in the order a newcomer should meet them; a group not listed here follows, alphabetically. */
const GROUP_ORDER = [
  'Healthy pages',
  'Gateway errors',
  'Site errors',
  'Not outages',
  'Failures inside a working page',
  'Sessions, forms and recovery',
  'Hostile pages',
  'Building blocks',
];

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

function groupRank(group: string): number {
  const rank = GROUP_ORDER.indexOf(group);
  return rank === -1 ? GROUP_ORDER.length : rank;
}

function scenarioGroups(scenarios: readonly Scenario[]): [string, Scenario[]][] {
  const groups = new Map<string, Scenario[]>();
  for (const scenario of scenarios) {
    const members = groups.get(scenario.group);
    if (members) members.push(scenario);
    else groups.set(scenario.group, [scenario]);
  }
  return [...groups].sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b, 'en'));
}

function scenarioItem(scenario: Scenario): string {
  const status = scenario.response.status;
  return `<li><a href="${escapeHtml(scenario.path)}">${escapeHtml(scenario.title)}</a>
  <span class="status">${status}</span><br>${escapeHtml(scenario.description)}</li>`;
}

function replayItem(replay: Replay): string {
  const path = `${REPLAY_PATH_PREFIX}${replay.id}`;
  return `<li><a href="${escapeHtml(path)}">${escapeHtml(replay.vendor)}: ${replay.status} ${escapeHtml(replay.reason)}</a>
  <code>${escapeHtml(replay.id)}</code><br>${escapeHtml(replay.meaning)}</li>`;
}

export function renderIndexPage(
  scenarios: readonly Scenario[],
  replays: readonly Replay[],
): string {
  const sections = scenarioGroups(scenarios).map(
    ([group, members]) =>
      `<section><h2>${escapeHtml(group)}</h2><ul>${members.map(scenarioItem).join('\n')}</ul></section>`,
  );
  sections.push(
    `<section><h2>Real gateway responses</h2>
<p>Each is replayed exactly as the product sends it (status line, headers, body), from tests/fixtures/gateways.</p>
<ul>${replays.map(replayItem).join('\n')}</ul></section>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gateway lab</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
  li { margin: 0.6rem 0; }
  .status, code { font: 0.85em ui-monospace, monospace; background: #eff1f3; padding: 0 0.3em; border-radius: 4px; }
</style>
</head>
<body>
<h1>Gateway lab</h1>
<p>A local web server that misbehaves on purpose. Each link below opens a page that fails (or works) the way real
sites do, so you can see what Gateway Doctor says about it. The number beside a link is the status the page answers
with first. Add <code>?run=&lt;anything&gt;</code> to start a page's failure count afresh.</p>
${sections.join('\n')}
</body>
</html>
`;
}
