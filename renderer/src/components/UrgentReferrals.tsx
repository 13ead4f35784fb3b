import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';

/**
 * Evidence of trafficking, labour exploitation or sex trade found on an inspection: a red banner on the
 * home screen, above everything else, until an officer acknowledges each referral.
 */
export function UrgentReferrals() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = useFormat();
  const alerts = useQuery('alerts.list', { kinds: ['urgent_referral'], limit: 50 });
  const items = alerts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section role="alert" className="card urgent-banner" aria-label={t('camp.urgent.title')}>
      <h2>{t('camp.urgent.title')}</h2>
      <ul>
        {items.map((a) => (
          <li key={a.recordId}>
            <a href={`#/campaigns/inspections/${a.inspectionId ?? ''}`}>{t('camp.urgent.line', { site: a.label, date: f.date(a.date) })}</a>{' '}
            <button type="button" onClick={() => void api['referrals.acknowledge']({ id: a.recordId }).then(() => alerts.reload())}>{t('camp.urgent.acknowledge')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
