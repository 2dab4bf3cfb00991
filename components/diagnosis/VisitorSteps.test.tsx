// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '@/lib/diagnosis/diagnose';
import type { DiagnosisActions } from './StepAction';
import { VisitorSteps } from './VisitorSteps';
import { fixtureCase, OBSERVED_AT, renderInEnglish, translate } from './test-support';

afterEach(cleanup);

function fakeActions(): DiagnosisActions {
  return {
    retry: vi.fn(async () => ({ kind: 'still-failing', statusCode: 502 }) as const),
    reload: vi.fn(),
    copy: vi.fn(async () => true),
    ownerReport: vi.fn(() => 'the report'),
  };
}

function renderSteps(id: string, extraHeaders: { name: string; value: string }[] = []) {
  const { diagnosis, observation } = fixtureCase(id, extraHeaders);
  const actions = fakeActions();
  renderInEnglish(
    <VisitorSteps
      diagnosis={diagnosis}
      pageUrl={observation.url}
      os="windows"
      actions={actions}
      now={() => OBSERVED_AT}
    />,
  );
  const steps = within(screen.getByRole('list')).getAllByRole('listitem');
  return { diagnosis, actions, steps };
}

describe('VisitorSteps', () => {
  it('numbers every step of the diagnosis, each with why it may help', () => {
    const { diagnosis, steps } = renderSteps('cloudflare-522');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('What you can do');
    expect(screen.getByRole('list').tagName).toBe('OL');
    expect(steps).toHaveLength(diagnosis.visitorSteps.length);
    diagnosis.visitorSteps.forEach((step, index) => {
      expect(steps[index]?.textContent).toContain(translate(step.title));
      expect(steps[index]?.textContent).toContain(translate(step.why));
    });
  });

  it('asks the site again from the first step, and reloads around the cache for the hard reload', async () => {
    const { actions, steps } = renderSteps('nginx-502-chrome');
    fireEvent.click(within(steps[0]!).getByRole('button', { name: 'Try again' }));
    expect(actions.retry).toHaveBeenCalledTimes(1);
    expect(
      await within(steps[0]!).findByText('Still failing: the site answered 502 again.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reload without cache' }));
    expect(actions.reload).toHaveBeenCalledWith(true);
  });

  it('reloads at once on Try again where the page cannot ask the site first', () => {
    const { diagnosis, observation } = fixtureCase('nginx-502-chrome');
    const reload = vi.fn();
    renderInEnglish(
      <VisitorSteps
        diagnosis={diagnosis}
        pageUrl={observation.url}
        os="windows"
        actions={{ reload, copy: async () => true, ownerReport: () => '' }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalledWith(false);
  });

  it('counts down beside the retry step when the site sent Retry-After', () => {
    // RFC 9110: Retry-After: 120 asks the client to wait two minutes.
    renderSteps('caddy-503', [{ name: 'Retry-After', value: '120' }]);
    expect(screen.getByRole('timer').textContent).toBe('The site asked to wait: 2:00 left');
  });

  it('shows no countdown without Retry-After', () => {
    renderSteps('caddy-503');
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('copies the owner report, written when the button is pressed', async () => {
    const { actions } = renderSteps('cloudflare-522');
    expect(actions.ownerReport).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: "Copy report for the site's owner" }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(actions.copy).toHaveBeenCalledWith('the report');
  });

  it('links to the outside checks in a new tab, without the page’s query string', () => {
    renderSteps('cloudflare-522');
    const down = screen.getByRole('link', { name: /downforeveryoneorjustme\.com/ });
    expect(down.getAttribute('href')).toBe('https://downforeveryoneorjustme.com/shop.example.com');
    const archive = screen.getByRole('link', { name: /Wayback Machine/ });
    expect(archive.getAttribute('href')).toBe(
      'https://web.archive.org/web/https://shop.example.com/cart',
    );
    for (const link of [down, archive]) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.textContent).toContain('(opens in a new tab)');
    }
  });

  it('gives the DNS command for the visitor’s system when the site’s name did not resolve', () => {
    const diagnosis = diagnose({
      url: 'https://shop.example.com/',
      method: 'GET',
      statusCode: 0,
      networkError: 'net::ERR_NAME_NOT_RESOLVED',
      headers: [],
      frame: 'main_frame',
      time: OBSERVED_AT,
    });
    renderInEnglish(
      <VisitorSteps
        diagnosis={diagnosis}
        pageUrl="https://shop.example.com/"
        os="windows"
        actions={fakeActions()}
      />,
    );
    expect(screen.getByText('ipconfig /flushdns')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy command' })).toBeTruthy();
  });
});
