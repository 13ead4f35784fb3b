import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpResponse } from '../../../shared/contract/index.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { formatDate } from '../../../shared/khmer.js';
import { parseTd3, type MrzResult } from '../../../shared/mrz.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useQuery } from '../hooks.js';
import { useLanguage } from '../i18n.js';
import { nowFields, todayInOffice } from '../office-time.js';
import { navigate } from '../router.js';
import { DateField } from '../components/DateField.js';
import { TimeField } from '../components/TimeField.js';

/** The two MRZ lines from what a reader or a person typed: separated by CR, LF or Tab, or 88 characters in a row. */
function readMrz(text: string): MrzResult | undefined {
  const lines = text.split(/[\r\n\t]+/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  return parseTd3(lines[0]!, lines[1] ?? '', todayInOffice());
}

/**
 * Check a guest in at a premises in one step: scan (or type) the MRZ, type the room, Enter saves.
 * The backend finds or registers the person and records the stay in one transaction; the report
 * time is its clock. Actions for a clerk with a reader: open this form, scan, type the room + Enter.
 */
export function CheckInForm({ premisesId }: { premisesId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const premises = useQuery('premises.get', { id: premisesId });
  const start = nowFields();
  const [text, setText] = useState('');
  const [mrz, setMrz] = useState<MrzResult>();
  const [room, setRoom] = useState('');
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [error, setError] = useState<AppErrorShape>();
  const [done, setDone] = useState<OpResponse<'stays.checkIn'>>();
  const [saving, setSaving] = useState(false);
  const roomRef = useRef<HTMLInputElement>(null);
  const mrzRef = useRef<HTMLTextAreaElement>(null);

  const save = async (given?: MrzResult) => {
    const result = given ?? mrz ?? readMrz(text);
    if (!result?.valid) return setMrz(result);
    if (saving) return;
    const f = result.fields;
    setSaving(true);
    const r = await api['stays.checkIn']({
      premisesId, room, arrivedAt: `${date}T${time}`,
      fields: {
        surname: f.surname, givenNames: f.givenNames, sex: f.sex, birthDate: f.birthDate ?? '', nationality: f.nationality,
        passportNo: f.documentNumber, issuingState: f.issuingState, passportExpiry: f.expiryDate ?? '',
      },
      mrz: { line1: result.line1, line2: result.line2 },
    });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setDone(r.value);
  };

  const again = () => {
    const now = nowFields();
    setDone(undefined); setText(''); setMrz(undefined); setRoom(''); setDate(now.date); setTime(now.time);
    setTimeout(() => mrzRef.current?.focus(), 0);
  };

  const name = premises.data?.premises.nameLatin ?? '';
  const title = t('stays.checkIn.title', { premises: name });
  if (done) {
    return (
      <section className="card" aria-label={title}>
        <h1>{title}</h1>
        <p role="status" className="success">
          {t(done.personStatus === 'existing' ? 'stays.checkIn.doneExisting' : 'stays.checkIn.done', { name: done.stay.personName, room: done.stay.room || '—' })}
        </p>
        {done.ended ? <p className="notice">{t('stays.checkIn.moved', { premises: done.ended.premisesName })}</p> : null}
        <div className="toolbar">
          <button type="button" autoFocus onClick={again}>{t('stays.checkIn.another')}</button>
          <a href={`#/foreigners/${done.person.id}`}>{done.stay.personName}</a>
          <a href={`#/premises/${premisesId}`}>{name}</a>
        </div>
      </section>
    );
  }
  const f = mrz?.valid ? mrz.fields : undefined;
  return (
    <form className="card" aria-label={title} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h1>{title}</h1>
      <div className="field">
        <label htmlFor="checkin-mrz">{t('stays.checkIn.mrz')}</label>
        <textarea
          id="checkin-mrz" ref={mrzRef} className="mono mrz" rows={2} cols={46} wrap="off" spellCheck={false} autoFocus value={text}
          aria-describedby="checkin-mrz-hint"
          onChange={(e) => { setText(e.target.value); setMrz(undefined); setError(undefined); }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const result = readMrz(text);
            // A reader's separator between the lines: let it in while only the first line is there.
            if (!result?.valid && text.trim().length <= 44 && !/[\r\n]/.test(text.trim())) return;
            e.preventDefault();
            setMrz(result);
            if (!result?.valid) return;
            if (room) void save(result);
            else roomRef.current?.focus();
          }}
        />
        <p className="hint" id="checkin-mrz-hint">{t('stays.checkIn.mrzHint')}</p>
      </div>
      {mrz && !mrz.valid ? <p className="field-error" role="alert">{t('stays.checkIn.mrzBad', { count: Math.max(1, mrz.problems.length + mrz.checks.filter((c) => !c.valid).length) })}</p> : null}
      {f ? (
        <p role="status" className="success">
          {t('stays.checkIn.guest', { name: `${f.surname} ${f.givenNames}`.trim(), nationality: f.nationality, passport: f.documentNumber, birth: f.birthDate ? formatDate(f.birthDate, language) : '' })}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="checkin-room">{t('stays.checkIn.room')}</label>
        <input id="checkin-room" ref={roomRef} value={room} maxLength={50} onChange={(e) => setRoom(e.target.value)} />
      </div>
      <div className="row">
        <DateField label={t('stays.checkIn.arrivalDate')} value={date} onChange={setDate} required />
        <TimeField label={t('stays.checkIn.arrivalTime')} value={time} onChange={setTime} required />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={saving || !text.trim()}>{t('stays.checkIn.save')}</button>
        <button type="button" onClick={() => navigate('premises', premisesId)}>{t('stays.cancel')}</button>
      </div>
    </form>
  );
}
