import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ownerInput, ownerRole } from '../../../shared/contract/registration.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormFields } from '../components/FieldContext.js';
import { Choice, TextField } from '../components/FormFields.js';
import { navigate } from '../router.js';
import { DateField } from '../components/DateField.js';
import { NationalityPicker } from '../components/NationalityPicker.js';

const BLANK = { surname: '', givenNames: '', nameKm: '', sex: 'M', birthDate: '', nationality: 'KHM', idKind: 'khmer_id', idNumber: '', phone: '', role: 'owner' };

/** Owner or manager (Cambodian or foreign), linked to the premises it was opened from; with `ownerId`, its particulars corrected. */
export function OwnerForm({ premisesId, ownerId }: { premisesId: string; ownerId?: string | undefined }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(BLANK);
  const [error, setError] = useState<AppErrorShape>();
  useEffect(() => {
    if (!ownerId) return;
    void api['owners.get']({ id: ownerId }).then((r) => {
      if (!r.ok) return setError(r.error);
      const o = r.value.owner;
      setForm((f) => ({ ...f, surname: o.surname, givenNames: o.givenNames, nameKm: o.nameKm, sex: o.sex, birthDate: o.birthDate ?? '', nationality: o.nationality, idKind: o.idKind, idNumber: o.idNumber, phone: o.phone }));
    });
  }, [ownerId]);
  const set = (key: keyof typeof BLANK) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async () => {
    const fields = { ...form, sex: form.sex as 'M', idKind: form.idKind as 'khmer_id', nationality: form.nationality.toUpperCase(), birthDate: form.birthDate || null };
    const { role, ...particulars } = fields;
    const r = ownerId
      ? await api['owners.update']({ id: ownerId, patch: particulars })
      : await api['owners.create']({ ...fields, role: role as 'owner', premisesId });
    if (!r.ok) return setError(r.error);
    navigate('premises', premisesId);
  };
  return (
    <form className="card" aria-label={t(ownerId ? 'persons.owner.edit' : 'reg.owner.new')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t(ownerId ? 'persons.owner.edit' : 'reg.owner.new')}</h1>
      <FormFields schema={ownerInput} error={error}>
      <div className="grid">
        <TextField label={t('reg.field.surname')} name="surname" value={form.surname} onChange={set('surname')} required />
        <TextField label={t('reg.field.givenNames')} name="givenNames" value={form.givenNames} onChange={set('givenNames')} />
        <TextField label={t('reg.field.nameKm')} name="nameKm" value={form.nameKm} onChange={set('nameKm')} />
        <Choice label={t('reg.field.sex')} value={form.sex} onChange={set('sex')} options={(['M', 'F', 'X'] as const).map((v) => ({ value: v, label: t(`reg.sex.${v}`) }))} />
        <DateField label={t('reg.field.birthDate')} value={form.birthDate} onChange={set('birthDate')} />
        <NationalityPicker label={t('reg.field.nationality')} value={form.nationality} onChange={set('nationality')} required />
        <Choice label={t('reg.field.idKind')} value={form.idKind} onChange={set('idKind')} options={(['khmer_id', 'passport', 'other'] as const).map((v) => ({ value: v, label: t(`reg.idKind.${v}`) }))} />
        <TextField label={t('reg.field.idNumber')} name="idNumber" value={form.idNumber} onChange={set('idNumber')} />
        <TextField label={t('reg.field.phone')} name="phone" value={form.phone} onChange={set('phone')} />
        {ownerId ? null : <Choice label={t('reg.field.role')} value={form.role} onChange={set('role')} options={ownerRole.options.map((v) => ({ value: v, label: t(`reg.role.${v}`) }))} />}
      </div>
      </FormFields>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={!form.surname}>{t('reg.save')}</button>
    </form>
  );
}
