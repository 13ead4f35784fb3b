import { useTranslation } from 'react-i18next';
import { formatCell, type TableModel } from '../../../shared/reports/format.js';
import type { Cell } from '../../../shared/reports/types.js';
import { useLanguage } from '../i18n.js';

/** One table of a report: a row per unit, month or code, the total row at the foot. `link`: where a row's first count opens its records. */
export function ReportTable({ table, link }: { table: TableModel; link?: ((rowKey: string) => string | null) | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const kinds = table.definition.columns.map((c) => c.kind);
  const cells = (values: Cell[], href: string | null = null) => values.map((v, i) => (
    <td key={i} className={kinds[i] === 'text' ? undefined : 'number'}>{href && i === 0 ? <a href={href}>{formatCell(v, kinds[i] ?? 'count', language)}</a> : formatCell(v, kinds[i] ?? 'count', language)}</td>
  ));
  return (
    <table className="report-table">
      <caption className="visually-hidden">{table.title}</caption>
      <thead>
        <tr>{table.headings.map((h, i) => <th key={i} scope="col" className={i > 0 && kinds[i - 1] !== 'text' ? 'number' : undefined}>{h}</th>)}</tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr><td colSpan={table.headings.length}>{t('reports.empty')}</td></tr>
        ) : (
          table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {cells(row.cells, link?.(row.key) ?? null)}
            </tr>
          ))
        )}
      </tbody>
      {table.total && table.rows.length > 0 ? (
        <tfoot>
          <tr><td>{t('reports.total')}</td>{cells(table.total)}</tr>
        </tfoot>
      ) : null}
    </table>
  );
}
