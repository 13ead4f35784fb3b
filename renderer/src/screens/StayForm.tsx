import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { TextField } from '../components/FormFields.js';
import { RecordPicker } from '../components/RecordPicker.js';
import { useQuery } from '../hooks.js';
import { navigate } from '../router.js';
import { todayInOffice } from '../office-time.js';

/** Arrival at a premises, or a move when the person already stays somewhere. */
export function StayForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = useQuery('persons.get', { id: personId });
  const [premisesId, setPremisesId] = useState('');
  const [room, setRoom] = useState('');
  const today = todayInOffice();
  const [arrivedAt, setArrivedAt] = useState(today);
  const [reportedAt, setReportedAt] = useState(today);
  const [error, setError] = useState<AppErrorShape>();
  const moving = person.data?.stays.some((s) => s.departedOn === null) ?? false;
  const submit = async () => {
    const r = moving
      ? await api['stays.move']({ personId, toPremisesId: premisesId, room, arrivedAt, reportedAt })
      : await api['stays.arrive']({ personId, premisesId, room, arrivedAt, reportedAt });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', personId);
  };
  const title = t(moving ? 'reg.person.move' : 'reg.person.arrive');
  return (
    <form className="card" aria-label={title} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{title}</h1>
      <RecordPicker kind="premises" label={t('reg.field.premises')} value={premisesId} onChange={setPremisesId} />
      <TextField label={t('reg.field.room')} value={room} onChange={setRoom} />
      <TextField label={t('reg.field.arrivedAt')} type="date" value={arrivedAt} onChange={setArrivedAt} required />
      <TextField label={t('reg.field.reportedAt')} type="date" value={reportedAt} onChange={setReportedAt} />
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={!premisesId}>{t('reg.save')}</button>
    </form>
  );
}
