import { describe, expect, it, vi } from 'vitest';
import type { send as sendMessage } from '@/lib/platform/messages';
import { pageFailed } from '@/lib/incident/tab-incident';
import { fixtureCase } from '../../components/diagnosis/test-support';
import { panelActions } from './actions';

type Send = typeof sendMessage;

function actionsWith(
  answers: { retry?: unknown; clearSiteData?: unknown } = {},
  browserName?: 'chrome' | 'firefox',
) {
  const sent: [string, unknown][] = [];
  const send = vi.fn(async (type: string, data: unknown) => {
    sent.push([type, data]);
    return answers[type as keyof typeof answers];
  }) as unknown as Send;
  const { observation } = fixtureCase('cloudflare-522');
  const report = {
    incident: pageFailed(observation),
    ownerReport: 'the report, as the background wrote it',
  };
  const actions = panelActions(report, { send, copy: async () => true, browserName });
  return { actions, sent };
}

describe('panelActions', () => {
  it('reloads the tab once the site answers again', async () => {
    const { actions, sent } = actionsWith({ retry: { outcome: 'back', statusCode: 200, time: 0 } });
    expect(await actions.retry()).toEqual({ kind: 'back' });
    expect(sent).toEqual([
      ['retry', {}],
      ['reloadTab', { bypassCache: false }],
    ]);
  });

  it('leaves the page alone while the site still fails', async () => {
    const { actions, sent } = actionsWith({
      retry: { outcome: 'still-failing', statusCode: 522, time: 0 },
    });
    expect(await actions.retry()).toEqual({ kind: 'still-failing', statusCode: 522 });
    expect(sent).toEqual([['retry', {}]]);
  });

  it('does not resend a form', async () => {
    const { actions, sent } = actionsWith({ retry: { outcome: 'refused-post' } });
    expect(await actions.retry()).toEqual({ kind: 'refused-post' });
    expect(sent).toHaveLength(1);
  });

  it('reloads around the browser’s cache for the hard reload', () => {
    const { actions, sent } = actionsWith();
    actions.reload(true);
    expect(sent).toEqual([['reloadTab', { bypassCache: true }]]);
  });

  it('copies the owner report the background wrote, asking nothing more', () => {
    const { actions, sent } = actionsWith();
    expect(actions.ownerReport()).toBe('the report, as the background wrote it');
    expect(sent).toEqual([]);
  });

  it('clears this tab’s site through the background, naming nothing in the message', async () => {
    const { actions, sent } = actionsWith({ clearSiteData: { outcome: 'cleared', time: 9 } });
    expect(await actions.clearSiteData?.clear()).toEqual({ outcome: 'cleared', time: 9 });
    expect(sent).toEqual([['clearSiteData', {}]]);
  });

  it('plans the clearing for the browser it runs in, for the confirmation to say what goes', () => {
    expect(actionsWith({}, 'firefox').actions.clearSiteData?.plan).toMatchObject({
      browser: 'firefox',
      host: 'shop.example.com',
    });
    expect(actionsWith({}, 'chrome').actions.clearSiteData?.plan).toMatchObject({
      browser: 'chrome',
      origin: 'https://shop.example.com',
    });
  });
});
