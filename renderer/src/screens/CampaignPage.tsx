import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetState } from '../../../shared/contract/campaigns.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { todayInOffice } from '../office-time.js';
import { navigate } from '../router.js';
import { saveOutputs } from '../save-files.js';
import { useCan } from '../session.js';
import { DateField } from '../components/DateField.js';

const STATES: TargetState[] = ['not_yet', 'on_time', 'late', 'missing', 'exempt'];
const RULES = ['late', 'missing', 'over_quota', 'no_pledge'] as const;

/** One campaign: counts and timeliness by commune, its targets with their state, planning inspections. */
export function CampaignPage({ id }: { id: string }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = useFormat();
  const [state, setState] = useState<TargetState | ''>('');
  const campaign = useQuery('campaigns.get', { id });
  const targets = useQuery('campaigns.targets', { id, limit: 500, ...(state ? { state } : {}) });
  const inspections = useQuery('inspections.list', { campaignId: id, limit: 500 });
  const office = useQuery('office.get', {});
  const [rules, setRules] = useState<string[]>(['late', 'missing']);
  const [plannedOn, setPlannedOn] = useState(todayInOffice());
  const [planned, setPlanned] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const mayDeclare = useCan('declarations.record');
  const mayPlan = useCan('inspections.plan');
  const mayPrint = useCan('print.campaignNotice');
  if (campaign.error) return <ErrorMessage error={campaign.error} />;
  if (!campaign.data) return null;
  const c = campaign.data.campaign;
  const colon = f.language === 'km' ? '៖ ' : ': ';
  const canPlan = office.data?.level !== 'commune' && mayPlan;
  const plan = async () => {
    setError(null);
    const result = await api['inspections.plan']({ campaignId: id, rules: rules as never[], plannedOn });
    if (!result.ok) { setError(result.error); return; }
    setPlanned(t('camp.plan.done', { planned: f.number(result.value.planned), already: f.number(result.value.alreadyPlanned) }));
    inspections.reload();
    targets.reload();
  };
  const printNotice = async () => {
    setError(null);
    const result = await api['print.campaignNotice']({ campaignId: id });
    if (!result.ok) { setError(result.error); return; }
    const saved = await saveOutputs([{ name: 'campaign-notice.pdf', base64: result.value.pdfBase64 ?? '' }], { title: t('camp.printNotice'), kinds: [{ label: 'PDF', extensions: ['pdf'] }] });
    if (saved && !saved.ok) setError(saved.error);
  };
  return (
    <section>
      <p><a href="#/campaigns">{t('camp.back')}</a></p>
      <h1>{c.title}</h1>
      <p className="hint">
        {t(`camp.kind.${c.kind}`)} · {t('camp.period', { start: f.date(c.startDate), deadline: f.date(c.deadline) })} · {t(`camp.status.${c.status}`)}
        {c.own ? '' : ` · ${c.originOfficeName ? t('camp.madeBy', { office: c.originOfficeName }) : t('camp.fromAbove')}`}
      </p>
      {c.legalReference ? <p>{c.legalReference}</p> : null}
      {mayPrint ? <p><button type="button" onClick={() => void printNotice()}>{t('camp.printNotice')}</button></p> : null}
      <div className="card" aria-label={t('camp.counts')}>
        <h2>{t('camp.counts')}</h2>
        <ul className="counts">
          <li>{t('camp.targets')}{colon}<strong>{f.number(c.counts.targets)}</strong></li>
          {STATES.map((s) => <li key={s}>{t(`camp.state.${s}`)}{colon}<strong data-state={s}>{f.number(c.counts[s])}</strong></li>)}
        </ul>
      </div>
      {campaign.data.byCommune.length > 0 ? (
        <table aria-label={t('camp.byCommune')}>
          <thead><tr><th>{t('camp.commune')}</th>{STATES.map((s) => <th key={s}>{t(`camp.state.${s}`)}</th>)}<th>{t('camp.timeliness')}</th></tr></thead>
          <tbody>
            {campaign.data.byCommune.map((u) => (
              <tr key={u.communeCode}>
                <td>{f.language === 'km' ? u.placeKm || u.placeLatin : u.placeLatin}</td>
                {STATES.map((s) => <td key={s}>{f.number(u[s])}</td>)}
                <td>{u.timeliness === null ? '—' : `${f.number(Math.round(u.timeliness * 100))}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>{t('camp.targetsTitle')}</h2>
      <label>
        {t('camp.filterState')}
        <select value={state} onChange={(e) => setState(e.target.value as TargetState | '')}>
          <option value="">{t('camp.allStates')}</option>
          {STATES.map((s) => <option key={s} value={s}>{t(`camp.state.${s}`)}</option>)}
        </select>
      </label>
      {targets.data && targets.data.items.length === 0 ? <p className="hint">{t('camp.noTargets')}</p> : null}
      {targets.data && targets.data.items.length > 0 ? (
        <table aria-label={t('camp.targetsTitle')}>
          <thead><tr><th>{t('camp.target')}</th><th>{t('camp.commune')}</th><th>{t('camp.field.status')}</th><th>{t('camp.received')}</th><th>{t('camp.quota')}</th><th /></tr></thead>
          <tbody>
            {targets.data.items.map((x) => (
              <tr key={x.id}>
                <td>{x.nameKm ? `${x.nameLatin} (${x.nameKm})` : x.nameLatin}</td>
                <td>{f.language === 'km' ? x.placeKm.split(',')[0] : x.placeLatin.split(',')[0]}</td>
                <td className={`state-${x.state}`}>{t(`camp.state.${x.state}`)}{x.daysLate > 0 ? ` (${t('camp.days', { n: f.number(x.daysLate) })})` : ''}</td>
                <td>{x.receivedOn ? f.date(x.receivedOn) : '—'}</td>
                <td>{x.overQuota ? <span className="over-cap">{t('camp.overQuota')}</span> : ''}</td>
                <td>
                  {!x.declarationId && c.status === 'open' && mayDeclare
                    ? <button type="button" onClick={() => navigate('campaigns', id, 'declare', x.id)}>{t('camp.declare', { name: x.nameLatin })}</button> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canPlan ? (
        <div className="card">
          <h2>{t('camp.plan.title')}</h2>
          <fieldset>
            <legend>{t('camp.plan.rules')}</legend>
            {RULES.map((r) => (
              <label key={r} className="checkbox">
                <input type="checkbox" checked={rules.includes(r)} onChange={(e) => setRules((old) => (e.target.checked ? [...old, r] : old.filter((x) => x !== r)))} />
                {t(`camp.plan.rule.${r}`)}
              </label>
            ))}
          </fieldset>
          <DateField label={t('camp.plan.date')} value={plannedOn} onChange={setPlannedOn} />
          <button type="button" disabled={rules.length === 0} onClick={() => void plan()}>{t('camp.plan.button')}</button>
          {planned ? <p role="status">{planned}</p> : null}
        </div>
      ) : null}
      {inspections.data && inspections.data.items.length > 0 ? (
        <>
          <h2>{t('camp.inspections')}</h2>
          <table aria-label={t('camp.inspections')}>
            <thead><tr><th>{t('camp.target')}</th><th>{t('print.inspection.reason')}</th><th>{t('camp.plan.date')}</th><th>{t('camp.field.status')}</th><th>{t('camp.proofPending')}</th></tr></thead>
            <tbody>
              {inspections.data.items.map((i) => (
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
        </>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
