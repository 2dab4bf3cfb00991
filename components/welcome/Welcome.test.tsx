// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranslateContext } from '../i18n';
import type { HostAccessView } from './HostAccessRequest';
import { Welcome } from './Welcome';
import { createTranslator } from '@/lib/i18n/messages';
import english from '@/public/_locales/en/messages.json';

const translate = createTranslator(english);

function show(kind: HostAccessView['kind'], onRequest = vi.fn()) {
  const view = (
    <TranslateContext.Provider value={translate}>
      <Welcome hostAccess={{ kind } as HostAccessView} onRequestHostAccess={onRequest} />
    </TranslateContext.Provider>
  );
  return { onRequest, ...render(view) };
}

const requestButton = () => screen.queryByRole('button', { name: 'Allow access to all sites' });

describe('Welcome', () => {
  afterEach(cleanup);

  it('says what Gateway Doctor does and never does, under headings in a main landmark', () => {
    show('ready');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Gateway Doctor');
    const main = screen.getByRole('main');
    const headings = [...main.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual([
      'What it does',
      'What it never does',
      'Permissions, and why each is needed',
    ]);
    expect(main.textContent).toContain('Nothing leaves your browser unless you click for it.');
    expect(main.textContent).toContain('No telemetry');
  });

  it('lists each permission of the manifest with its reason', () => {
    show('ready');
    const terms = screen
      .getAllByRole('term')
      .map((term) => term.querySelector('code')?.textContent);
    expect(terms).toEqual(['webRequest', 'storage', '<all_urls>']);
    expect(screen.getAllByRole('definition')).toHaveLength(3);
  });

  it('offers no request when access was granted at install', () => {
    show('ready');
    expect(requestButton()).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('ready');
  });

  it('asks for access when it is withheld, on click', () => {
    const { onRequest } = show('missing');
    const button = requestButton();
    expect(button).not.toBeNull();
    fireEvent.click(button as HTMLElement);
    expect(onRequest).toHaveBeenCalledOnce();
  });

  it('does not ask twice while the browser’s prompt is open', () => {
    const { onRequest } = show('asking');
    const button = requestButton() as HTMLElement;
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(onRequest).not.toHaveBeenCalled();
  });

  it('says whether access was granted, and moves focus to the answer once the button is gone', () => {
    show('granted');
    expect(requestButton()).toBeNull();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Access to all sites granted' }),
    ).toBeTruthy();
    const answer = screen.getByRole('status');
    expect(answer.textContent).toContain('now notices server errors');
    expect(document.activeElement).toBe(answer);

    cleanup();
    show('refused');
    expect(screen.getByRole('status').textContent).toContain('Access was not granted');
    expect(requestButton()).not.toBeNull();
  });
});
