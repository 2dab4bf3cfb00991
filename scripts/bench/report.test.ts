import { describe, expect, it } from 'vitest';
import { formatValue, markdownTable, textTable, type SectionResult } from './report';

const results: SectionResult[] = [
  {
    section: 'healthy browsing',
    rows: [
      { measure: 'median page load', value: 312.46, unit: 'ms' },
      {
        measure: 'with / without',
        value: 1.0149,
        unit: '×',
        target: { text: '≤ 1.02', met: true },
      },
    ],
  },
  {
    section: 'panel',
    rows: [
      {
        measure: '95th percentile | slowest',
        value: 131,
        unit: 'ms',
        target: { text: '≤ 100 ms', met: false },
      },
    ],
  },
];

describe('formatValue', () => {
  it('rounds large values and separates thousands, keeps two decimals for small ones', () => {
    expect(formatValue(1_234_567.8)).toBe('1,234,568');
    expect(formatValue(312.46)).toBe('312');
    expect(formatValue(42.26)).toBe('42.3');
    expect(formatValue(1.0149)).toBe('1.01');
    expect(formatValue(7)).toBe('7');
  });
});

describe('textTable', () => {
  it('aligns the columns, right-aligns the values and says whether each target was met', () => {
    expect(textTable(results).split('\n')).toEqual([
      'section           measure                    value  unit  target',
      'healthy browsing  median page load             312  ms',
      'healthy browsing  with / without              1.01  ×     ≤ 1.02: met',
      'panel             95th percentile | slowest    131  ms    ≤ 100 ms: MISSED',
    ]);
  });
});

describe('markdownTable', () => {
  it('names each section once and escapes pipes in the cells', () => {
    expect(markdownTable(results).split('\n')).toEqual([
      '| section | measure | value | unit | target |',
      '| --- | --- | ---: | --- | --- |',
      '| healthy browsing | median page load | 312 | ms |  |',
      '|  | with / without | 1.01 | × | ≤ 1.02: met |',
      '| panel | 95th percentile \\| slowest | 131 | ms | ≤ 100 ms: MISSED |',
    ]);
  });
});
