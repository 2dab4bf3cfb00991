// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WatchView } from '@/lib/watch/watch';
import { TranslateContext } from '../i18n';
import type { DiagnosisActions } from './StepAction';
import { fixtureCase, renderInEnglish, translate } from './test-support';
import { VisitorSteps } from './VisitorSteps';
import { WatchControl } from './WatchControl';

afterEach(cleanup);

const AT = Date.UTC(2026, 2, 20, 14, 5);
const clock = (at: number) => new Date(at).toISOString().slice(11, 16);

function show(view: WatchView | null) {
  const onWatch = vi.fn();
  const onStop = vi.fn();
  renderInEnglish(
    <WatchControl view={view} onWatch={onWatch} onStop={onStop} formatTime={clock} />,
  );
  const status = () => screen.getByRole('status').textContent;
  const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent);
  return { onWatch, onStop, status, buttons };
}

describe('WatchControl', () => {
  it('offers to watch before the background has answered, and when nothing is watched', () => {
    for (const view of [null, { kind: 'idle', fromForm: false } as const]) {
      const { onWatch, status, buttons } = show(view);
      expect(buttons()).toEqual(["Tell me when it's back"]);
      expect(status()).toBe('');
      fireEvent.click(screen.getByRole('button'));
      expect(onWatch).toHaveBeenCalledOnce();
      cleanup();
    }
  });

  it('says when the site is asked next, with a way to stop', () => {
    const { onStop, status, buttons } = show({
      kind: 'watching',
      fromForm: false,
      nextAt: AT,
      paused: false,
    });
    expect(status()).toBe('Watching: next check at 14:05.');
    expect(buttons()).toEqual(['Stop watching']);
    fireEvent.click(screen.getByRole('button'));
    expect(onStop).toHaveBeenCalledOnce();
  });

  it('says, while it watches, that no notification will come when the browser has not allowed them', () => {
    const watching = { kind: 'watching', fromForm: false, nextAt: AT, paused: false } as const;
    show({ ...watching, notificationBlocked: true });
    expect(screen.getByText(/No notification will come/).textContent).toBe(
      "No notification will come: your browser has not allowed Gateway Doctor to show them. The tab will show the page when its site is back; you can allow notifications in Gateway Doctor's options.",
    );
    cleanup();
    show(watching);
    expect(screen.queryByText(/No notification will come/)).toBeNull();
  });

  it('says it waits for the network while offline, and when the last check is under way', () => {
    expect(show({ kind: 'watching', fromForm: false, nextAt: null, paused: true }).status()).toBe(
      'Watching, paused while you are offline.',
    );
    cleanup();
    expect(show({ kind: 'watching', fromForm: false, nextAt: null, paused: false }).status()).toBe(
      'Watching: checking one last time.',
    );
  });

  it('says the site is back, with nothing more to press', () => {
    const { status, buttons } = show({ kind: 'back', fromForm: false, at: AT });
    expect(status()).toBe('The site answered again at 14:05.');
    expect(buttons()).toEqual([]);
  });

  it('says it gave up, and offers to watch again', () => {
    const { onWatch, status, buttons } = show({
      kind: 'gave-up',
      fromForm: false,
      at: AT,
      minutes: 120,
    });
    expect(status()).toBe('Stopped at 14:05: the site still failed after 120 minutes.');
    expect(buttons()).toEqual(['Watch again']);
    fireEvent.click(screen.getByRole('button'));
    expect(onWatch).toHaveBeenCalledOnce();
  });

  it.each([
    ['nothing-to-watch', 'There is no failed page in this tab to watch any more.'],
    ['private-window', /does not watch pages of private windows/],
  ] as const)('says why it cannot watch: %s', (reason, text) => {
    const { status, buttons } = show({ kind: 'refused', reason });
    expect(status()).toMatch(text);
    expect(buttons()).toEqual([]);
  });

  it('says how many sites it watches at most, and lets the visitor try again', () => {
    const { status, buttons } = show({ kind: 'cap', max: 10 });
    expect(status()).toBe(
      'You are already watching 10 sites, as many as Gateway Doctor watches at once. Stop watching one, or wait for one to end, to watch this one.',
    );
    expect(buttons()).toEqual(["Tell me when it's back"]);
  });

  it('says honestly what watching a page that came from a form means, in every state', () => {
    for (const view of [
      { kind: 'idle', fromForm: true },
      { kind: 'watching', fromForm: true, nextAt: AT, paused: false },
      { kind: 'back', fromForm: true, at: AT },
    ] as const) {
      show(view);
      expect(screen.getByText(/came from a form/).textContent).toBe(
        'This page came from a form. Gateway Doctor asks for the address without sending the form again, so “back” means the site answers, not that your form went through, and it will not reload this tab.',
      );
      cleanup();
    }
    show({ kind: 'idle', fromForm: false });
    expect(screen.queryByText(/came from a form/)).toBeNull();
  });

  it('keeps focus on its button when a click turns Watch into Stop', () => {
    const props = { onWatch: () => undefined, onStop: () => undefined, formatTime: clock };
    const { rerender } = renderInEnglish(<WatchControl view={null} {...props} />);
    const button = screen.getByRole('button');
    button.focus();
    rerender(
      <TranslateContext.Provider value={translate}>
        <WatchControl
          view={{ kind: 'watching', fromForm: false, nextAt: AT, paused: false }}
          {...props}
        />
      </TranslateContext.Provider>,
    );
    expect(document.activeElement?.textContent).toBe('Stop watching');
  });

  it('writes the time in the visitor’s locale unless told otherwise', () => {
    renderInEnglish(
      <WatchControl
        view={{ kind: 'back', fromForm: false, at: AT }}
        onWatch={() => undefined}
        onStop={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(
      /^The site answered again at \d{1,2}[:.]\d{2}(\s?[AP]M)?\.$/,
    );
  });
});

describe('the watch step', () => {
  function renderStep(watch?: DiagnosisActions['watch']) {
    const { diagnosis, observation } = fixtureCase('cloudflare-522');
    const actions: DiagnosisActions = {
      reload: () => undefined,
      copy: async () => true,
      ownerReport: () => '',
      ...(watch && { watch }),
    };
    renderInEnglish(
      <VisitorSteps diagnosis={diagnosis} pageUrl={observation.url} os="linux" actions={actions} />,
    );
    return within(screen.getByText('Let Gateway Doctor watch the page').closest('li')!);
  }

  it('carries the control where the page can watch', () => {
    const onWatch = vi.fn();
    const step = renderStep({ view: null, onWatch, onStop: () => undefined });
    fireEvent.click(step.getByRole('button', { name: "Tell me when it's back" }));
    expect(onWatch).toHaveBeenCalledOnce();
  });

  it('is only advice where the page cannot', () => {
    expect(renderStep().queryByRole('button')).toBeNull();
  });
});
