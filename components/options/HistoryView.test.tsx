// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranslateContext } from '../i18n';
import { HistoryView, type HistoryViewProps } from './HistoryView';
import { incidentChart } from '@/lib/history/chart';
import { filterHistory, historyFacets, NO_FILTER } from '@/lib/history/filter';
import type { HistoryEntry } from '@/lib/history/history';
import { readHistory } from '@/lib/history/reading';
import { createTranslator } from '@/lib/i18n/messages';
import english from '@/public/_locales/en/messages.json';

const translate = createTranslator(english);
const NOW = new Date(2026, 2, 5, 12).getTime();

const entries: HistoryEntry[] = [
  {
    time: NOW - 3_600_000,
    site: 'https://shop.example/cart',
    origin: 'https://shop.example',
    statusCode: 502,
    gateway: 'Cloudflare',
    recoveredAt: NOW - 3_600_000 + 4 * 60_000 + 30_000,
  },
  {
    time: NOW - 86_400_000,
    site: 'https://news.example',
    origin: 'https://news.example',
    statusCode: 0,
    gateway: null,
    recoveredAt: null,
  },
];

function show(stored: unknown, overrides: Partial<HistoryViewProps> = {}) {
  const reading = readHistory(stored);
  const shown = filterHistory(reading.entries, NO_FILTER);
  const props: HistoryViewProps = {
    reading,
    shown,
    facets: historyFacets(reading.entries),
    filter: NO_FILTER,
    chart: incidentChart(shown, NOW),
    historyMode: 'origin',
    lang: 'en',
    confirmingClear: false,
    cleared: false,
    onFilter: vi.fn(),
    onExport: vi.fn(),
    onAskToClear: vi.fn(),
    onCancelClear: vi.fn(),
    onClear: vi.fn(),
    ...overrides,
  };
  const view = (next: HistoryViewProps) => (
    <TranslateContext.Provider value={translate}>
      <HistoryView {...next} />
    </TranslateContext.Provider>
  );
  const rendered = render(view(props));
  return {
    props,
    rerender: (change: Partial<HistoryViewProps>) =>
      rendered.rerender(view({ ...props, ...change })),
  };
}

const rows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('HistoryView', () => {
  afterEach(cleanup);

  it('says when nothing has been recorded, and offers nothing to export or clear', () => {
    show([]);
    expect(screen.getByText(/No errors recorded yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says when the history is off', () => {
    show([], { historyMode: 'off' });
    expect(screen.getByText('History is off, so new errors are not recorded.')).toBeTruthy();
  });

  it('lists each incident: when, site, error, gateway and how long until it was back', () => {
    show(entries);
    expect(rows()).toEqual([
      [
        expect.stringContaining('Mar 5, 2026'),
        'https://shop.example/cart',
        '502 Bad Gateway',
        'Cloudflare',
        '5 minutes',
      ],
      [
        expect.stringContaining('Mar 4, 2026'),
        'https://news.example',
        'No answer',
        'Not identified',
        'Not seen working yet',
      ],
    ]);
    expect(screen.getByRole('table').querySelector('time')?.getAttribute('datetime')).toBe(
      new Date(entries[0]!.time).toISOString(),
    );
    expect(screen.getByText('Errors shown: 2 of 2.')).toBeTruthy();
  });

  it('says how many stored entries could not be read, one or many', () => {
    show([entries[0], { broken: true }]);
    expect(
      screen.getByText('One stored entry could not be read, so it is not shown.'),
    ).toBeTruthy();
    expect(rows()).toHaveLength(1);
    cleanup();
    show([entries[0], 1, 2, 'x']);
    expect(
      screen.getByText('3 stored entries could not be read, so they are not shown.'),
    ).toBeTruthy();
  });

  it('says a damaged history could not be read, and offers to clear it', () => {
    const { props } = show('{"history": corrupted');
    expect(screen.getByText(/The stored history could not be read/)).toBeTruthy();
    expect(screen.queryByText(/No errors recorded yet/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history…' }));
    expect(props.onAskToClear).toHaveBeenCalledOnce();
  });

  it('says how many entries beyond what the history keeps are not shown', () => {
    const many = Array.from({ length: 230 }, (_, i) => ({
      ...entries[1]!,
      time: NOW - i * 60_000,
    }));
    show(many);
    expect(
      screen.getByText(
        'The history keeps the newest 200 errors: 30 older entries in storage are not shown.',
      ),
    ).toBeTruthy();
    // Counted without role queries, which are slow over 200 rows in happy-dom.
    expect(document.querySelectorAll('tbody tr')).toHaveLength(200);
  });

  it('filters by site and by error, offering each once', () => {
    const { props } = show(entries);
    const site = screen.getByLabelText('Site') as HTMLSelectElement;
    expect([...site.options].map((o) => o.textContent)).toEqual([
      'All sites',
      'https://news.example',
      'https://shop.example',
    ]);
    fireEvent.change(site, { target: { value: 'https://shop.example' } });
    expect(props.onFilter).toHaveBeenLastCalledWith({ origin: 'https://shop.example' });
    const status = screen.getByLabelText('Error') as HTMLSelectElement;
    expect([...status.options].map((o) => o.textContent)).toEqual([
      'All errors',
      'No answer',
      '502 Bad Gateway',
    ]);
    fireEvent.change(status, { target: { value: '502' } });
    expect(props.onFilter).toHaveBeenLastCalledWith({ statusCode: 502 });
    fireEvent.change(status, { target: { value: '' } });
    expect(props.onFilter).toHaveBeenLastCalledWith({ statusCode: null });
  });

  it('draws the chart as one image named by what it shows', () => {
    show(entries);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Errors per day from Feb 27 to Mar 5: 2 in all, at most 1 in one day.',
    );
    expect(chart.querySelectorAll('rect')).toHaveLength(7);
    expect([...chart.querySelectorAll('rect title')].map((t) => t.textContent).slice(-2)).toEqual([
      'Mar 4: 1',
      'Mar 5: 1',
    ]);
  });

  it('exports as JSON or CSV on request', () => {
    const { props } = show(entries);
    fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    expect(vi.mocked(props.onExport).mock.calls).toEqual([['json'], ['csv']]);
  });

  it('clears only after asking, with focus on the safe answer, then back on the button', () => {
    const { props, rerender } = show(entries);
    const ask = screen.getByRole('button', { name: 'Clear history…' });
    fireEvent.click(ask);
    expect(props.onAskToClear).toHaveBeenCalledOnce();
    expect(props.onClear).not.toHaveBeenCalled();

    rerender({ confirmingClear: true });
    const question = screen.getByRole('group', {
      name: 'Delete every error in the history? This cannot be undone.',
    });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(props.onCancelClear).toHaveBeenCalledOnce();
    rerender({ confirmingClear: false });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear history…' }));

    rerender({ confirmingClear: true });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(props.onClear).toHaveBeenCalledOnce();
  });

  it('says the history was cleared, with focus on it', () => {
    show([], { cleared: true });
    const note = screen.getByText('History cleared.');
    expect(document.activeElement).toBe(note);
    expect(screen.queryByText(/No errors recorded yet/)).toBeNull();
  });
});
