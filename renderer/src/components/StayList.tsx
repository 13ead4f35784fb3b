import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanCheck } from '../session.js';
import type { Stay } from '../../../shared/contract/registration.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { formatDate } from '../../../shared/khmer.js';
import { dateOf, formatTime, timeOf } from '../../../shared/local-time.js';
import { api } from '../api.js';
import { useLanguage } from '../i18n.js';
import { formatOfficeDateTime, nowFields, useOfficeZone } from '../office-time.js';
import { ErrorMessage } from './ErrorMessage.js';
import { TextField } from './FormFields.js';
import { DateField } from './DateField.js';
import { TimeField } from './TimeField.js';

type Action = 'depart' | 'undo' | 'correct' | 'remove';

/**
 * Stays with their times, and what can be done to each: record a departure (chosen date and time,
 * confirmed), undo a departure, correct the times and room, or delete a stay entered by mistake —
 * the last three with a reason kept in the history. A refusal shows in the form where the user acted.
 */
export function StayList({ stays, show, onChanged, receipts = false }: {
  stays: Stay[]; show: 'premises' | 'person'; onChanged: () => void; receipts?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const zone = useOfficeZone();
  const [open, setOpen] = useState<{ stay: Stay; action: Action }>();
  // Only what the user's role may do (a national analyst reads stays, never changes them).
  const can = useCanCheck();
  const may = { depart: can('stays.depart'), undo: can('stays.undoDeparture'), correct: can('stays.correct'), remove: can('stays.delete') };
  const anyAction = may.depart || may.undo || may.correct || may.remove;
  const when = (value: string | null) => (value ? formatOfficeDateTime(value, zone, language) : '');
  if (stays.length === 0) return <p className="hint">{t('reg.none')}</p>;
  return (
    <>
      <table className="stays">
        <thead>
          <tr>
            <th>{t(show === 'premises' ? 'stays.table.premises' : 'stays.table.guest')}</th>
            <th>{t('stays.table.room')}</th>
            <th>{t('stays.table.arrived')}</th>
            <th>{t('stays.table.reported')}</th>
            <th>{t('stays.table.departed')}</th>
            {anyAction || receipts ? <th>{t('stays.table.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {stays.map((s) => (
            <tr key={s.id}>
              <td>
                {show === 'premises'
                  ? <a href={`#/premises/${s.premisesId}`}>{s.premisesName}</a>
                  : <a href={`#/foreigners/${s.personId}`}>{s.personName}</a>}
                {s.changeReason ? <div className="hint">{t('stays.table.reason', { reason: s.changeReason })}</div> : null}
              </td>
              <td>{s.room || '—'}</td>
              <td>{when(s.arrivedAt)}</td>
              <td>{when(s.reportedAt)}{s.late ? <> <strong className="late">{t('stays.table.late')}</strong></> : null}</td>
              <td>{s.departedAt ? when(s.departedAt) : t('stays.table.staying')}</td>
              {anyAction || receipts ? <td className="actions">
                {s.departedOn
                  ? (may.undo ? <button type="button" onClick={() => setOpen({ stay: s, action: 'undo' })}>{t('stays.undo.open')}</button> : null)
                  : (may.depart ? <button type="button" onClick={() => setOpen({ stay: s, action: 'depart' })}>{t('stays.depart.open')}</button> : null)}
                {may.correct ? <button type="button" onClick={() => setOpen({ stay: s, action: 'correct' })}>{t('stays.correct.open')}</button> : null}
                {may.remove ? <button type="button" onClick={() => setOpen({ stay: s, action: 'remove' })}>{t('stays.remove.open')}</button> : null}
                {receipts ? <a href={`#/documents/receipt/${s.id}/${s.premisesId}`}>{t('print.ui.printReceipt')}</a> : null}
              </td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {open ? (
        <StayAction
          key={`${open.stay.id}:${open.action}`} stay={open.stay} action={open.action}
          onDone={() => { setOpen(undefined); onChanged(); }} onCancel={() => setOpen(undefined)}
        />
      ) : null}
    </>
  );
}

function StayAction({ stay, action, onDone, onCancel }: { stay: Stay; action: Action; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const zone = useOfficeZone();
  const now = nowFields();
  const [date, setDate] = useState(action === 'correct' ? dateOf(stay.arrivedAt, zone) : now.date);
  const [time, setTime] = useState(action === 'correct' ? timeOf(stay.arrivedAt, zone) : now.time);
  const [room, setRoom] = useState(stay.room);
  const [reportDate, setReportDate] = useState(dateOf(stay.reportedAt, zone));
  const [reportTime, setReportTime] = useState(timeOf(stay.reportedAt, zone));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const names = { name: stay.personName, premises: stay.premisesName };
  const submit = async () => {
    if (action !== 'depart' && !reason.trim()) return setError({ code: 'stays.reasonMissing' });
    const result =
      action === 'depart' ? await api['stays.depart']({ stayId: stay.id, departedAt: `${date}T${time}` })
      : action === 'undo' ? await api['stays.undoDeparture']({ stayId: stay.id, reason })
      : action === 'remove' ? await api['stays.delete']({ stayId: stay.id, reason })
      : await api['stays.correct']({
        stayId: stay.id, reason, room,
        ...(`${date}T${time}` !== stay.arrivedAt.slice(0, 16) ? { arrivedAt: `${date}T${time}` } : {}),
        ...(`${reportDate}T${reportTime}` !== stay.reportedAt.slice(0, 16) ? { reportedAt: `${reportDate}T${reportTime}` } : {}),
      });
    if (!result.ok) return setError(result.error);
    onDone();
  };
  const title = t(`stays.${action}.title`, names);
  return (
    <form className="card stay-action" aria-label={title} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>{title}</h3>
      {action === 'depart' || action === 'correct' ? (
        <div className="row">
          <DateField label={t(action === 'depart' ? 'stays.depart.date' : 'stays.checkIn.arrivalDate')} value={date} onChange={setDate} required />
          <TimeField label={t(action === 'depart' ? 'stays.depart.time' : 'stays.checkIn.arrivalTime')} value={time} onChange={setTime} required />
        </div>
      ) : null}
      {action === 'correct' ? (
        <>
          <div className="row">
            <DateField label={t('stays.correct.reportDate')} value={reportDate} onChange={setReportDate} required />
            <TimeField label={t('stays.correct.reportTime')} value={reportTime} onChange={setReportTime} required />
          </div>
          <TextField label={t('stays.table.room')} value={room} onChange={setRoom} />
        </>
      ) : null}
      {action === 'depart' && date && time ? (
        <p>{t('stays.depart.question', { name: stay.personName, date: formatDate(date, language), time: formatTime(`${date}T${time}`, zone, language) })}</p>
      ) : null}
      {action !== 'depart' ? <TextField label={t('stays.reason')} value={reason} onChange={setReason} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar">
        <button type="submit">{t(`stays.${action}.confirm`)}</button>
        <button type="button" onClick={onCancel}>{t('stays.cancel')}</button>
      </div>
    </form>
  );
}
