import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Choice, TextField } from '../components/FormFields.js';
import { navigate } from '../router.js';
import { todayInOffice } from '../office-time.js';

/** Close premises temporarily or permanently, with the date and the reason. */
export function ClosePremisesForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'temporarily_closed' | 'permanently_closed'>('temporarily_closed');
  const [date, setDate] = useState(todayInOffice);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const submit = async () => {
    const r = await api['premises.close']({ id, status, date, reason });
    if (!r.ok) return setError(r.error);
    navigate('premises', id);
  };
  return (
    <form className="card" aria-label={t('reg.premises.close')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('reg.premises.close')}</h1>
      <Choice
        label={t('reg.field.closeStatus')} value={status} onChange={(v) => setStatus(v as typeof status)}
        options={(['temporarily_closed', 'permanently_closed'] as const).map((v) => ({ value: v, label: t(`reg.premisesStatus.${v}`) }))}
      />
      <TextField label={t('reg.field.closeDate')} type="date" value={date} onChange={setDate} required />
      <TextField label={t('reg.field.closeReason')} value={reason} onChange={setReason} required />
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={!reason.trim()}>{t('reg.premises.close')}</button>
    </form>
  );
}
