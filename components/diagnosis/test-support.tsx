/** Test helpers: components rendered in English from the real catalogue, diagnoses from the real gateway responses. */
import { render } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import english from '../../public/_locales/en/messages.json';
import { diagnose } from '../../lib/diagnosis/diagnose';
import type { HeaderEntry, Observation } from '../../lib/diagnosis/types';
import { createTranslator } from '../../lib/i18n/messages';
import { fixtureMarkers, headerEntries, loadGatewayFixture } from '../../tests/support/fixtures';
import { TranslateContext } from '../i18n';

export const translate = createTranslator(english);

export function renderInEnglish(ui: ComponentChild) {
  return render(<TranslateContext.Provider value={translate}>{ui}</TranslateContext.Provider>);
}

export const OBSERVED_AT = Date.UTC(2026, 2, 20, 22, 52, 42);

/** A diagnosis of one of tests/fixtures/gateways, as the background makes it for a main frame with that response. */
export function fixtureCase(id: string, extraHeaders: HeaderEntry[] = []) {
  const fixture = loadGatewayFixture(id);
  const observation: Observation = {
    url: 'https://shop.example.com/cart?session=secret#pay',
    method: 'GET',
    statusCode: fixture.status,
    statusLine: `HTTP/1.1 ${fixture.status} ${fixture.reason}`,
    headers: [...headerEntries(fixture), ...extraHeaders],
    frame: 'main_frame',
    page: fixtureMarkers(fixture),
    time: OBSERVED_AT,
  };
  return { fixture, observation, diagnosis: diagnose(observation) };
}

/** The text a screen reader reads: without what is hidden from it (marks drawn for the eye). */
export function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent ?? '';
}
