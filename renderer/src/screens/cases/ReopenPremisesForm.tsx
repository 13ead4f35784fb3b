import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/FormFields.js';
import { DateField } from '../../components/DateField.js';
import { todayInOffice } from '../../office-time.js';
import { navigate } from '../../router.js';

/** Reopen a closed premises, with the date and the legal reason (kept with its closures). */
export function ReopenPremisesForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayInOffice);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const submit = async () => {
    const r = await api['premises.reopen']({ id, date, reason });
    if (!r.ok) return setError(r.error);
    navigate('premises', id);
  };
  return (
    <form className="card cases-form" aria-label={t('cases.ui.reopenTitle')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('cases.ui.reopenTitle')}</h1>
      <DateField label={t('cases.ui.reopenDate')} value={date} onChange={setDate} required />
      <TextField label={t('cases.ui.legalReason')} value={reason} onChange={setReason} required />
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="primary" disabled={!reason.trim()}>{t('cases.ui.reopen')}</button>
    </form>
  );
}
