import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workStatus } from '../../../shared/contract/registration.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Choice, TextField } from '../components/FormFields.js';
import { navigate } from '../router.js';
import { DateField } from '../components/DateField.js';

const BLANK = { jobTitle: '', startDate: '', endDate: '', workPermitNo: '', workPermitExpiry: '', employmentCardNo: '', workStatus: 'valid_permit', receiptNo: '' };

/** Correct an employment, or end it on a date: it stays on record, with the change in its history. */
export function EmploymentEdit({ personId, employmentId }: { personId: string; employmentId: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(BLANK);
  const [employer, setEmployer] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  useEffect(() => {
    void api['persons.get']({ id: personId }).then((r) => {
      if (!r.ok) return setError(r.error);
      const e = r.value.employments.find((x) => x.id === employmentId);
      if (!e) return setError({ code: 'record.notFound', params: { entity: 'employment', id: employmentId } });
      setEmployer(e.employerName);
      setForm({
        jobTitle: e.jobTitle, startDate: e.startDate, endDate: e.endDate ?? '', workPermitNo: e.workPermitNo, workPermitExpiry: e.workPermitExpiry ?? '',
        employmentCardNo: e.employmentCardNo, workStatus: e.workStatus, receiptNo: e.receiptNo,
      });
    });
  }, [personId, employmentId]);
  const set = (key: keyof typeof BLANK) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async () => {
    const r = await api['employment.update']({
      id: employmentId,
      patch: { ...form, workStatus: form.workStatus as 'valid_permit', endDate: form.endDate || null, workPermitExpiry: form.workPermitExpiry || null },
    });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', personId, 'saved');
  };
  return (
    <form className="card" aria-label={t('persons.employment.edit')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('persons.employment.edit')}{employer ? ` · ${employer}` : ''}</h1>
      <div className="grid">
        <TextField label={t('reg.field.jobTitle')} value={form.jobTitle} onChange={set('jobTitle')} />
        <DateField label={t('reg.field.startDate')} value={form.startDate} onChange={set('startDate')} required />
        <DateField label={t('persons.employment.endOn')} value={form.endDate} onChange={set('endDate')} hint={t('persons.employment.endHint')} />
        <Choice label={t('reg.field.workStatus')} value={form.workStatus} onChange={set('workStatus')} options={workStatus.options.map((v) => ({ value: v, label: t(`reg.workStatus.${v}`) }))} />
        <TextField label={t('reg.field.workPermitNo')} value={form.workPermitNo} onChange={set('workPermitNo')} />
        <DateField label={t('reg.field.workPermitExpiry')} value={form.workPermitExpiry} onChange={set('workPermitExpiry')} />
        <TextField label={t('reg.field.employmentCardNo')} value={form.employmentCardNo} onChange={set('employmentCardNo')} />
        <TextField label={t('reg.field.receiptNo')} value={form.receiptNo} onChange={set('receiptNo')} />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar">
        <button type="submit">{t('persons.saveChanges')}</button>
        <button type="button" onClick={() => navigate('foreigners', personId)}>{t('persons.cancel')}</button>
      </div>
    </form>
  );
}
