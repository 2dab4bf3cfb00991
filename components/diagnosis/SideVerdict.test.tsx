// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '@/lib/i18n/messages';
import { SideVerdict } from './SideVerdict';
import { fixtureCase, renderInEnglish } from './test-support';

afterEach(cleanup);

describe('SideVerdict', () => {
  it('tells the visitor a gateway timeout is not their fault, and how long it usually lasts', () => {
    renderInEnglish(<SideVerdict {...fixtureCase('cloudflare-522').diagnosis} />);
    expect(screen.getByText(/on the site's side: nothing is wrong with your device/)).toBeTruthy();
    expect(screen.getByText(/^Usually/)).toBeTruthy();
  });

  it('points at the visitor’s side when it is theirs', () => {
    renderInEnglish(
      <SideVerdict side="visitor" typicalDuration={message('durationUntilOnline')} />,
    );
    expect(screen.getByText(/most likely on your side/)).toBeTruthy();
    expect(screen.getByText('Until your connection is back')).toBeTruthy();
  });
});
