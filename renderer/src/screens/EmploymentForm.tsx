import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workStatus } from '../../../shared/contract/registration.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Choice, TextField } from '../components/FormFields.js';
import { RecordPicker } from '../components/RecordPicker.js';
import { navigate } from '../router.js';
import { todayInOffice } from '../office-time.js';
import { DateField } from '../components/DateField.js';

const BLANK = { jobTitle: '', startDate: '', workPermitNo: '', workPermitExpiry: '', employmentCardNo: '', workStatus: 'valid_permit', receiptNo: '' };

/** Employment of a foreigner by an employer, with work permit and status. */
export function EmploymentForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [employerId, setEmployerId] = useState('');
  const [form, setForm] = useState(() => ({ ...BLANK, startDate: todayInOffice() }));
  const [error, setError] = useState<AppErrorShape>();
  const set = (key: keyof typeof BLANK) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async () => {
    const r = await api['employment.record']({
      ...form, personId, employerId, workStatus: form.workStatus as 'valid_permit', workPermitExpiry: form.workPermitExpiry || null,
    });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', personId);
  };
  return (
    <form className="card" aria-label={t('reg.person.addEmployment')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('reg.person.addEmployment')}</h1>
      <RecordPicker kind="employer" label={t('reg.field.employer')} value={employerId} onChange={setEmployerId} />
      <div className="grid">
        <TextField label={t('reg.field.jobTitle')} value={form.jobTitle} onChange={set('jobTitle')} />
        <DateField label={t('reg.field.startDate')} value={form.startDate} onChange={set('startDate')} required />
        <Choice label={t('reg.field.workStatus')} value={form.workStatus} onChange={set('workStatus')} options={workStatus.options.map((v) => ({ value: v, label: t(`reg.workStatus.${v}`) }))} />
        <TextField label={t('reg.field.workPermitNo')} value={form.workPermitNo} onChange={set('workPermitNo')} />
        <DateField label={t('reg.field.workPermitExpiry')} value={form.workPermitExpiry} onChange={set('workPermitExpiry')} />
        <TextField label={t('reg.field.employmentCardNo')} value={form.employmentCardNo} onChange={set('employmentCardNo')} />
        <TextField label={t('reg.field.receiptNo')} value={form.receiptNo} onChange={set('receiptNo')} />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={!employerId}>{t('reg.save')}</button>
    </form>
  );
}
