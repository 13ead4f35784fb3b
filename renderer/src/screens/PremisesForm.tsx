import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { premisesInput, premisesType } from '../../../shared/contract/registration.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormFields } from '../components/FieldContext.js';
import { Choice, TextField } from '../components/FormFields.js';
import { UnitPicker, type UnitSelection } from '../components/UnitPicker.js';
import { useOfficeUnit } from '../office-unit.js';
import { navigate } from '../router.js';

const BLANK = { nameLatin: '', nameKm: '', type: 'hotel', village: '', street: '', houseNo: '', rooms: '', beds: '', businessRegNo: '', phone: '' };

/** Create or edit premises; address from the gazetteer, then village, street and house number. */
export function PremisesForm({ id }: { id?: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(BLANK);
  const [unit, setUnit] = useState<UnitSelection>({ province: '', district: '', commune: '' });
  const [error, setError] = useState<AppErrorShape>();
  // A new address starts in the office's own commune.
  const officeUnit = useOfficeUnit();
  useEffect(() => {
    if (!id && officeUnit) setUnit((u) => (u.province ? u : officeUnit));
  }, [id, officeUnit?.commune, officeUnit?.province]);
  useEffect(() => {
    if (!id) return;
    void api['premises.get']({ id }).then((r) => {
      if (!r.ok) return setError(r.error);
      const p = r.value.premises;
      setForm({ ...p, rooms: p.rooms?.toString() ?? '', beds: p.beds?.toString() ?? '' });
      setUnit({ province: p.provinceCode, district: p.districtCode, commune: p.communeCode });
    });
  }, [id]);
  const set = (key: keyof typeof BLANK) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async () => {
    const input = {
      nameLatin: form.nameLatin, nameKm: form.nameKm, type: form.type as 'hotel', communeCode: unit.commune,
      village: form.village, street: form.street, houseNo: form.houseNo, businessRegNo: form.businessRegNo, phone: form.phone,
      rooms: form.rooms ? Number(form.rooms) : null, beds: form.beds ? Number(form.beds) : null,
    };
    const r = id ? await api['premises.update']({ id, patch: input }) : await api['premises.create'](input);
    if (!r.ok) return setError(r.error);
    navigate('premises', r.value.id);
  };
  return (
    <form className="card" aria-label={t(id ? 'reg.premises.edit' : 'reg.premises.new')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t(id ? 'reg.premises.edit' : 'reg.premises.new')}</h1>
      <FormFields schema={premisesInput} error={error}>
      <div className="grid">
        <TextField label={t('reg.field.nameLatin')} name="nameLatin" value={form.nameLatin} onChange={set('nameLatin')} required />
        <TextField label={t('reg.field.premisesNameKm')} name="nameKm" value={form.nameKm} onChange={set('nameKm')} />
        <Choice label={t('reg.field.type')} value={form.type} onChange={set('type')} options={premisesType.options.map((v) => ({ value: v, label: t(`reg.premisesType.${v}`) }))} />
        <TextField label={t('reg.field.businessRegNo')} name="businessRegNo" value={form.businessRegNo} onChange={set('businessRegNo')} />
      </div>
      <fieldset>
        <legend>{t('reg.premises.address')}</legend>
        <UnitPicker value={unit} onChange={setUnit} />
        <div className="grid">
          <TextField label={t('reg.field.village')} name="village" value={form.village} onChange={set('village')} />
          <TextField label={t('reg.field.street')} name="street" value={form.street} onChange={set('street')} />
          <TextField label={t('reg.field.houseNo')} name="houseNo" value={form.houseNo} onChange={set('houseNo')} />
        </div>
      </fieldset>
      <div className="grid">
        <TextField label={t('reg.field.rooms')} type="number" name="rooms" value={form.rooms} onChange={set('rooms')} />
        <TextField label={t('reg.field.beds')} type="number" name="beds" value={form.beds} onChange={set('beds')} />
        <TextField label={t('reg.field.phone')} name="phone" value={form.phone} onChange={set('phone')} />
      </div>
      </FormFields>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={!unit.commune || !form.nameLatin}>{t('reg.save')}</button>
    </form>
  );
}
