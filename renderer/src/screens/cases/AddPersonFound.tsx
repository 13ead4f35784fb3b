import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { victimKind } from '../../../../shared/contract/cases.js';
import { sex as sexes } from '../../../../shared/contract/registration-schemas.js';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { parseMrz, type MrzResult } from '../../../../shared/mrz.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Choice, TextField } from '../../components/FormFields.js';
import { MrzInput } from '../../components/MrzInput.js';
import { NationalityPicker } from '../../components/NationalityPicker.js';
import { todayInOffice } from '../../office-time.js';

type Found = { how: 'register'; mrz: MrzResult } | { how: 'described'; described: string; sex: (typeof sexes.options)[number]; nationality: string };

/**
 * A person found in an operation: by passport MRZ (found in the register or registered now) or described
 * when there are no papers, with what they declared and what was established; a group of people without
 * papers described alike is entered at once.
 */
export function AddPersonFound({ operationId, onAdded }: { operationId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [how, setHow] = useState<Found['how']>('described');
  const [mrzText, setMrzText] = useState('');
  const [mrz, setMrz] = useState<MrzResult>();
  const [described, setDescribed] = useState('');
  const [sex, setSex] = useState<(typeof sexes.options)[number]>('M');
  const [nationality, setNationality] = useState('');
  const [count, setCount] = useState('1');
  const [declaredVictim, setDeclared] = useState(false);
  const [identifiedAs, setIdentifiedAs] = useState('');
  const [referredTo, setReferredTo] = useState('');
  const [noReturn, setNoReturn] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const [saved, setSaved] = useState('');
  const outcome = { declaredVictim, identifiedAs: (identifiedAs || null) as (typeof victimKind.options)[number] | null, referredTo, noReturn };
  const submit = async () => {
    setSaved('');
    if (how === 'register') {
      if (!mrz) return;
      const f = mrz.fields;
      const r = await api['operations.addPerson']({
        operationId, ...outcome,
        found: {
          how: 'register', source: 'mrz', mrz: { line1: mrz.lines[0] ?? '', line2: mrz.lines[1] ?? '' },
          fields: {
            surname: f.surname, givenNames: f.givenNames, sex: f.sex === 'F' || f.sex === 'M' ? f.sex : 'X', birthDate: f.birthDate ?? '',
            nationality: f.nationality, passportNo: f.documentNumber, issuingState: f.issuingState, passportExpiry: f.expiryDate ?? '',
          },
        },
      });
      if (!r.ok) return setError(r.error);
      setMrzText('');
      setMrz(undefined);
    } else {
      const n = Math.max(1, Math.min(500, Number(count) || 1));
      for (let i = 0; i < n; i++) {
        const r = await api['operations.addPerson']({ operationId, ...outcome, found: { how: 'described', described, sex, nationality } });
        if (!r.ok) { onAdded(); return setError(r.error); }
      }
      setCount('1');
    }
    setError(undefined);
    setSaved(t('cases.ui.personAdded'));
    onAdded();
  };
  const ready = how === 'register' ? mrz?.valid === true : described.trim() !== '' && nationality !== '';
  return (
    // Any change starts a new entry: "Saved." belongs to the one before.
    <form aria-label={t('cases.ui.addPerson')} onChange={() => setSaved('')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>{t('cases.ui.addPerson')}</h3>
      <fieldset>
        <legend>{t('cases.ui.howFound')}</legend>
        {(['described', 'register'] as const).map((choice) => (
          <label key={choice} className="radio">
            <input type="radio" name="how" value={choice} checked={how === choice} onChange={() => setHow(choice)} />
            {t(`cases.ui.how.${choice}`)}
          </label>
        ))}
      </fieldset>
      {how === 'register' ? (
        <>
          <MrzInput value={mrzText} onChange={setMrzText} onSubmit={(text) => setMrz(parseMrz(text, todayInOffice()))} />
          {mrz ? <p role="status">{mrz.valid ? t('cases.ui.mrzRead', { name: `${mrz.fields.surname} ${mrz.fields.givenNames}`.trim() }) : t('reg.mrz.invalid')}</p> : null}
        </>
      ) : (
        <>
          <TextField label={t('input.field.described')} value={described} onChange={setDescribed} hint={t('cases.ui.describedHint')} />
          <div className="row">
            <Choice label={t('reg.field.sex')} value={sex} onChange={(v) => setSex(v as typeof sex)} options={sexes.options.map((v) => ({ value: v, label: t(`reg.sex.${v}`) }))} />
            <NationalityPicker label={t('reg.field.nationality')} value={nationality} onChange={setNationality} required />
            <TextField label={t('cases.ui.count')} type="number" value={count} onChange={setCount} />
          </div>
        </>
      )}
      <fieldset>
        <legend>{t('cases.ui.victimStatus')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={declaredVictim} onChange={(e) => setDeclared(e.target.checked)} />
          {t('input.field.declaredVictim')}
        </label>
        <Choice label={t('input.field.identifiedAs')} value={identifiedAs} onChange={setIdentifiedAs}
          options={[{ value: '', label: t('cases.ui.notIdentified') }, ...victimKind.options.map((v) => ({ value: v, label: t(`cases.victimKind.${v}`) }))]} />
        <TextField label={t('input.field.referredTo')} value={referredTo} onChange={setReferredTo} />
        <label className="checkbox">
          <input type="checkbox" checked={noReturn} onChange={(e) => setNoReturn(e.target.checked)} />
          {t('input.field.noReturn')}
        </label>
        <p className="hint">{t('cases.ui.victimProtected')}</p>
      </fieldset>
      {error ? <ErrorMessage error={error} /> : null}
      {saved ? <p role="status">{saved}</p> : null}
      <button type="submit" disabled={!ready}>{t('cases.ui.addPerson')}</button>
    </form>
  );
}
