import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/contract/registration.js';
import { useFormat } from '../format.js';
import { navigate } from '../router.js';

/** Alerts of one record or of the whole register; each links to its person or premises. */
export function AlertList({ alerts, title }: { alerts: Alert[]; title?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-label={title ?? t('reg.alert.title')}>
      <h2>{title ?? t('reg.alert.title')}</h2>
      {alerts.length === 0 ? <p className="hint">{t('reg.alert.none')}</p> : null}
      <ul className="alerts">
        {alerts.map((alert, i) => (
          <li key={`${alert.kind}-${alert.recordId}-${i}`} className={`alert alert-${alert.severity}`}>
            <strong>{t(`reg.alert.${alert.kind}`)}</strong>{' '}
            <a
              href={alert.personId ? `#/foreigners/${alert.personId}` : alert.inspectionId ? `#/campaigns/inspections/${alert.inspectionId}` : `#/premises/${alert.premisesId ?? ''}`}
              onClick={() => (alert.personId ? navigate('foreigners', alert.personId)
                : alert.inspectionId ? navigate('campaigns', 'inspections', alert.inspectionId) : navigate('premises', alert.premisesId ?? ''))}
            >
              {alert.date ? t('reg.alert.line', { label: alert.label, date: f.date(alert.date) }) : alert.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
