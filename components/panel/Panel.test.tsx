// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureCase, renderInEnglish } from '../diagnosis/test-support';
import { Panel, type PanelMode } from './Panel';

afterEach(cleanup);

function renderPanel(mode: PanelMode = 'card', id = 'cloudflare-522') {
  const { diagnosis, observation } = fixtureCase(id);
  const callbacks = {
    actions: {
      retry: vi.fn(async () => ({ kind: 'no-answer' }) as const),
      reload: vi.fn(),
      copy: vi.fn(async () => true),
      ownerReport: vi.fn(() => 'report'),
    },
    onIgnoreSite: vi.fn(),
    onClose: vi.fn(),
  };
  const view = renderInEnglish(
    <Panel
      diagnosis={diagnosis}
      pageUrl={observation.url}
      mode={mode}
      os="windows"
      {...callbacks}
    />,
  );
  return { ...view, ...callbacks };
}

const landmark = () =>
  screen.getByRole('complementary', { name: 'Gateway Doctor: why this page did not load' });
const escape = (target: Element) => fireEvent.keyDown(target, { key: 'Escape' });

describe('Panel', () => {
  it('is a labelled landmark that takes no focus when it appears', () => {
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    renderPanel();
    expect(landmark()).toBeTruthy();
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('orders its controls from the header to "Don’t show on this site"', () => {
    renderPanel();
    const focusable = [
      ...landmark().querySelectorAll<HTMLElement>('button, a[href], summary, textarea'),
    ].map((element) => element.getAttribute('aria-label') ?? element.textContent);
    expect(focusable.slice(0, 2)).toEqual(['Minimise', 'Close for this page']);
    expect(focusable.at(-2)).toBe('I run this site');
    expect(focusable.at(-1)).toBe("Don't show on this site");
    // Nothing is taken out of the tab order, and the card itself is focusable only by script.
    expect(landmark().querySelectorAll('[tabindex]:not([tabindex="-1"])')).toHaveLength(0);
  });

  it('shrinks to a pill on Escape, keeps focus on the pill, and opens again from it', () => {
    renderPanel();
    const retry = screen.getByRole('button', { name: 'Try again' });
    retry.focus();
    const reachedPage = vi.fn();
    document.addEventListener('keydown', reachedPage);
    escape(retry);
    document.removeEventListener('keydown', reachedPage);
    expect(reachedPage).not.toHaveBeenCalled();

    const pill = screen.getByRole('button', { name: '522 Connection Timed Out: what went wrong?' });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(pill);
    expect(screen.queryByText('What you can do')).toBeNull();
    expect(landmark()).toBeTruthy();

    fireEvent.click(pill);
    expect(screen.getByText('What you can do')).toBeTruthy();
    expect(document.activeElement).toBe(landmark());
  });

  it('shrinks to the pill from its Minimise button too', () => {
    renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Minimise' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /what went wrong/ }));
  });

  it('closes for this page', () => {
    const { onClose, onIgnoreSite, container } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Close for this page' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onIgnoreSite).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe('');
  });

  it('stops showing on this site, and closes', () => {
    const { onClose, onIgnoreSite, container } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: "Don't show on this site" }));
    expect(onIgnoreSite).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(container.innerHTML).toBe('');
  });

  it('hands the page’s actions to the steps', () => {
    const { actions } = renderPanel('card', 'nginx-502-chrome');
    fireEvent.click(screen.getByRole('button', { name: 'Reload without cache' }));
    expect(actions.reload).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(actions.retry).toHaveBeenCalledTimes(1);
  });

  describe('over a page that shows real content', () => {
    it('starts as a one-sentence notice that does not cover the page with the explanation', () => {
      renderPanel('notice', 'nginx-500');
      expect(landmark().textContent).toContain(
        'This page reported an error (500 Internal Server Error), yet it shows content.',
      );
      expect(screen.queryByText('What you can do')).toBeNull();
    });

    it('opens the full explanation on request, and shrinks on Escape', () => {
      renderPanel('notice', 'nginx-500');
      fireEvent.click(screen.getByRole('button', { name: 'What happened?' }));
      expect(screen.getByText('What you can do')).toBeTruthy();
      escape(landmark());
      expect(screen.getByRole('button', { name: /what went wrong/ })).toBeTruthy();
    });

    it('shrinks on Escape from the notice itself', () => {
      renderPanel('notice', 'nginx-500');
      escape(screen.getByRole('button', { name: 'What happened?' }));
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /what went wrong/ }));
    });
  });
});
