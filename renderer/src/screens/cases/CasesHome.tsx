import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';
import { navigate } from '../../router.js';
import { CasesStats } from './CasesStats.js';

/** Complaints and operations, newest first, with the way in to record new ones. */
export function CasesHome() {
  const { t } = useTranslation();
  const f = useFormat();
  const complaints = useQuery('complaints.list', { limit: 200 });
  const operations = useQuery('operations.list', { limit: 200 });
  return (
    <section className="cases">
      <div className="toolbar">
        <h1>{t('cases.ui.title')}</h1>
        <button type="button" className="primary" onClick={() => navigate('cases', 'complaint', 'new')}>{t('cases.ui.newComplaint')}</button>
        <button type="button" onClick={() => navigate('cases', 'operation', 'new')}>{t('cases.ui.newOperation')}</button>
      </div>
      <CasesStats />
      <section className="card" aria-label={t('cases.ui.complaints')}>
        <h2>{t('cases.ui.complaints')}</h2>
        {complaints.error ? <ErrorMessage error={complaints.error} /> : null}
        {complaints.data?.items.length === 0 ? <p className="hint">{t('cases.ui.noComplaints')}</p> : (
          <table>
            <thead>
              <tr>
                <th>{t('input.field.receivedAt')}</th><th>{t('input.field.channel')}</th><th>{t('input.field.category')}</th>
                <th>{t('input.field.urgency')}</th><th>{t('cases.ui.about')}</th><th>{t('reg.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {complaints.data?.items.map((c) => (
                <tr key={c.id}>
                  <td><a href={`#/cases/complaint/${c.id}`}>{f.date(c.receivedAt)}</a></td>
                  <td>{t(`cases.channel.${c.channel}`)}</td>
                  <td>{t(`cases.category.${c.category}`)}</td>
                  <td>{t(`cases.urgency.${c.urgency}`)}</td>
                  <td>{c.premisesName ?? c.personName ?? c.about}</td>
                  <td>{t(`cases.status.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-label={t('cases.ui.operations')}>
        <h2>{t('cases.ui.operations')}</h2>
        {operations.error ? <ErrorMessage error={operations.error} /> : null}
        {operations.data?.items.length === 0 ? <p className="hint">{t('cases.ui.noOperations')}</p> : (
          <table>
            <thead>
              <tr>
                <th>{t('input.field.heldOn')}</th><th>{t('input.field.kind')}</th><th>{t('input.field.leadUnit')}</th>
                <th>{t('cases.ui.where')}</th><th>{t('cases.ui.outcomeShort')}</th>
              </tr>
            </thead>
            <tbody>
              {operations.data?.items.map((o) => (
                <tr key={o.id}>
                  <td><a href={`#/cases/operation/${o.id}`}>{f.date(o.heldOn)}</a></td>
                  <td>{t(`cases.operationKind.${o.kind}`)}</td>
                  <td>{o.leadUnit}</td>
                  <td>{o.premisesName ?? o.target}</td>
                  <td>{t('cases.ui.outcome', { found: f.number(o.personsFound), identified: f.number(o.identifiedVictims), charged: f.number(o.suspectsCharged) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
