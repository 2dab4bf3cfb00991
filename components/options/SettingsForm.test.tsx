// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranslateContext } from '../i18n';
import { SettingsForm, type BrowserName } from './SettingsForm';
import { createTranslator } from '@/lib/i18n/messages';
import { DEFAULT_SETTINGS, type AddSiteOutcome, type Settings } from '@/lib/settings/settings';
import english from '@/public/_locales/en/messages.json';

const translate = createTranslator(english);

function show({
  settings = DEFAULT_SETTINGS,
  browser = 'chrome' as BrowserName,
  addOutcome = 'added' as AddSiteOutcome,
  notificationsAllowed = true,
} = {}) {
  const onChange = vi.fn<(patch: Partial<Settings>) => void>();
  const onAddSite = vi.fn((_typed: string) => addOutcome);
  const onRemoveSite = vi.fn();
  render(
    <TranslateContext.Provider value={translate}>
      <SettingsForm
        settings={settings}
        browser={browser}
        lang="en"
        onChange={onChange}
        onAddSite={onAddSite}
        onRemoveSite={onRemoveSite}
        notificationsAllowed={notificationsAllowed}
      />
    </TranslateContext.Provider>,
  );
  return { onChange, onAddSite, onRemoveSite };
}

/** The text of the elements an aria-describedby names. */
const description = (element: Element) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

describe('SettingsForm', () => {
  afterEach(cleanup);

  it('has a control, explained, for every setting in the schema', () => {
    show();
    const controls = [...document.querySelectorAll('[data-setting]')];
    // Settings' keys, read from the defaults: a setting added to the schema without a control here fails this.
    expect(controls.map((c) => c.getAttribute('data-setting')).sort()).toEqual(
      Object.keys(DEFAULT_SETTINGS).sort(),
    );
    for (const control of controls) {
      const input = control.querySelector('input, select');
      const name = control.getAttribute('data-setting');
      expect(input, name!).not.toBeNull();
      const explained = control.matches('fieldset') ? control : input!;
      expect(description(explained), name!).not.toBe('');
    }
  });

  it('sends each change at once, as the patch to save', () => {
    const { onChange } = show();
    fireEvent.click(screen.getByLabelText('Show the panel on pages that fail'));
    expect(onChange).toHaveBeenLastCalledWith({ panelEnabled: false });
    fireEvent.click(screen.getByLabelText('Stay silent on local addresses'));
    expect(onChange).toHaveBeenLastCalledWith({ ignoreLocalAddresses: true });
    fireEvent.click(screen.getByLabelText(/^The page's address/));
    expect(onChange).toHaveBeenLastCalledWith({ historyMode: 'full' });
    const giveUp = screen.getByLabelText('Stop trying after') as HTMLSelectElement;
    fireEvent.change(giveUp, { target: { value: '30' } });
    expect(onChange).toHaveBeenLastCalledWith({ watchGiveUpMinutes: 30 });
  });

  it('shows the stored values, offering a give-up time stored from elsewhere too', () => {
    show({
      settings: {
        ...DEFAULT_SETTINGS,
        notifications: false,
        historyMode: 'off',
        watchGiveUpMinutes: 45,
      },
    });
    expect(
      (screen.getByLabelText('Notify me when a site is back') as HTMLInputElement).checked,
    ).toBe(false);
    expect((screen.getByLabelText('Nothing: no history') as HTMLInputElement).checked).toBe(true);
    const giveUp = screen.getByLabelText('Stop trying after') as HTMLSelectElement;
    expect(giveUp.value).toBe('45');
    expect(giveUp.selectedOptions[0]?.textContent).toBe('45 minutes');
    expect([...giveUp.options].map((o) => o.textContent)).toContain('2 hours');
  });

  it('shows notifications off, with the reason, while the browser has not allowed them; a click asks to turn them on', () => {
    const { onChange } = show({ notificationsAllowed: false });
    const box = screen.getByLabelText('Notify me when a site is back') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(description(box)).toContain(
      'Your browser has not allowed Gateway Doctor to show notifications, so none will come. Turning this on asks it.',
    );
    fireEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith({ notifications: true });
    // Until the settings say otherwise (the browser granted it), the box still shows what they say.
    expect(box.checked).toBe(false);
    cleanup();
    show();
    const allowed = screen.getByLabelText('Notify me when a site is back') as HTMLInputElement;
    expect(allowed.checked).toBe(true);
    expect(description(allowed)).not.toContain('has not allowed');
  });

  it('says in Firefox that the explanation page is Chrome’s alone, and offers it in Chrome', () => {
    show({ browser: 'firefox' });
    const firefox = screen.getByLabelText("Explain Chrome's bare error pages") as HTMLInputElement;
    expect(firefox.disabled).toBe(true);
    expect(description(firefox)).toContain('this setting does nothing in Firefox');
    cleanup();
    show({ browser: 'chrome' });
    const chrome = screen.getByLabelText("Explain Chrome's bare error pages") as HTMLInputElement;
    expect(chrome.disabled).toBe(false);
    expect(description(chrome)).not.toContain('Firefox');
  });
});

describe('the "don\'t show" list', () => {
  afterEach(cleanup);
  const field = () => screen.getByLabelText('Site to add') as HTMLInputElement;

  it('lists the sites, each with a Remove button named after it, and keeps focus near after one goes', () => {
    const { onRemoveSite } = show({
      settings: { ...DEFAULT_SETTINGS, ignoredSites: ['shop.example', 'news.example'] },
    });
    expect(
      screen.getAllByRole('listitem').map((item) => item.querySelector('span')?.textContent),
    ).toEqual(['shop.example', 'news.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove news.example' }));
    expect(onRemoveSite).toHaveBeenCalledWith('news.example');
    expect(document.activeElement).toBe(field());
  });

  it('says when there are none', () => {
    show();
    expect(screen.getByText('No sites yet.')).toBeTruthy();
  });

  it('adds what was typed, and empties the field', () => {
    const { onAddSite } = show();
    fireEvent.input(field(), { target: { value: 'https://shop.example/cart' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onAddSite).toHaveBeenCalledWith('https://shop.example/cart');
    expect(field().value).toBe('');
    expect(field().getAttribute('aria-invalid')).toBe('false');
  });

  it.each([
    ['invalid', 'That is not a site'],
    ['duplicate', 'already in the list'],
    ['full', 'The list is full'],
  ] as const)('keeps the text and says why when the site is %s', (outcome, why) => {
    show({ addOutcome: outcome });
    fireEvent.input(field(), { target: { value: 'typed' } });
    fireEvent.submit(field().form!);
    expect(field().value).toBe('typed');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(description(field())).toContain(why);
    expect(screen.getByRole('status').textContent).toContain(why);
  });
});
