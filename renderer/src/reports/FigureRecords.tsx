import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordFigure, type RecordFigure, type RecordRow } from '../../../shared/contract/reports.js';
import { EXPIRY_WARNING_DAYS } from '../../../shared/document-expiry.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import type { Label } from '../../../shared/reports/types.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useFormat } from '../format.js';
import './reports.css';

/** The window of "documents expiring" (the alerts' too). */
const expiryDays = EXPIRY_WARNING_DAYS;

/** The report that counts what a figure counts, by unit or month (none counts expiring documents). */
export const REPORT_OF: Partial<Record<RecordFigure, string>> = {
  staying: 'foreigners-by-nationality',
  arrivalsWeek: 'arrivals-departures',
  departuresWeek: 'arrivals-departures',
  lateStaying: 'timeliness',
  reported30: 'timeliness',
  premisesWithoutPledge: 'pledges',
};

/** `#/reports/records/<figure>/<unit or all>[/<nationality>]`: where a home figure (or a by-nationality count) leads. */
export function recordsLink(figure: RecordFigure, unit: string | null, nationality?: string): string {
  return `#/reports/records/${figure}/${unit || 'all'}${nationality ? `/${encodeURIComponent(nationality)}` : ''}`;
}

export function isRecordFigure(value: string | undefined): value is RecordFigure {
  return (recordFigure.options as readonly string[]).includes(value ?? '');
}

interface Loaded { entity: 'stay' | 'premises' | 'person'; total: number; unitName: Label | null; items: RecordRow[]; nextCursor: string | null }

/** The records a home figure counts: how many (the same number as the figure), then each, opening its page. */
export function FigureRecords({ figure, unit, nationality }: { figure: RecordFigure; unit: string | undefined; nationality: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const request = { figure, ...(unit && unit !== 'all' ? { unit } : {}), ...(nationality ? { nationality } : {}), limit: 100 };
  const load = (cursor: string | null, current = { live: true }) => {
    void api['reports.records']({ ...request, cursor }).then((r) => {
      if (!current.live) return;
      if (!r.ok) return setError(r.error);
      setData((old) => ({ ...r.value, items: cursor && old ? [...old.items, ...r.value.items] : r.value.items }));
    });
  };
  useEffect(() => {
    const current = { live: true };
    setData(null);
    setError(null);
    load(null, current);
    return () => { current.live = false; };
  }, [figure, unit, nationality]);
  const scope = [data?.unitName ? data.unitName[f.language] : t('reports.records.whole'), nationality ? f.nationality(nationality) : null].filter(Boolean).join(' · ');
  const report = REPORT_OF[figure] ? `#/reports/${REPORT_OF[figure]}${unit && unit !== 'all' ? `/${unit}` : ''}` : null;
  return (
    <section className="figure-records">
      <h1>{t(`reports.dashboard.${figure === 'reported30' ? 'onTimeShare' : figure}`, { days: expiryDays })}</h1>
      <p className="report-scope">{scope}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <p>{t('reports.loading')}</p> : null}
      {data ? (
        <>
          <p className="figure-count" role="status">{t(`reports.records.count.${data.entity}`, { count: data.total })}</p>
          {report ? <p><a href={report}>{t('reports.records.openReport')}</a></p> : null}
          {data.items.length === 0 ? <p className="hint">{t('reports.records.none')}</p> : null}
          {data.items.length > 0 && data.entity === 'premises' ? (
            <table className="report-table" aria-label={t('reports.records.list')}>
              <thead><tr><th scope="col">{t('reports.records.column.name')}</th><th scope="col">{t('reports.records.column.pledge')}</th></tr></thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id}>
                    <td><a href={`#/premises/${r.id}`}>{r.name}</a> <span lang="km">{r.nameKm}</span></td>
                    <td>{t(`reg.pledge.${(r.pledgeStatus ?? 'none') as 'none' | 'printed' | 'signed'}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {data.items.length > 0 && data.entity === 'person' ? (
            <table className="report-table" aria-label={t('reports.records.list')}>
              <thead>
                <tr>
                  <th scope="col">{t('reports.records.column.name')}</th>
                  <th scope="col">{t('reports.records.column.nationality')}</th>
                  <th scope="col">{t('reports.records.column.passportExpiry')}</th>
                  <th scope="col">{t('reports.records.column.visaExpiry')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id}>
                    <td><a href={`#/foreigners/${r.id}`}>{r.name}</a> <span lang="km">{r.nameKm}</span></td>
                    <td>{r.nationality ? f.nationality(r.nationality) : t('reports.records.unknown')}</td>
                    <td>{f.date(r.passportExpiry)}</td>
                    <td>{f.date(r.visaExpiry)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {data.items.length > 0 && data.entity === 'stay' ? (
            <table className="report-table" aria-label={t('reports.records.list')}>
              <thead>
                <tr>
                  <th scope="col">{t('reports.records.column.name')}</th>
                  <th scope="col">{t('reports.records.column.nationality')}</th>
                  <th scope="col">{t('reports.records.column.premises')}</th>
                  <th scope="col">{t('reports.records.column.arrived')}</th>
                  <th scope="col">{t('reports.records.column.departed')}</th>
                  <th scope="col">{t('reports.records.column.reporting')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id}>
                    <td>{r.name ? <a href={`#/foreigners/${r.personId}`}>{r.name}</a> : t('reports.records.unknown')} <span lang="km">{r.nameKm}</span></td>
                    <td>{r.nationality ? f.nationality(r.nationality) : t('reports.records.unknown')}</td>
                    <td>{r.premisesName ? <a href={`#/premises/${r.premisesId}`}>{r.premisesName}</a> : t('reports.records.unknown')}</td>
                    <td>{f.date(r.arrivedOn)}</td>
                    <td>{r.departedOn ? f.date(r.departedOn) : t('reports.records.staying')}</td>
                    <td>{t(r.late ? 'reports.records.late' : 'reports.records.onTime')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {data.nextCursor ? <button type="button" className="secondary" onClick={() => load(data.nextCursor)}>{t('reports.records.loadMore')}</button> : null}
        </>
      ) : null}
    </section>
  );
}
