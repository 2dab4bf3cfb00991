// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AddressLookup } from '@/lib/checks/results';
import { renderInEnglish } from '../diagnosis/test-support';
import { DnsCheck } from './DnsCheck';

afterEach(cleanup);
const copy = async () => true;
const resolved = (
  comparison: 'same' | 'changed' | 'not-recorded',
  observedIp: string | null,
): AddressLookup => ({
  outcome: 'resolved',
  host: 'shop.example.com',
  addresses: ['198.51.100.7', '2001:db8::7'],
  observedIp,
  comparison,
  time: 1,
});

describe('DnsCheck', () => {
  it('in Chrome, says the browser cannot look addresses up and gives this system’s command', () => {
    renderInEnglish(
      <DnsCheck
        browser="chrome"
        os="windows"
        copy={copy}
        result={undefined}
        running={false}
        onLookUp={() => undefined}
      />,
    );
    expect(document.body.textContent).toContain('Chrome does not let extensions look up a site');
    expect(document.body.textContent).toContain('ipconfig /flushdns');
    expect(screen.queryByRole('button', { name: 'Look it up' })).toBeNull();
  });

  it('in Firefox, looks up on a click', () => {
    const onLookUp = vi.fn();
    renderInEnglish(
      <DnsCheck
        browser="firefox"
        os="linux"
        copy={copy}
        result={undefined}
        running={false}
        onLookUp={onLookUp}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Look it up' }));
    expect(onLookUp).toHaveBeenCalledOnce();
  });

  it.each([
    [
      resolved('same', '198.51.100.7'),
      'shop.example.com still points to 198.51.100.7, the address the failed request went to.DNS is not the cause'.replace(
        'DNS',
        "Your browser's address for the site is current: DNS",
      ),
    ],
    [
      resolved('changed', '203.0.113.5'),
      'shop.example.com now points to 198.51.100.7, 2001:db8::7, but the failed request went to 203.0.113.5.',
    ],
    [resolved('not-recorded', null), 'so there is nothing to compare'],
    [
      { outcome: 'failed', host: 'shop.example.com', error: 'NS_ERROR_UNKNOWN_HOST' } as const,
      'The name shop.example.com could not be looked up now (NS_ERROR_UNKNOWN_HOST).',
    ],
    [{ outcome: 'no-name', host: '192.0.2.10' } as const, 'reached by its address, 192.0.2.10'],
    [
      { outcome: 'unavailable' } as const,
      'This browser does not let extensions look up an address.',
    ],
  ])('says what %o means', (result, expected) => {
    renderInEnglish(
      <DnsCheck
        browser="firefox"
        os="linux"
        copy={copy}
        result={result}
        running={false}
        onLookUp={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain(expected);
  });
});
