import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { TextField } from '../components/FormFields.js';
import { RecordPicker } from '../components/RecordPicker.js';
import { useQuery } from '../hooks.js';
import { nowFields } from '../office-time.js';
import { navigate } from '../router.js';
import { DateField } from '../components/DateField.js';
import { TimeField } from '../components/TimeField.js';

/** Arrival at a premises, or a move when the person already stays somewhere. The report time is set when saved. */
export function StayForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = useQuery('persons.get', { id: personId });
  const [premisesId, setPremisesId] = useState('');
  const [room, setRoom] = useState('');
  const start = nowFields();
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [error, setError] = useState<AppErrorShape>();
  const moving = person.data?.stays.some((s) => s.departedOn === null) ?? false;
  const submit = async () => {
    const arrivedAt = `${date}T${time}`;
    const r = moving
      ? await api['stays.move']({ personId, toPremisesId: premisesId, room, arrivedAt })
      : await api['stays.arrive']({ personId, premisesId, room, arrivedAt });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', personId);
  };
  const title = t(moving ? 'reg.person.move' : 'reg.person.arrive');
  return (
    <form className="card" aria-label={title} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{title}</h1>
      <RecordPicker kind="premises" label={t('reg.field.premises')} value={premisesId} onChange={setPremisesId} />
      <TextField label={t('reg.field.room')} value={room} onChange={setRoom} />
      <div className="row">
        <DateField label={t('stays.checkIn.arrivalDate')} value={date} onChange={setDate} required />
        <TimeField label={t('stays.checkIn.arrivalTime')} value={time} onChange={setTime} required />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={!premisesId}>{t('reg.save')}</button>
    </form>
  );
}
