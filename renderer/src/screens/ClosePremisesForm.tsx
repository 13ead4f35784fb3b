import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Choice, TextField } from '../components/FormFields.js';
import { DateField } from '../components/DateField.js';
import { TimeField } from '../components/TimeField.js';
import { RecordPicker } from '../components/RecordPicker.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { nowFields, todayInOffice } from '../office-time.js';
import { navigate } from '../router.js';

/**
 * Close premises temporarily or permanently, with the date and the reason. People staying there
 * are not left "present": they all leave at a date and time, or all move to another premises.
 */
export function ClosePremisesForm({ id, operationId }: { id: string; operationId?: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const page = useQuery('premises.get', { id });
  // Closed by an operation (cases): the operation is recorded with the closure and its legal reason.
  const operation = useQuery('operations.get', { id: operationId ?? '' }, operationId ?? '');
  const staying = page.data?.staysNow.length ?? 0;
  const [status, setStatus] = useState<'temporarily_closed' | 'permanently_closed'>('temporarily_closed');
  const [date, setDate] = useState(todayInOffice);
  const [dateTouched, setDateTouched] = useState(false);
  // Closed by an operation: the closure takes effect on the operation's date unless the clerk says otherwise.
  const heldOn = operation.data?.operation.heldOn;
  useEffect(() => {
    if (heldOn && !dateTouched) setDate(heldOn);
  }, [heldOn, dateTouched]);
  const [reason, setReason] = useState('');
  const [guests, setGuests] = useState<'depart' | 'move'>('depart');
  const start = nowFields();
  const [atDate, setAtDate] = useState(start.date);
  const [atTime, setAtTime] = useState(start.time);
  const [toPremisesId, setToPremisesId] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const submit = async () => {
    const at = `${atDate}T${atTime}`;
    const r = await api['premises.close']({
      id, status, date, reason, ...(operationId ? { operationId } : {}),
      ...(staying > 0 ? { guests: guests === 'move' ? { action: 'move' as const, at, toPremisesId } : { action: 'depart' as const, at } } : {}),
    });
    if (!r.ok) return setError(r.error);
    if (operationId) navigate('cases', 'operation', operationId);
    else navigate('premises', id);
  };
  return (
    <form className="card" aria-label={t('reg.premises.close')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('reg.premises.close')}</h1>
      {operation.data && operationId ? <p className="hint">{t('cases.ui.causedBy', { date: f.date(operation.data.operation.heldOn), unit: operation.data.operation.leadUnit })}</p> : null}
      <Choice
        label={t('reg.field.closeStatus')} value={status} onChange={(v) => setStatus(v as typeof status)}
        options={(['temporarily_closed', 'permanently_closed'] as const).map((v) => ({ value: v, label: t(`reg.premisesStatus.${v}`) }))}
      />
      <DateField label={t('reg.field.closeDate')} value={date} onChange={(v) => { setDateTouched(true); setDate(v); }} required />
      <TextField label={t('reg.field.closeReason')} value={reason} onChange={setReason} required hint={t('cases.ui.legalReasonHint')} />
      {staying > 0 ? (
        <fieldset>
          <legend>{t('stays.close.guests', { count: staying })}</legend>
          {(['depart', 'move'] as const).map((choice) => (
            <label key={choice} className="radio">
              <input type="radio" name="guests" value={choice} checked={guests === choice} onChange={() => setGuests(choice)} />
              {t(`stays.close.${choice}`)}
            </label>
          ))}
          {guests === 'move' ? <RecordPicker kind="premises" label={t('stays.close.to')} value={toPremisesId} onChange={setToPremisesId} /> : null}
          <div className="row">
            <DateField label={t('stays.close.date')} value={atDate} onChange={setAtDate} required />
            <TimeField label={t('stays.close.time')} value={atTime} onChange={setAtTime} required />
          </div>
        </fieldset>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={!reason.trim() || (staying > 0 && guests === 'move' && !toPremisesId)}>{t('reg.premises.close')}</button>
    </form>
  );
}
