import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { parseTd3 } from '../../../shared/mrz.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { TextField } from '../components/FormFields.js';
import { MrzInput } from '../components/MrzInput.js';
import { useQuery } from '../hooks.js';
import { personName } from '../person-form.js';
import { navigate } from '../router.js';
import { DateField } from '../components/DateField.js';
import { NationalityPicker } from '../components/NationalityPicker.js';

const BLANK = { passportNo: '', issuingState: '', passportIssued: '', passportExpiry: '' };

/** A renewed passport: added as the current one, the passport held until now kept as a former one. */
export function PassportAdd({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = useQuery('persons.get', { id: personId });
  const [mrzText, setMrzText] = useState('');
  const [form, setForm] = useState(BLANK);
  const [error, setError] = useState<AppErrorShape>();
  const set = (key: keyof typeof BLANK) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const read = (text: string) => {
    const [line1 = '', line2 = ''] = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const f = parseTd3(line1, line2).fields;
    setForm((current) => ({ ...current, passportNo: f.documentNumber, issuingState: f.issuingState, passportExpiry: f.expiryDate ?? current.passportExpiry }));
  };
  const submit = async () => {
    const r = await api['passports.add']({
      personId,
      passport: {
        passportNo: form.passportNo.toUpperCase().replace(/\s+/g, ''), issuingState: (form.issuingState || person.data?.person.nationality || '').toUpperCase(),
        passportIssued: form.passportIssued || null, passportExpiry: form.passportExpiry,
      },
    });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', personId, 'passport-added');
  };
  const p = person.data?.person;
  return (
    <form className="card" aria-label={t('persons.passports.add')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('persons.passports.add')}{p ? ` · ${personName(p)}` : ''}</h1>
      <p className="hint">{t('persons.passports.addHint')}</p>
      <MrzInput value={mrzText} onChange={setMrzText} onSubmit={read} />
      <div className="grid">
        <TextField label={t('reg.field.passportNo')} value={form.passportNo} onChange={set('passportNo')} required />
        <NationalityPicker label={t('reg.field.issuingState')} value={form.issuingState} onChange={set('issuingState')} />
        <DateField label={t('reg.field.passportIssued')} value={form.passportIssued} onChange={set('passportIssued')} />
        <DateField label={t('reg.field.passportExpiry')} value={form.passportExpiry} onChange={set('passportExpiry')} required />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar">
        <button type="submit">{t('reg.save')}</button>
        <button type="button" onClick={() => navigate('foreigners', personId)}>{t('persons.cancel')}</button>
      </div>
    </form>
  );
}
