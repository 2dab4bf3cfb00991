// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranslateContext } from '../i18n';
import { WatchList, type WatchListProps } from './WatchList';
import { createTranslator } from '@/lib/i18n/messages';
import { startWatch, type Watch } from '@/lib/watch/watch';
import english from '@/public/_locales/en/messages.json';
import spanish from '@/public/_locales/es/messages.json';

const START = new Date(2026, 2, 20, 14, 5).getTime();
const MINUTE = 60_000;

function watching(id: string, url: string): Watch {
  const { result } = startWatch(
    [],
    { id, url, tabId: 3, fromForm: false, retryAfterAt: null, giveUpMinutes: 120, now: START },
    0,
  );
  if (result.kind === 'cap') throw new Error('capped');
  return result.watch;
}

const running = watching('a', 'https://shop.example/cart');
const paused = { ...watching('p', 'https://paused.example/'), pausedSince: START };
const last = { ...watching('l', 'https://last.example/'), nextAt: null };
const back = {
  ...watching('b', 'https://back.example/'),
  status: 'back' as const,
  endedAt: START + 30 * MINUTE,
};
const gaveUp = {
  ...watching('g', 'https://gave-up.example/'),
  status: 'gave-up' as const,
  endedAt: START + 120 * MINUTE,
};

function show(overrides: Partial<WatchListProps> = {}, catalogue: object = english) {
  const props: WatchListProps = {
    watches: [],
    lang: 'en-GB',
    lastStop: null,
    onStop: vi.fn(),
    ...overrides,
  };
  const view = (next: WatchListProps) => (
    <TranslateContext.Provider value={createTranslator(catalogue as typeof english)}>
      <WatchList {...next} />
    </TranslateContext.Provider>
  );
  const rendered = render(view(props));
  return {
    props,
    rerender: (next: Partial<WatchListProps>) => rendered.rerender(view({ ...props, ...next })),
  };
}

const row = (url: string) => screen.getByText(url).closest('li') as HTMLElement;

describe('WatchList', () => {
  afterEach(cleanup);

  it('says clearly when nothing is watched', () => {
    show();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Pages being watched');
    expect(screen.getByText(/^No page is being watched\./)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows each watch’s address, what it is doing and when it asks next', () => {
    show({ watches: [running, paused, last, back, gaveUp] });
    const list = screen.getByRole('list', { name: 'Pages being watched' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    // Started at 14:05, first asked 30 s later: 14:05 still, to the minute.
    expect(row('https://shop.example/cart').textContent).toContain(
      'Watching: next check at 14:05.',
    );
    expect(row('https://paused.example/').textContent).toContain(
      'Watching, paused while you are offline.',
    );
    expect(row('https://last.example/').textContent).toContain('checking one last time');
    expect(row('https://back.example/').textContent).toContain('The site answered again at 14:35.');
    expect(row('https://gave-up.example/').textContent).toContain(
      'Stopped at 16:05: the site still failed after 120 minutes.',
    );
  });

  it('stops a running watch, and removes an ended one, each button naming its page', () => {
    const { props } = show({ watches: [running, back] });
    fireEvent.click(
      screen.getByRole('button', { name: 'Stop watching https://shop.example/cart' }),
    );
    expect(props.onStop).toHaveBeenCalledExactlyOnceWith(running);
    const remove = screen.getByRole('button', {
      name: 'Remove https://back.example/ from the list',
    });
    expect(remove.textContent).toBe('Remove');
    fireEvent.click(remove);
    expect(props.onStop).toHaveBeenLastCalledWith(back);
  });

  it('announces what came of a stop, and moves the keyboard to it', () => {
    const { rerender } = show({ watches: [running] });
    expect(screen.getByRole('status').textContent).toBe('');
    rerender({
      watches: [],
      lastStop: { url: 'https://shop.example/cart', ended: false, stopped: true },
    });
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Stopped watching https://shop.example/cart.');
    expect(document.activeElement).toBe(status);
    rerender({ lastStop: { url: 'https://back.example/', ended: true, stopped: true } });
    expect(screen.getByRole('status').textContent).toBe(
      'Removed https://back.example/ from the list.',
    );
    rerender({
      watches: [running],
      lastStop: { url: 'https://shop.example/cart', ended: false, stopped: false },
    });
    expect(screen.getByRole('status').textContent).toBe(
      'Gateway Doctor could not stop watching https://shop.example/cart. Try again.',
    );
  });

  it('speaks the page’s language', () => {
    show({ watches: [running], lang: 'es' }, spanish);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Páginas vigiladas');
    expect(screen.getByRole('button').textContent).toBe('Dejar de vigilar');
    expect(row('https://shop.example/cart').textContent).toContain(
      'Vigilando: próxima comprobación a las 14:05.',
    );
  });
});
