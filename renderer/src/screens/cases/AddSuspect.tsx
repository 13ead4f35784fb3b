import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sex as sexes } from '../../../../shared/contract/registration-schemas.js';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Choice, TextField } from '../../components/FormFields.js';
import { DateField } from '../../components/DateField.js';
import { NationalityPicker } from '../../components/NationalityPicker.js';

/** A suspect of an operation: name, sex, nationality, when charged and sent to court. */
export function AddSuspect({ operationId, onAdded }: { operationId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [sex, setSex] = useState<(typeof sexes.options)[number]>('M');
  const [nationality, setNationality] = useState('');
  const [chargedOn, setChargedOn] = useState('');
  const [courtOn, setCourtOn] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const submit = async () => {
    const r = await api['operations.addSuspect']({ operationId, name, sex, nationality, chargedOn: chargedOn || null, courtOn: courtOn || null });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setName('');
    setChargedOn('');
    setCourtOn('');
    onAdded();
  };
  return (
    <form aria-label={t('cases.ui.addSuspect')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>{t('cases.ui.addSuspect')}</h3>
      <div className="row">
        <TextField label={t('cases.ui.suspectName')} value={name} onChange={setName} required />
        <Choice label={t('reg.field.sex')} value={sex} onChange={(v) => setSex(v as typeof sex)} options={sexes.options.map((v) => ({ value: v, label: t(`reg.sex.${v}`) }))} />
        <NationalityPicker label={t('reg.field.nationality')} value={nationality} onChange={setNationality} required />
      </div>
      <div className="row">
        <DateField label={t('input.field.chargedOn')} value={chargedOn} onChange={setChargedOn} />
        <DateField label={t('input.field.courtOn')} value={courtOn} onChange={setCourtOn} />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" disabled={!name.trim() || !nationality}>{t('cases.ui.addSuspect')}</button>
    </form>
  );
}
