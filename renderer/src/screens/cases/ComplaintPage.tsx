import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintCloseReason, type Complaint } from '../../../../shared/contract/cases.js';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Choice, TextField } from '../../components/FormFields.js';
import { DateField } from '../../components/DateField.js';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';
import { todayInOffice } from '../../office-time.js';
import { navigate } from '../../router.js';
import { CaseTimeline } from './CaseTimeline.js';

function Reporter({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  if (c.anonymous) return <>{t('input.field.anonymous')}</>;
  if (c.redacted) return <span className="hint">{t('cases.ui.protected')}</span>;
  if (!c.sensitive) return <>{t('reg.empty')}</>;
  return <>{[c.reporterName, c.reporterContact].filter(Boolean).join(' · ')} <span className="badge">{t('cases.ui.sensitive')}</span></>;
}

/** One complaint: particulars, triage (assign, link to an operation), closing with a reason, and its timeline. */
export function ComplaintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = useQuery('complaints.get', { id });
  const operations = useQuery('operations.list', { limit: 200 });
  const [assignedTo, setAssignedTo] = useState<string>();
  const [operationId, setOperationId] = useState('');
  const [closedOn, setClosedOn] = useState(todayInOffice);
  const [reason, setReason] = useState<(typeof complaintCloseReason.options)[number]>('acted_on');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <p>{t('common.loading')}</p>;
  const { complaint: c, operation, timeline } = data.data;
  const done = (r: { ok: boolean; error?: AppErrorShape }) => { if (r.ok) { setError(undefined); data.reload(); } else setError(r.error); };
  const triage = (patch: { assignedTo?: string; operationId?: string }) => void api['complaints.triage']({ id, ...patch }).then(done);
  const close = () => void api['complaints.close']({ id, date: closedOn, reason, note }).then(done);
  return (
    <section className="cases">
      <div className="toolbar">
        <h1>{t('cases.ui.complaintTitle', { category: t(`cases.category.${c.category}`), date: f.day(c.receivedAt) })}</h1>
        {c.status !== 'closed' && !c.operationId
          ? <button type="button" className="primary" onClick={() => navigate('cases', 'operation', 'new', id)}>{t('cases.ui.operationForComplaint')}</button> : null}
      </div>
      <section className="card" aria-label={t('reg.premises.particulars')}>
        <dl>
          <dt>{t('input.field.receivedAt')}</dt><dd>{f.date(c.receivedAt)} · {t(`cases.channel.${c.channel}`)}</dd>
          <dt>{t('cases.ui.reporter')}</dt><dd><Reporter c={c} /></dd>
          <dt>{t('cases.ui.about')}</dt>
          <dd>
            {c.premisesId ? <a href={`#/premises/${c.premisesId}`}>{c.premisesName}</a> : null}
            {c.personId ? <a href={`#/foreigners/${c.personId}`}>{c.personName}</a> : null}
            {c.about ? <span>{(c.premisesId || c.personId) ? ' · ' : ''}{c.about}</span> : null}
          </dd>
          <dt>{t('input.field.urgency')}</dt><dd>{t(`cases.urgency.${c.urgency}`)}</dd>
          <dt>{t('reg.field.status')}</dt>
          <dd>{t(`cases.status.${c.status}`)}{c.closeReason ? ` — ${t(`cases.closeReason.${c.closeReason}`)}${c.closeNote ? `: ${c.closeNote}` : ''}` : ''}</dd>
          <dt>{t('input.field.assignedTo')}</dt><dd>{c.assignedTo || t('reg.empty')}</dd>
          <dt>{t('cases.ui.operation')}</dt>
          <dd>{operation ? <a href={`#/cases/operation/${operation.id}`}>{f.date(operation.heldOn)} · {operation.leadUnit}</a> : t('reg.empty')}</dd>
          <dt>{t('input.field.narrative')}</dt><dd className="pre">{c.narrative || t('reg.empty')}</dd>
        </dl>
      </section>
      {c.status === 'closed' ? null : (
        <section className="card" aria-label={t('cases.ui.triage')}>
          <h2>{t('cases.ui.triage')}</h2>
          <form className="row" onSubmit={(e) => { e.preventDefault(); triage({ assignedTo: assignedTo ?? c.assignedTo }); }}>
            <TextField label={t('input.field.assignedTo')} value={assignedTo ?? c.assignedTo} onChange={setAssignedTo} />
            <button type="submit">{t('cases.ui.assign')}</button>
          </form>
          <form className="row" onSubmit={(e) => { e.preventDefault(); if (operationId) triage({ operationId }); }}>
            <Choice label={t('cases.ui.linkOperation')} value={operationId} onChange={setOperationId}
              options={[{ value: '', label: t('setup.choose') }, ...(operations.data?.items ?? []).map((o) => ({ value: o.id, label: `${f.date(o.heldOn)} · ${o.leadUnit} · ${o.premisesName ?? o.target}` }))]} />
            <button type="submit" disabled={!operationId}>{t('cases.ui.link')}</button>
          </form>
          <form onSubmit={(e) => { e.preventDefault(); close(); }} aria-label={t('cases.ui.closeComplaint')}>
            <h3>{t('cases.ui.closeComplaint')}</h3>
            <div className="row">
              <DateField label={t('input.field.closedOn')} value={closedOn} onChange={setClosedOn} required />
              <Choice label={t('input.field.reason')} value={reason} onChange={(v) => setReason(v as typeof reason)}
                options={complaintCloseReason.options.map((v) => ({ value: v, label: t(`cases.closeReason.${v}`) }))} />
            </div>
            <TextField label={t('reg.field.note')} value={note} onChange={setNote} />
            <button type="submit">{t('cases.ui.closeComplaint')}</button>
          </form>
        </section>
      )}
      {error ? <ErrorMessage error={error} /> : null}
      <CaseTimeline entries={timeline} />
    </section>
  );
}
