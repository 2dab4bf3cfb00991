// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranslateContext } from '../i18n';
import type { HostAccessView } from './HostAccessRequest';
import { Welcome } from './Welcome';
import { createTranslator } from '@/lib/i18n/messages';
import english from '@/public/_locales/en/messages.json';

const translate = createTranslator(english);
/** The permissions Firefox's manifest asks for, in the manifest's order (host access last, as the browser lists it). */
const FIREFOX_MANIFEST = [
  'storage',
  'webRequest',
  'scripting',
  'alarms',
  'notifications',
  'browsingData',
  'dns',
  '<all_urls>',
];

function show(kind: HostAccessView['kind'], onRequest = vi.fn(), permissions = FIREFOX_MANIFEST) {
  const view = (
    <TranslateContext.Provider value={translate}>
      <Welcome
        hostAccess={{ kind } as HostAccessView}
        onRequestHostAccess={onRequest}
        permissions={permissions}
      />
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
      'Settings and history',
    ]);
    expect(main.textContent).toContain('Nothing leaves your browser unless you click for it.');
    expect(main.textContent).toContain('No telemetry');
  });

  it('lists each permission the manifest asks for with its reason, and no other', () => {
    show('ready');
    const terms = () =>
      screen.getAllByRole('term').map((term) => term.querySelector('code')?.textContent);
    expect(terms()).toEqual([
      'webRequest',
      'scripting',
      'storage',
      'alarms',
      'notifications',
      'browsingData',
      'dns',
      '<all_urls>',
    ]);
    const reasons = screen.getAllByRole('definition').map((reason) => reason.textContent);
    expect(reasons).toHaveLength(8);
    expect(reasons[6]).toMatch(/^Optional: asked for only when you run the DNS check/);

    // Chrome has no dns API: its manifest does not ask, and its page does not say.
    cleanup();
    show(
      'ready',
      vi.fn(),
      FIREFOX_MANIFEST.filter((id) => id !== 'dns'),
    );
    expect(terms()).not.toContain('dns');
    expect(screen.getAllByRole('definition')).toHaveLength(7);
  });

  it('links to the settings and the history', () => {
    show('ready');
    expect(screen.getByRole('link', { name: 'Open the settings' }).getAttribute('href')).toBe(
      'options.html',
    );
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
