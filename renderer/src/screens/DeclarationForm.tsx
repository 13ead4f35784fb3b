import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkQuota, QUOTA_CATEGORIES, type Workforce } from '../../../shared/campaigns/quota.js';
import { workStatus } from '../../../shared/contract/registration-schemas.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { PersonFinder, type PickedPerson } from '../components/PersonFinder.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { todayInOffice } from '../office-time.js';
import { navigate } from '../router.js';
import { DateField } from '../components/DateField.js';

interface WorkerLine extends PickedPerson { category: 'office' | 'skilled' | 'unskilled'; workStatus: (typeof workStatus.options)[number]; permitNo: string; receiptNo: string; permitExpiry: string }

const FIELDS: (keyof Workforce)[] = ['officeKm', 'officeForeign', 'skilledKm', 'skilledForeign', 'unskilledKm', 'unskilledForeign'];

/** A returned declaration card (or premises report and pledge): date received, workforce checked against the quota, the foreign workers. */
export function DeclarationForm({ campaignId, targetId }: { campaignId: string; targetId: string }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = useFormat();
  const campaign = useQuery('campaigns.get', { id: campaignId });
  const [receivedOn, setReceivedOn] = useState(todayInOffice());
  const [exempt, setExempt] = useState(false);
  const [exemptReason, setExemptReason] = useState('');
  const [workforce, setWorkforce] = useState<Workforce>({ officeKm: 0, officeForeign: 0, skilledKm: 0, skilledForeign: 0, unskilledKm: 0, unskilledForeign: 0 });
  const [pledge, setPledge] = useState(false);
  const [note, setNote] = useState('');
  const [workers, setWorkers] = useState<WorkerLine[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const employer = campaign.data?.campaign.kind === 'employer_declaration';
  const quota = checkQuota(workforce);
  const update = (i: number, patch: Partial<WorkerLine>) => setWorkers((old) => old.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const save = async () => {
    setError(null);
    const result = await api['declarations.record']({
      campaignId, targetId, receivedOn, status: exempt ? 'exempt' : 'declared', exemptReason, ...workforce, pledgeSigned: pledge, note,
      workers: workers.map((w) => ({
        personId: w.id, category: w.category, workStatus: w.workStatus, permitNo: w.permitNo, receiptNo: w.receiptNo, permitExpiry: w.permitExpiry || null,
      })),
    });
    if (!result.ok) { setError(result.error); return; }
    navigate('campaigns', campaignId);
  };
  return (
    <section>
      <p><a href={`#/campaigns/${campaignId}`}>{t('camp.backTo', { title: campaign.data?.campaign.title ?? '' })}</a></p>
      <h1>{t('camp.declaration.title')}</h1>
      <form className="grid" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <DateField label={t('camp.declaration.receivedOn')} value={receivedOn} onChange={setReceivedOn} required />
        <label className="checkbox"><input type="checkbox" checked={exempt} onChange={(e) => setExempt(e.target.checked)} />{t('camp.declaration.exempt')}</label>
        {exempt ? <label>{t('camp.declaration.exemptReason')}<input value={exemptReason} onChange={(e) => setExemptReason(e.target.value)} /></label> : null}
        {!exempt && employer ? (
          <fieldset>
            <legend>{t('camp.declaration.workforce')}</legend>
            <div className="grid">
              {FIELDS.map((field) => (
                <label key={field}>
                  {t(`camp.declaration.${field}`)}
                  <input type="number" min={0} value={workforce[field]} onChange={(e) => setWorkforce((w) => ({ ...w, [field]: Math.max(0, Math.floor(Number(e.target.value) || 0)) }))} />
                </label>
              ))}
            </div>
            <p role="status" className={quota.over ? 'over-cap' : undefined}>
              {t('camp.declaration.quotaLine', { foreign: f.number(quota.foreign), total: f.number(quota.total), allowed: f.number(quota.allowed) })}
              {' '}{quota.over ? t('camp.declaration.over', { categories: QUOTA_CATEGORIES.filter((c) => quota.categories[c].over).map((c) => t(`camp.category.${c}`)).join(', ') || t('camp.declaration.whole') }) : t('camp.declaration.within')}
            </p>
          </fieldset>
        ) : null}
        <label className="checkbox"><input type="checkbox" checked={pledge} onChange={(e) => setPledge(e.target.checked)} />{t('camp.declaration.pledge')}</label>
        {!exempt && employer ? (
          <fieldset>
            <legend>{t('camp.declaration.workers')}</legend>
            {workers.length > 0 ? (
              <table aria-label={t('camp.declaration.workers')}>
                <thead><tr><th>{t('camp.person')}</th><th>{t('camp.declaration.category')}</th><th>{t('camp.declaration.workStatus')}</th><th>{t('camp.declaration.permitNo')}</th><th>{t('camp.declaration.receiptNo')}</th><th>{t('camp.declaration.permitExpiry')}</th><th /></tr></thead>
                <tbody>
                  {workers.map((w, i) => (
                    <tr key={w.id}>
                      <td>{w.name}</td>
                      <td><select aria-label={t('camp.declaration.category')} value={w.category} onChange={(e) => update(i, { category: e.target.value as WorkerLine['category'] })}>
                        {QUOTA_CATEGORIES.map((c) => <option key={c} value={c}>{t(`camp.category.${c}`)}</option>)}
                      </select></td>
                      <td><select aria-label={t('camp.declaration.workStatus')} value={w.workStatus} onChange={(e) => update(i, { workStatus: e.target.value as WorkerLine['workStatus'] })}>
                        {workStatus.options.map((s) => <option key={s} value={s}>{f.code('workStatus', s)}</option>)}
                      </select></td>
                      <td><input aria-label={t('camp.declaration.permitNo')} value={w.permitNo} onChange={(e) => update(i, { permitNo: e.target.value })} /></td>
                      <td><input aria-label={t('camp.declaration.receiptNo')} value={w.receiptNo} onChange={(e) => update(i, { receiptNo: e.target.value })} /></td>
                      <td><input aria-label={t('camp.declaration.permitExpiry')} type="date" value={w.permitExpiry} onChange={(e) => update(i, { permitExpiry: e.target.value })} /></td>
                      <td><button type="button" onClick={() => setWorkers((old) => old.filter((_, j) => j !== i))}>{t('camp.remove')}</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <PersonFinder onPick={(p) => setWorkers((old) => (old.some((w) => w.id === p.id) ? old : [...old, { ...p, category: 'skilled', workStatus: 'valid_permit', permitNo: '', receiptNo: '', permitExpiry: '' }]))} />
          </fieldset>
        ) : null}
        <label>{t('camp.declaration.note')}<textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} /></label>
        <div className="actions"><button type="submit">{t('camp.declaration.save')}</button></div>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
