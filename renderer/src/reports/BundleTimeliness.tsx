import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/contract/reports.js';
import { useFormat } from '../format.js';

/** At a province or the national office: each office below, its last bundle received here, and whether it is late. */
export function BundleTimeliness({ offices, lateDays }: { offices: Dashboard['offices']; lateDays: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (offices.length === 0) return null;
  return (
    <>
      <table className="report-table bundle-timeliness">
        <caption>{t('reports.bundles.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.bundles.office')}</th>
            <th scope="col">{t('reports.bundles.unit')}</th>
            <th scope="col">{t('reports.bundles.last')}</th>
            <th scope="col">{t('reports.bundles.ago')}</th>
            <th scope="col">{t('reports.bundles.status')}</th>
          </tr>
        </thead>
        <tbody>
          {offices.map((o) => (
            <tr key={o.officeId} className={o.late ? 'late' : undefined}>
              <th scope="row">{o.name}</th>
              <td>{o.unit[f.language]}</td>
              <td>{o.lastBundle ? <a href="#/sync/history">{f.date(o.lastBundle)}</a> : t('reports.bundles.never')}</td>
              <td>{o.daysAgo === null ? '—' : o.daysAgo === 0 ? t('reports.bundles.today') : t('reports.bundles.daysAgo', { count: o.daysAgo })}</td>
              <td>{o.lastBundle === null ? t('reports.bundles.never') : o.late ? t('reports.bundles.late', { days: lateDays }) : t('reports.bundles.onTime')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('reports.bundles.hint', { days: lateDays })}</p>
    </>
  );
}
