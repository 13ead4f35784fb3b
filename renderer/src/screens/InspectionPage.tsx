import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { finding as findingSchema, inspectionOutcome, referralAuthority, referralGrounds, URGENT_GROUNDS } from '../../../shared/contract/campaigns.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { PersonFinder, type PickedPerson } from '../components/PersonFinder.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { todayInOffice } from '../office-time.js';
import { saveOutputs } from '../save-files.js';
import { useCan } from '../session.js';
import { DateField } from '../components/DateField.js';

type Finding = (typeof findingSchema.options)[number];
interface FoundLine extends PickedPerson { finding: Finding; permitNo: string; receiptNo: string; note: string }

/** An inspection: record what was found on site; then the persons found, the 20-day deadlines, referrals and the report. */
export function InspectionPage({ id }: { id: string }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = useFormat();
  const detail = useQuery('inspections.get', { id });
  const [error, setError] = useState<AppErrorShape | null>(null);
  const mayRecord = useCan('inspections.record');
  const mayPrint = useCan('print.inspectionReport');
  const mayProve = useCan('inspections.proof');
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!detail.data) return null;
  const d = detail.data;
  // Khmer writes a label's colon as ៖.
  const colon = f.language === 'km' ? '៖ ' : ': ';
  const i = d.inspection;
  const print = async () => {
    setError(null);
    const result = await api['print.inspectionReport']({ inspectionId: id });
    if (!result.ok) { setError(result.error); return; }
    const saved = await saveOutputs([{ name: `inspection-${(i.docNo || id).replaceAll('/', '-')}.pdf`, base64: result.value.pdfBase64 ?? '' }], { title: t('camp.inspection.print'), kinds: [{ label: 'PDF', extensions: ['pdf'] }] });
    if (saved && !saved.ok) setError(saved.error);
  };
  return (
    <section>
      <p>{i.campaignId ? <a href={`#/campaigns/${i.campaignId}`}>{t('camp.backTo', { title: i.campaignTitle ?? '' })}</a> : <a href="#/campaigns">{t('camp.back')}</a>}</p>
      <h1>{t('camp.inspection.title', { site: i.siteName })}</h1>
      <p className="hint">{t(`print.inspection.reasonCode.${i.reason}`)} · {t('camp.plan.date')}{colon}{f.date(i.plannedOn)} · {t(`camp.inspectionStatus.${i.status}`)}{i.docNo ? ` · ${i.docNo}` : ''}</p>
      {i.status === 'planned' ? (mayRecord ? <RecordForm id={id} onDone={detail.reload} /> : <p className="hint">{t('camp.inspection.notRecordedYet')}</p>) : (
        <>
          <div className="card">
            <p>{t('print.inspection.date')}{colon}{f.date(i.inspectedOn)}</p>
            <p>{t('print.inspection.teamSection')}{colon}{i.team.join(', ')}</p>
            {i.premisesFindings ? <p>{t('print.inspection.premisesSection')}{colon}{i.premisesFindings}</p> : null}
            {i.outcome ? <p>{t('print.inspection.outcomeLabel')}{colon}{t(`print.inspection.outcome.${i.outcome}`)}</p> : null}
            {mayPrint ? <button type="button" onClick={() => void print()}>{t('camp.inspection.print')}</button> : null}
          </div>
          <h2>{t('camp.inspection.persons', { count: f.number(d.persons.length) })}</h2>
          <table aria-label={t('camp.inspection.personsTable')}>
            <thead><tr><th>{t('camp.person')}</th><th>{t('print.inspection.finding')}</th><th>{t('print.inspection.permitOrReceipt')}</th><th>{t('camp.inspection.proof')}</th><th /></tr></thead>
            <tbody>
              {d.persons.map((p) => (
                <tr key={p.id}>
                  <td><a href={`#/foreigners/${p.personId}`}>{p.personName}</a> · {p.nationality} · {p.passportNo}</td>
                  <td>{t(`print.inspection.findingCode.${p.finding}`)}</td>
                  <td>{[p.permitNo, p.receiptNo].filter(Boolean).join(' / ')}</td>
                  <td className={p.proofDays !== null && p.proofDays < 0 ? 'over-cap' : undefined}>
                    {p.proofStatus === 'pending' ? t(p.proofDays !== null && p.proofDays < 0 ? 'camp.inspection.proofOverdue' : 'camp.inspection.proofDue', { date: f.date(p.proofDue), days: f.number(Math.abs(p.proofDays ?? 0)) }) : null}
                    {p.proofStatus === 'received' ? t('camp.inspection.proofReceived', { date: f.date(p.proofOn), ref: p.proofRef }) : null}
                    {p.proofStatus === 'action' ? t('camp.inspection.actionTaken', { date: f.date(p.proofOn), action: p.actionTaken }) : null}
                  </td>
                  <td>{p.proofStatus === 'pending' && mayProve ? <ProofForm personLineId={p.id} name={p.personName} overdue={(p.proofDays ?? 0) < 0} onDone={detail.reload} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {i.campaignId ? (
            <>
              <h2>{t('print.inspection.differencesSection')}</h2>
              {!d.declarationId ? <p className="hint">{t('print.inspection.noDeclaration')}</p> : d.differences.length === 0 ? <p className="hint">{t('print.inspection.noDifferences')}</p> : (
                <ul aria-label={t('print.inspection.differencesSection')}>
                  {d.differences.map((x, n) => (
                    <li key={n}>{t(`print.inspection.difference.${x.kind}`)}{x.personName ? `: ${x.personName}` : ''}{x.kind === 'headcount_differs' ? ` (${t('print.inspection.declaredFound', { declared: f.digits(x.declared), found: f.digits(x.found) })})` : ''}</li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
          {d.referrals.length > 0 ? (
            <>
              <h2>{t('print.inspection.referralsSection')}</h2>
              <ul>
                {d.referrals.map((r) => (
                  <li key={r.id} className={r.urgent ? 'alert alert-high' : undefined}>
                    {r.urgent ? <strong>{t('print.inspection.urgent')} </strong> : null}
                    {t(`print.inspection.authority.${r.authority}`)}{colon}{t(`print.inspection.grounds.${r.grounds}`)} · {f.date(r.referredOn)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

function ProofForm({ personLineId, name, overdue, onDone }: { personLineId: string; name: string; overdue: boolean; onDone: () => void }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const [reference, setReference] = useState('');
  const [action, setAction] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const send = async (result: 'received' | 'action') => {
    setError(null);
    const r = await api['inspections.proof']({ inspectionPersonId: personLineId, result, date: todayInOffice(), reference, action });
    if (!r.ok) { setError(r.error); return; }
    onDone();
  };
  return (
    <div className="proof-form">
      <label>{t('camp.inspection.proofRef', { name })}<input value={reference} onChange={(e) => setReference(e.target.value)} /></label>
      <button type="button" disabled={!reference.trim()} onClick={() => void send('received')}>{t('camp.inspection.proofButton')}</button>
      {overdue ? (
        <>
          <label>{t('camp.inspection.action', { name })}<input value={action} onChange={(e) => setAction(e.target.value)} /></label>
          <button type="button" disabled={!action.trim()} onClick={() => void send('action')}>{t('camp.inspection.actionButton')}</button>
        </>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

function RecordForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const [inspectedOn, setInspectedOn] = useState(todayInOffice());
  const [team, setTeam] = useState('');
  const [found, setFound] = useState<FoundLine[]>([]);
  const [premisesFindings, setPremisesFindings] = useState('');
  const [outcome, setOutcome] = useState<(typeof inspectionOutcome.options)[number]>('notice');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [referrals, setReferrals] = useState<string[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const update = (i: number, patch: Partial<FoundLine>) => setFound((old) => old.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const save = async () => {
    setError(null);
    const result = await api['inspections.record']({
      id, inspectedOn, team: team.split('\n').map((s) => s.trim()).filter(Boolean), premisesFindings, outcome,
      persons: found.map((p) => ({ personId: p.id, finding: p.finding, permitNo: p.permitNo, receiptNo: p.receiptNo, note: p.note })),
      evidence: evidence as never[],
      referrals: referrals.map((key) => { const [authority, grounds] = key.split(':'); return { authority: authority as never, grounds: grounds as never }; }),
    });
    if (!result.ok) { setError(result.error); return; }
    onDone();
  };
  const toggle = (list: string[], set: (v: string[]) => void, value: string, on: boolean) => set(on ? [...list, value] : list.filter((x) => x !== value));
  return (
    <form className="grid" aria-label={t('camp.inspection.record')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>{t('camp.inspection.record')}</h2>
      <DateField label={t('print.inspection.date')} value={inspectedOn} onChange={setInspectedOn} required />
      <label>{t('camp.inspection.team')}<textarea value={team} onChange={(e) => setTeam(e.target.value)} rows={3} required /><span className="hint">{t('camp.inspection.teamHint')}</span></label>
      <fieldset>
        <legend>{t('camp.inspection.found')}</legend>
        {found.length > 0 ? (
          <table aria-label={t('camp.inspection.found')}>
            <thead><tr><th>{t('camp.person')}</th><th>{t('print.inspection.finding')}</th><th>{t('camp.declaration.permitNo')}</th><th>{t('camp.declaration.receiptNo')}</th><th /></tr></thead>
            <tbody>
              {found.map((p, i) => (
                <tr key={p.id}>
                  <td>{p.name} · {p.nationality} · {p.passportNo}</td>
                  <td><select aria-label={t('camp.inspection.findingFor', { name: p.name })} value={p.finding} onChange={(e) => update(i, { finding: e.target.value as Finding })}>
                    {findingSchema.options.map((x) => <option key={x} value={x}>{t(`print.inspection.findingCode.${x}`)}</option>)}
                  </select></td>
                  <td><input aria-label={t('camp.declaration.permitNo')} value={p.permitNo} onChange={(e) => update(i, { permitNo: e.target.value })} /></td>
                  <td><input aria-label={t('camp.declaration.receiptNo')} value={p.receiptNo} onChange={(e) => update(i, { receiptNo: e.target.value })} /></td>
                  <td><button type="button" onClick={() => setFound((old) => old.filter((_, j) => j !== i))}>{t('camp.remove')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <PersonFinder onPick={(p) => setFound((old) => (old.some((w) => w.id === p.id) ? old : [...old, { ...p, finding: 'permit_valid', permitNo: '', receiptNo: '', note: '' }]))} />
      </fieldset>
      <label>{t('print.inspection.premisesSection')}<textarea value={premisesFindings} onChange={(e) => setPremisesFindings(e.target.value)} rows={3} /></label>
      <label>
        {t('print.inspection.outcomeLabel')}
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
          {inspectionOutcome.options.map((o) => <option key={o} value={o}>{t(`print.inspection.outcome.${o}`)}</option>)}
        </select>
      </label>
      <fieldset>
        <legend>{t('camp.inspection.evidence')}</legend>
        <p className="hint">{t('camp.inspection.evidenceHint')}</p>
        {URGENT_GROUNDS.map((g) => (
          <label key={g} className="checkbox"><input type="checkbox" checked={evidence.includes(g)} onChange={(e) => toggle(evidence, setEvidence, g, e.target.checked)} />{t(`print.inspection.grounds.${g}`)}</label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('print.inspection.referralsSection')}</legend>
        {referralAuthority.options.filter((a) => a === 'prosecutor' || a === 'governor').map((a) => {
          const key = `${a}:${referralGrounds.enum.other_offence}`;
          return <label key={key} className="checkbox"><input type="checkbox" checked={referrals.includes(key)} onChange={(e) => toggle(referrals, setReferrals, key, e.target.checked)} />{t(`print.inspection.authority.${a}`)}</label>;
        })}
      </fieldset>
      <div className="actions"><button type="submit">{t('camp.inspection.save')}</button></div>
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}
