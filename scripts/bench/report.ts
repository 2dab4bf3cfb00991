/** The benchmark's table, as plain text for the terminal and as Markdown for the README. */
import type { Row } from './rows';

export interface SectionResult {
  readonly section: string;
  readonly rows: readonly Row[];
}

/** Whole numbers with thousands separators; others to three significant figures or so. */
export function formatValue(value: number): string {
  if (Number.isInteger(value) || Math.abs(value) >= 100)
    return Math.round(value).toLocaleString('en');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const HEADER = ['section', 'measure', 'value', 'unit', 'target'];

function cells(results: readonly SectionResult[]): string[][] {
  return results.flatMap(({ section, rows }) =>
    rows.map((row) => [
      section,
      row.measure,
      formatValue(row.value),
      row.unit,
      row.target ? `${row.target.text}: ${row.target.met ? 'met' : 'MISSED'}` : '',
    ]),
  );
}

export function textTable(results: readonly SectionResult[]): string {
  const lines = cells(results);
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (line: string[]) =>
    line
      .map((cell, column) =>
        column === 2 ? cell.padStart(widths[2] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [format(HEADER), ...lines.map(format)].join('\n');
}

/** A Markdown table; the section is named once, on its first row. */
export function markdownTable(results: readonly SectionResult[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  let previous = '';
  const lines = cells(results).map(([section = '', ...rest]) => {
    const shown = section === previous ? '' : section;
    previous = section;
    return `| ${[shown, ...rest].map(escape).join(' | ')} |`;
  });
  return [`| ${HEADER.join(' | ')} |`, '| --- | --- | ---: | --- | --- |', ...lines].join('\n');
}
