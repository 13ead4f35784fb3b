import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { DateField } from '../../components/DateField.js';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';
import { todayInOffice } from '../../office-time.js';

/** The counts the seeds quote for a period (this month unless changed), from `cases.stats`. */
export function CasesStats() {
  const { t } = useTranslation();
  const f = useFormat();
  const today = todayInOffice();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const stats = useQuery('cases.stats', { from, to });
  const s = stats.data;
  const rows: [string, string][] = s ? [
    [t('cases.statsUi.complaints'), f.number(s.complaints)],
    [t('cases.statsUi.operations'), f.number(s.operations)],
    [t('cases.statsUi.personsFound'), f.number(s.personsFound)],
    [t('cases.stats.declared'), t('cases.statsUi.bySex', { total: f.number(s.declaredVictims.total), m: f.number(s.declaredVictims.M), f: f.number(s.declaredVictims.F) })],
    [t('cases.stats.identified'), t('cases.statsUi.bySex', { total: f.number(s.identifiedVictims.total), m: f.number(s.identifiedVictims.M), f: f.number(s.identifiedVictims.F) })],
    [t('cases.statsUi.suspectsCharged'), [f.number(s.suspectsCharged), ...s.suspectsChargedByNationality.map((n) => `${f.nationality(n.nationality)} ${f.number(n.count)}`)].join(' · ')],
    [t('cases.statsUi.sitesClosedPermanently'), f.number(s.sitesClosedPermanently)],
    [t('cases.statsUi.sitesClosedTemporarily'), f.number(s.sitesClosedTemporarily)],
  ] : [];
  return (
    <section className="card" aria-label={t('cases.statsUi.title')}>
      <h2>{t('cases.statsUi.title')}</h2>
      <div className="row">
        <DateField label={t('input.field.from')} value={from} onChange={setFrom} />
        <DateField label={t('input.field.to')} value={to} onChange={setTo} />
      </div>
      {stats.error ? <ErrorMessage error={stats.error} /> : null}
      <table>
        <tbody>
          {rows.map(([label, value]) => <tr key={label}><th scope="row">{label}</th><td>{value}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}
