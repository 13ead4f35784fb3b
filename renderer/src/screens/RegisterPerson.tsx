import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { parseTd3, type MrzCheckField, type MrzResult } from '../../../shared/mrz.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { MrzInput } from '../components/MrzInput.js';
import { BLANK_PERSON, PersonFields, toPersonFields, type PersonForm } from '../components/PersonFields.js';
import { navigate } from '../router.js';

/** Which form field a failing MRZ check digit belongs to. */
const FIELD_OF: Record<MrzCheckField, keyof PersonForm | 'mrz'> = {
  documentNumber: 'passportNo', birthDate: 'birthDate', expiryDate: 'passportExpiry', optionalData: 'mrz', composite: 'mrz',
};

function fromMrz(result: MrzResult, form: PersonForm): PersonForm {
  const f = result.fields;
  return {
    ...form, surname: f.surname, givenNames: f.givenNames, sex: f.sex, birthDate: f.birthDate ?? '', nationality: f.nationality,
    passportNo: f.documentNumber, issuingState: f.issuingState, passportExpiry: f.expiryDate ?? '',
  };
}

/** Register a foreigner by MRZ (reader or typed) or by hand; a known identity opens the existing person. */
export function RegisterPerson() {
  const { t } = useTranslation();
  const [mrzText, setMrzText] = useState('');
  const [mrz, setMrz] = useState<MrzResult>();
  const [form, setForm] = useState(BLANK_PERSON);
  const [error, setError] = useState<AppErrorShape>();
  const read = (text: string) => {
    const [line1 = '', line2 = ''] = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const result = parseTd3(line1, line2);
    setMrz(result);
    setForm((f) => fromMrz(result, f));
  };
  const flags: Partial<Record<keyof PersonForm | 'mrz', ReactNode>> = {};
  for (const check of mrz?.checks ?? []) {
    if (check.valid) continue;
    const fixes = (mrz?.suggestions ?? []).filter((s) => s.field === check.field);
    flags[FIELD_OF[check.field]] = (
      <>
        {t('reg.mrz.badCheck', { field: t(`reg.mrz.field.${check.field}`), expected: check.expected, found: check.found })}
        {fixes.map((fix) => (
          <button
            key={`${fix.position}${fix.to}`} type="button" className="link"
            onClick={() => { const text = `${mrz?.line1 ?? ''}\n${fix.line2}`; setMrzText(text); read(text); }}
          >
            {t('reg.mrz.suggest', { from: fix.from, to: fix.to, position: fix.position })}
          </button>
        ))}
      </>
    );
  }
  const submit = async () => {
    // Read by MRZ: the backend checks the lines again and refuses a misread passport (clear the box to enter by hand).
    const viaMrz = mrz !== undefined;
    const r = await api['persons.register']({
      fields: toPersonFields(form), source: viaMrz ? 'mrz' : 'manual',
      ...(viaMrz ? { mrz: { line1: mrz.line1, line2: mrz.line2 } } : {}),
    });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', r.value.person.id, r.value.status === 'existing' ? 'existing' : r.value.possibleDuplicates.length ? 'duplicates' : 'created');
  };
  return (
    <form className="card" aria-label={t('reg.foreigners.register')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('reg.foreigners.register')}</h1>
      <MrzInput value={mrzText} onChange={(text) => { setMrzText(text); if (!text.trim()) setMrz(undefined); }} onSubmit={read} />
      {mrz ? (
        <p role="status" className={mrz.valid ? 'success' : 'error'}>{t(mrz.valid ? 'reg.mrz.valid' : 'reg.mrz.invalid')}</p>
      ) : null}
      {flags.mrz ? <p className="field-error" role="alert">{flags.mrz}</p> : null}
      {mrz?.problems.length ? <ErrorMessage error={{ code: mrz.problems[0]?.code ?? '', params: mrz.problems[0]?.params ?? {} }} /> : null}
      <h2>{t('reg.person.manual')}</h2>
      <PersonFields value={form} onChange={setForm} flags={flags} />
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit">{t('reg.save')}</button>
    </form>
  );
}
