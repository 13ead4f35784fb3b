import type { i18n as I18n } from 'i18next';
import type { ReportResult } from '../contract/reports.js';
import { formatDate } from '../khmer.js';
import { digits, displayNumber, type DisplayLanguage } from '../display.js';
import type { Cell, ReportDefinition, TableDefinition } from './types.js';

type T = I18n['t'];
const tr = (t: T, key: string, params?: Record<string, unknown>) => t(key as never, params as never) as unknown as string;

/** One table of a report, ready for any output: headings and cells in the reader's language. */
export interface TableModel {
  id: string;
  title: string;
  /** The first heading is the dimension's (nationality, unit, month …). */
  headings: string[];
  definition: TableDefinition;
  rows: { key: string; label: string; cells: Cell[] }[];
  total: Cell[] | null;
}

export function reportTitle(t: T, name: string): string {
  return tr(t, `reports.name.${name}`);
}

/** What the figures cover: the period, or the day of a count of who is staying; the unit; the nationality. */
export function reportScope(t: T, result: ReportResult, language: DisplayLanguage, nationalityName: (code: string) => string): string {
  const parts = [
    result.params.from && result.params.to
      ? tr(t, 'reports.period', { from: formatDate(result.params.from, language), to: formatDate(result.params.to, language) })
      : tr(t, 'reports.staying', { date: formatDate(result.today, language) }),
    result.unitName ? result.unitName[language] : tr(t, 'reports.whole'),
  ];
  if (result.params.nationality) parts.push(nationalityName(result.params.nationality));
  return parts.join(' · ');
}

export function tableModels(t: T, definition: ReportDefinition, result: ReportResult, language: DisplayLanguage): TableModel[] {
  return definition.tables.map((table) => {
    const data = result.tables.find((x) => x.id === table.id) ?? { rows: [], total: null };
    const title = definition.tables.length > 1 ? tr(t, `reports.table.${definition.name}.${table.id}`) : reportTitle(t, definition.name);
    return {
      id: table.id,
      title,
      headings: [tr(t, `reports.dimension.${table.dimension}`), ...table.columns.map((c) => tr(t, `reports.column.${c.key}`))],
      definition: table,
      rows: data.rows.map((r) => ({ key: r.key, label: r.label[language], cells: r.cells })),
      total: data.total,
    };
  });
}

/** A cell as people read it: counts grouped, shares as a percentage with one decimal, in the language's digits. */
export function formatCell(cell: Cell, kind: 'count' | 'share' | 'text', language: DisplayLanguage): string {
  if (cell === null) return '—';
  if (kind === 'share' && typeof cell === 'number') {
    const text = `${(Math.round(cell * 1000) / 10).toFixed(1)}%`;
    return language === 'km' ? digits(text, 'km') : text;
  }
  if (typeof cell === 'number') return displayNumber(cell, language);
  return cell;
}
