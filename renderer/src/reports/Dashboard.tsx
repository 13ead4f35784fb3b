import { useTranslation } from 'react-i18next';
import type { DashboardRow, RecordFigure } from '../../../shared/contract/reports.js';
import { formatCell } from '../../../shared/reports/format.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { useLanguage } from '../i18n.js';
import { BundleTimeliness } from './BundleTimeliness.js';
import { recordsLink } from './FigureRecords.js';
import './reports.css';

type Figure = 'staying' | 'arrivalsWeek' | 'departuresWeek' | 'lateStaying' | 'premisesWithoutPledge' | 'onTimeShare' | 'documentsExpiring';

/** The records behind each figure (a share: the stays it is taken over). */
const BEHIND: Record<Figure, RecordFigure> = {
  staying: 'staying',
  arrivalsWeek: 'arrivalsWeek',
  departuresWeek: 'departuresWeek',
  lateStaying: 'lateStaying',
  premisesWithoutPledge: 'premisesWithoutPledge',
  onTimeShare: 'reported30',
  documentsExpiring: 'documentsExpiring',
};
const FIGURES = Object.keys(BEHIND) as Figure[];

const link = (figure: Figure, unit: string) => recordsLink(BEHIND[figure], unit);

/** The home dashboard: this office's figures, and at a province or the national office the same per commune or province; each opens its records. */
export function Dashboard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const data = useQuery('reports.dashboard', {});
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <p>{t('reports.loading')}</p>;
  const { level, rows, total, pendingChanges } = data.data;
  const value = (row: DashboardRow, figure: Figure) =>
    figure === 'onTimeShare' ? formatCell(row.reported30 > 0 ? row.onTime30 / row.reported30 : null, 'share', language) : formatCell(row[figure], 'count', language);
  return (
    <section className="dashboard" aria-label={t('reports.dashboard.title')}>
      <h2>{t('reports.dashboard.title')}</h2>
      <ul className="dashboard-figures">
        {FIGURES.map((figure) => (
          <li key={figure}>
            <a href={link(figure, data.data!.unit ?? '')}>
              <span className="dashboard-value">{value(total, figure)}</span>
              <span>{t(`reports.dashboard.${figure}`, { days: data.data!.expiryDays })}</span>
            </a>
          </li>
        ))}
        <li>
          <a href="#/sync">
            <span className="dashboard-value">{formatCell(pendingChanges, 'count', language)}</span>
            <span>{t('reports.dashboard.pendingChanges')}</span>
          </a>
        </li>
      </ul>
      <BundleTimeliness offices={data.data.offices} lateDays={data.data.bundleLateDays} />
      {level !== 'commune' ? (
        <table className="report-table dashboard-table">
          <caption>{t(level === 'province' ? 'reports.dashboard.perCommune' : 'reports.dashboard.perProvince')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.dimension.unit')}</th>
              {FIGURES.map((figure) => <th key={figure} scope="col" className="number">{t(`reports.dashboard.${figure}`, { days: data.data!.expiryDays })}</th>)}
              <th scope="col">{t('reports.dashboard.lastBundle')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unit}>
                <th scope="row">{row.label[language]}</th>
                {FIGURES.map((figure) => (
                  <td key={figure} className="number">
                    <a href={link(figure, row.unit)} aria-label={`${row.label[language]}: ${t(`reports.dashboard.${figure}`, { days: data.data!.expiryDays })}`}>{value(row, figure)}</a>
                  </td>
                ))}
                <td>{row.lastBundle ? <a href="#/sync/history">{format.date(row.lastBundle)}</a> : t('reports.dashboard.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
