// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInEnglish } from '../diagnosis/test-support';
import { NetworkCheck } from './NetworkCheck';

afterEach(cleanup);
const PAGE = 'https://shop.example.com/cart?item=3';

describe('NetworkCheck', () => {
  it('shows the code on request, labelled with the address it holds, and says what each outcome means', () => {
    const onToggle = vi.fn();
    renderInEnglish(
      <NetworkCheck pageUrl={PAGE} qrAddress={PAGE} modules={null} onToggle={onToggle} />,
    );
    const button = screen.getByRole('button', { name: 'Show a code for your phone' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(onToggle).toHaveBeenCalledOnce();
    cleanup();
    renderInEnglish(
      <NetworkCheck
        pageUrl={PAGE}
        qrAddress={PAGE}
        modules={[
          [true, false],
          [false, true],
        ]}
        onToggle={onToggle}
      />,
    );
    expect(screen.getByRole('img', { name: `QR code of ${PAGE}` })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Hide the code' }).getAttribute('aria-expanded'),
    ).toBe('true');
    expect(document.body.textContent).toContain('If the page loads there, the site works');
  });

  it('links to the check of whether the site is down for everyone', () => {
    renderInEnglish(
      <NetworkCheck pageUrl={PAGE} qrAddress={PAGE} modules={null} onToggle={() => undefined} />,
    );
    expect(screen.getByRole('link').getAttribute('href')).toBe(
      'https://downforeveryoneorjustme.com/shop.example.com',
    );
  });
});
