// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClearSiteDataResult } from '@/lib/checks/results';
import { siteDataPlan } from '@/lib/checks/site-data';
import { ClearSiteData } from './ClearSiteData';
import { renderInEnglish } from './test-support';

afterEach(cleanup);

const chrome = siteDataPlan('https://shop.example.com/cart', 'chrome')!;
const firefox = siteDataPlan('https://shop.example.com/cart', 'firefox')!;

async function openConfirmation() {
  fireEvent.click(screen.getByRole('button', { name: "Clear this site's data…" }));
  return screen.findByRole('group', { name: 'Clear the data of shop.example.com?' });
}

describe('ClearSiteData', () => {
  it('says exactly what Chrome clears, naming the registrable domain, before anything goes', async () => {
    const clear = vi.fn(async (): Promise<ClearSiteDataResult> => ({
      outcome: 'cleared',
      time: 0,
    }));
    renderInEnglish(<ClearSiteData plan={chrome} cookieDomain="example.com" clear={clear} />);
    const confirmation = await openConfirmation();
    expect(confirmation.textContent).toContain(
      'Chrome deletes the cookies of example.com and all its subdomains, which signs you out of them.',
    );
    expect(confirmation.textContent).toContain('https://shop.example.com stored in your browser');
    expect(confirmation.textContent).toContain('and its cached files');
    expect(clear).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(confirmation));
  });

  it('states Chrome’s rule when the domain is not known', async () => {
    renderInEnglish(
      <ClearSiteData plan={chrome} clear={async () => ({ outcome: 'cleared', time: 0 })} />,
    );
    expect((await openConfirmation()).textContent).toContain(
      'the cookies of the whole site shop.example.com belongs to, its other subdomains included',
    );
  });

  it('says plainly that Firefox cannot clear the site’s cached files', async () => {
    renderInEnglish(
      <ClearSiteData plan={firefox} clear={async () => ({ outcome: 'cleared', time: 0 })} />,
    );
    const text = (await openConfirmation()).textContent ?? '';
    expect(text).toContain('Firefox deletes the cookies of shop.example.com');
    expect(text).toContain("Firefox cannot clear one site's cached files, so they stay");
    expect(text).not.toContain('Chrome');
  });

  it('clears on confirmation, says so, and gives focus back to its button', async () => {
    const clear = vi.fn(async (): Promise<ClearSiteDataResult> => ({
      outcome: 'cleared',
      time: Date.UTC(2026, 0, 1, 12),
    }));
    renderInEnglish(<ClearSiteData plan={chrome} clear={clear} />);
    await openConfirmation();
    fireEvent.click(screen.getByRole('button', { name: 'Clear and sign me out' }));
    expect(
      await screen.findByText(/^Cleared at .+: you are signed out of this site\./),
    ).toBeTruthy();
    expect(clear).toHaveBeenCalledOnce();
    const opener = screen.getByRole('button', { name: "Clear this site's data…" });
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('closes on Cancel or Escape without clearing, and keeps Escape from the page around it', async () => {
    const clear = vi.fn(async (): Promise<ClearSiteDataResult> => ({
      outcome: 'cleared',
      time: 0,
    }));
    const outside = vi.fn();
    renderInEnglish(
      <div onKeyDown={outside}>
        <ClearSiteData plan={chrome} clear={clear} />
      </div>,
    );
    await openConfirmation();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    const confirmation = await openConfirmation();
    fireEvent.keyDown(confirmation, { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(outside).not.toHaveBeenCalled();
    expect(clear).not.toHaveBeenCalled();
  });

  it('reports what the browser refused, and what an earlier clearing did', async () => {
    renderInEnglish(
      <ClearSiteData
        plan={chrome}
        clear={async () => ({ outcome: 'failed', error: 'Invalid origin' })}
        done={{ outcome: 'nothing-to-clear' }}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('There is no site in this tab to clear.');
    await openConfirmation();
    fireEvent.click(screen.getByRole('button', { name: 'Clear and sign me out' }));
    expect(
      await screen.findByText('The browser could not clear the data: Invalid origin'),
    ).toBeTruthy();
  });

  it('without browsingData, says the browser refused on a page that asked, and where to go in the panel', async () => {
    const notAllowed = async () => ({ outcome: 'not-allowed' }) as const;
    renderInEnglish(<ClearSiteData plan={chrome} clear={notAllowed} asksForPermission />);
    await openConfirmation();
    fireEvent.click(screen.getByRole('button', { name: 'Clear and sign me out' }));
    expect(
      await screen.findByText(
        'Nothing was cleared: your browser did not allow Gateway Doctor to clear site data.',
      ),
    ).toBeTruthy();
    cleanup();
    renderInEnglish(<ClearSiteData plan={chrome} clear={notAllowed} />);
    await openConfirmation();
    fireEvent.click(screen.getByRole('button', { name: 'Clear and sign me out' }));
    expect((await screen.findByText(/^Nothing was cleared/)).textContent).toBe(
      "Nothing was cleared: Gateway Doctor needs your permission to clear site data, and only its own window can ask for it. Click the Gateway Doctor button in the toolbar and clear this site's data from there.",
    );
  });

  it('lets the page around it prepare before the confirmation opens', async () => {
    let ready: () => void = () => undefined;
    const prepare = vi.fn(() => new Promise<void>((resolve) => (ready = resolve)));
    renderInEnglish(
      <ClearSiteData
        plan={chrome}
        prepare={prepare}
        clear={async () => ({ outcome: 'cleared', time: 0 })}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: "Clear this site's data…" }));
    expect(prepare).toHaveBeenCalledOnce();
    expect(screen.queryByRole('group')).toBeNull();
    ready();
    expect(await screen.findByRole('group')).toBeTruthy();
  });
});
