// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TranslateContext } from '../i18n';
import { OptionsHeader, type OptionsHeaderProps } from './OptionsHeader';
import { createTranslator } from '@/lib/i18n/messages';
import english from '@/public/_locales/en/messages.json';

const translate = createTranslator(english);
const show = (lastSave: OptionsHeaderProps['lastSave']) =>
  render(
    <TranslateContext.Provider value={translate}>
      <OptionsHeader lastSave={lastSave} lang="en" />
    </TranslateContext.Provider>,
  );

describe('OptionsHeader', () => {
  afterEach(cleanup);

  it('names the page and links to what Gateway Doctor does and why it needs each permission', () => {
    show(null);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Gateway Doctor settings');
    const about = screen.getByRole('link', { name: /why it needs each permission/ });
    expect(about.getAttribute('href')).toBe('welcome.html');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('announces each save with its time, and a refused one', () => {
    const time = new Date(2026, 2, 5, 14, 5, 12).getTime();
    show({ saved: true, time });
    // ICU puts a narrow no-break space before PM in recent versions, a plain one in older ones.
    expect(screen.getByRole('status').textContent).toMatch(/^Saved at 2:05:12\sPM\.$/);
    cleanup();
    show({ saved: false, time });
    expect(screen.getByRole('status').textContent).toContain('could not be saved');
  });
});
