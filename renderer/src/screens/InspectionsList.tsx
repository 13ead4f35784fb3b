import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { Can } from '../session.js';
import { AdHocInspectionForm } from './AdHocInspectionForm.js';

/** Inspections still waiting for proof of a work-permit application, then all of them. */
export function InspectionsList() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = useFormat();
  const pending = useQuery('inspections.list', { proofPending: true, limit: 500 });
  const all = useQuery('inspections.list', { limit: 500 });
  const table = (label: string, items: NonNullable<typeof all.data>['items']) => (
    <table aria-label={label}>
      <thead><tr><th>{t('camp.target')}</th><th>{t('print.inspection.reason')}</th><th>{t('camp.plan.date')}</th><th>{t('camp.field.status')}</th><th>{t('camp.proofPending')}</th></tr></thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <td><a href={`#/campaigns/inspections/${i.id}`}>{i.siteName}</a></td>
            <td>{t(`print.inspection.reasonCode.${i.reason}`)}</td>
            <td>{f.date(i.plannedOn)}</td>
            <td>{t(`camp.inspectionStatus.${i.status}`)}</td>
            <td>{f.number(i.proofPending)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section>
      <p><a href="#/campaigns">{t('camp.back')}</a></p>
      <h1>{t('camp.inspections')}</h1>
      <Can op="inspections.create"><AdHocInspectionForm /></Can>
      {pending.data && pending.data.items.length > 0 ? <><h2>{t('camp.proofPending')}</h2>{table(t('camp.proofPending'), pending.data.items)}</> : null}
      {all.data && all.data.items.length === 0 ? <p className="hint">{t('camp.noInspections')}</p> : null}
      {all.data && all.data.items.length > 0 ? <><h2>{t('camp.allInspections')}</h2>{table(t('camp.allInspections'), all.data.items)}</> : null}
    </section>
  );
}
