import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nationalityName } from '../../../shared/display.js';
import { REPORTS, reportDefinition } from '../../../shared/reports/index.js';
import { reportScope, reportTitle, tableModels } from '../../../shared/reports/format.js';
import { DateField } from '../components/DateField.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { NationalityPicker } from '../components/NationalityPicker.js';
import { EMPTY_UNIT_SELECTION, UnitPicker, type UnitSelection } from '../components/UnitPicker.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { useQuery } from '../hooks.js';
import { saveOutputs } from '../save-files.js';
import { useLanguage } from '../i18n.js';
import { FigureRecords, isRecordFigure, recordsLink } from '../reports/FigureRecords.js';
import { ReportChart } from '../reports/ReportChart.js';
import { ReportTable } from '../reports/ReportTable.js';
import type { SectionProps } from '../sections.js';
import '../reports/reports.css';

interface Filters { from: string; to: string; unit: UnitSelection; nationality: string }
const NO_FILTERS: Filters = { from: '', to: '', unit: EMPTY_UNIT_SELECTION, nationality: '' };

/** `#/reports/<name>/<unit>` (from a dashboard figure) opens the report narrowed to that unit. */
function filtersFor(unit: string | undefined): Filters {
  if (!unit || !/^\d{2}(\d{2}(\d{2})?)?$/.test(unit)) return NO_FILTERS;
  return { ...NO_FILTERS, unit: { province: unit.slice(0, 2), district: unit.length >= 4 ? unit.slice(0, 4) : '', commune: unit.length === 6 ? unit : '' } };
}

/** `#/reports/records/…`: the records behind a home figure; `#/reports/<name>`: a report. */
export function ReportsScreen({ path }: SectionProps) {
  if (path[0] === 'records' && isRecordFigure(path[1])) return <FigureRecords figure={path[1]} unit={path[2]} nationality={path[3]} key={path.join('/')} />;
  return <ReportView path={path} />;
}

/** `#/reports/<name>`: the list of reports, the filters the chosen one takes, then each table and its chart. */
function ReportView({ path }: SectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const definition = reportDefinition(path[0] ?? '') ?? REPORTS[0]!;
  const [draft, setDraft] = useState<Filters>(() => filtersFor(path[1]));
  const [applied, setApplied] = useState<Filters>(() => filtersFor(path[1]));
  const takes = (p: 'period' | 'unit' | 'nationality') => definition.params.includes(p);
  const unit = applied.unit.commune || applied.unit.district || applied.unit.province;
  const request = {
    name: definition.name,
    ...(takes('period') && applied.from ? { from: applied.from } : {}),
    ...(takes('period') && applied.to ? { to: applied.to } : {}),
    ...(takes('unit') && unit ? { unit } : {}),
    ...(takes('nationality') && applied.nationality ? { nationality: applied.nationality } : {}),
  };
  const result = useQuery('reports.run', request);
  const data = result.data?.name === definition.name ? result.data : undefined;
  const tables = data ? tableModels(t, definition, data, language) : [];
  // Foreigners staying, by nationality or by unit: each row's count opens those foreigners' stays.
  const rowLink = definition.name === 'foreigners-by-nationality'
    ? (key: string) => (key ? recordsLink('staying', request.unit ?? null, key) : null)
    : definition.name === 'foreigners-by-unit'
      ? (key: string) => (/^\d{2,6}$/.test(key) ? recordsLink('staying', key, request.nationality) : null)
      : undefined;
  const [saveError, setSaveError] = useState<AppErrorShape | null>(null);
  const save = async (format: 'xlsx' | 'pdf', bilingual = false) => {
    setSaveError(null);
    const made = await api['reports.export']({ ...request, format, language, bilingual });
    if (!made.ok) return setSaveError(made.error);
    const saved = await saveOutputs([made.value.file], { title: t(`reports.export.${format}`), kinds: [{ label: format.toUpperCase(), extensions: [format] }] });
    if (saved && !saved.ok) setSaveError(saved.error);
  };
  return (
    <section>
      <h1>{t('nav.reports')}</h1>
      <div className="report-groups">
        {[...new Set(REPORTS.map((r) => r.group))].map((group) => (
          <div key={group} className="report-group">
            <p id={`report-group-${group}`} className="report-group-title">{t(`reports.group.${group}` as never)}</p>
            <ul className="report-list" aria-labelledby={`report-group-${group}`}>
              {REPORTS.filter((r) => r.group === group).map((r) => (
                <li key={r.name}>
                  <a href={`#/reports/${r.name}`} aria-current={r.name === definition.name ? 'page' : undefined}>{reportTitle(t, r.name)}</a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <form
        className="report-filters card"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
        }}
      >
        {takes('period') ? (
          <>
            <DateField label={t('reports.filter.from')} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
            <DateField label={t('reports.filter.to')} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
          </>
        ) : null}
        {takes('unit') ? <UnitPicker value={draft.unit} onChange={(u) => setDraft({ ...draft, unit: u })} /> : null}
        {takes('nationality') ? (
          <NationalityPicker label={t('reports.filter.nationality')} value={draft.nationality} allowEmpty onChange={(nationality) => setDraft({ ...draft, nationality })} />
        ) : null}
        <button type="submit">{t('reports.filter.run')}</button>
      </form>
      <h2>{reportTitle(t, definition.name)}</h2>
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {!data && !result.error ? <p>{t('reports.loading')}</p> : null}
      {data ? <p className="report-scope">{reportScope(t, data, language, (code) => nationalityName(code, language))}</p> : null}
      {data ? (
        <div className="report-actions">
          {(['xlsx', 'pdf'] as const).map((format) => (
            <button key={format} type="button" onClick={() => void save(format)}>{t(`reports.export.${format}`)}</button>
          ))}
          <button type="button" onClick={() => void save('pdf', true)}>{t('reports.export.pdfBilingual')}</button>
        </div>
      ) : null}
      {saveError ? <ErrorMessage error={saveError} /> : null}
      {tables.map((table) => (
        <div key={table.id}>
          {tables.length > 1 ? <h3>{table.title}</h3> : null}
          {table.rows.length > 0 ? <ReportChart table={table} /> : null}
          <ReportTable table={table} link={rowLink} />
        </div>
      ))}
    </section>
  );
}
