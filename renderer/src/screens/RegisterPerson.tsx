import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationOps } from '../../../shared/contract/registration.js';
import { expiryWarnings } from '../../../shared/document-expiry.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { formatDate, toKhmerDigits } from '../../../shared/khmer.js';
import { parseMrz, type MrzCheckField, type MrzResult } from '../../../shared/mrz.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormFields } from '../components/FieldContext.js';
import { MrzInput } from '../components/MrzInput.js';
import { BLANK_PERSON, PersonFields, toPersonFields, type PersonForm } from '../components/PersonFields.js';
import { useLanguage } from '../i18n.js';
import { todayInOffice } from '../office-time.js';
import { navigate } from '../router.js';
import { setPendingScan } from '../scan-store.js';

type Flagged = keyof PersonForm | 'mrz';
/** Which form field a failing MRZ check digit belongs to (a visa's document is the visa). */
function fieldOf(check: MrzCheckField | 'birthDate' | 'expiryDate', visa: boolean): Flagged {
  if (check === 'documentNumber') return visa ? 'visaNo' : 'passportNo';
  if (check === 'birthDate') return 'birthDate';
  if (check === 'expiryDate') return visa ? 'visaExpiry' : 'passportExpiry';
  return 'mrz';
}

/** The form with what a passport or card MRZ says; a visa fills the visa and only empty particulars. */
function fromMrz(result: MrzResult, form: PersonForm): PersonForm {
  const f = result.fields;
  if (result.kind === 'visa') {
    const keep = (current: string, read: string) => current || read;
    return {
      ...form, visaNo: f.documentNumber, visaExpiry: f.expiryDate ?? '', surname: keep(form.surname, f.surname), givenNames: keep(form.givenNames, f.givenNames),
      birthDate: keep(form.birthDate, f.birthDate ?? ''), nationality: keep(form.nationality, f.nationality),
    };
  }
  return {
    ...form, surname: f.surname, givenNames: f.givenNames, sex: f.sex, birthDate: f.birthDate ?? '', nationality: f.nationality,
    passportNo: f.documentNumber, issuingState: f.issuingState, passportExpiry: f.expiryDate ?? '',
  };
}

/** `900229` → `29.02.90`, as printed on the page. */
const printed = (yymmdd: string) => `${yymmdd.slice(4, 6)}.${yymmdd.slice(2, 4)}.${yymmdd.slice(0, 2)}`;

/** Register a foreigner by MRZ (reader or typed) or by hand; a known identity opens the existing person. */
export function RegisterPerson() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [today] = useState(todayInOffice);
  const [mrzText, setMrzText] = useState('');
  /** The passport or card read: its lines go with the registration as evidence. */
  const [mrz, setMrz] = useState<MrzResult>();
  const [visa, setVisa] = useState<MrzResult>();
  const [form, setForm] = useState(BLANK_PERSON);
  const [error, setError] = useState<AppErrorShape>();
  const read = (text: string) => {
    const result = parseMrz(text, today);
    if (result.kind === 'visa') setVisa(result);
    else setMrz(result);
    setForm((f) => fromMrz(result, f));
  };
  const flags: Partial<Record<Flagged, ReactNode>> = {};
  for (const result of [mrz, visa]) {
    if (!result) continue;
    const isVisa = result.kind === 'visa';
    for (const check of result.checks) {
      if (check.valid) continue;
      const fixes = result.suggestions.filter((s) => s.field === check.field);
      flags[fieldOf(check.field, isVisa)] = (
        <>
          {t('reg.mrz.badCheck', { field: t(`reg.mrz.field.${check.field}`), expected: check.expected, found: check.found })}
          {fixes.map((fix) => (
            <button
              key={`${fix.line}-${fix.position}${fix.to}`} type="button" className="link"
              onClick={() => { const text = fix.lines.join('\n'); setMrzText(text); read(text); }}
            >
              {t('reg.mrz.suggest', { from: fix.from, to: fix.to, position: fix.position })}
            </button>
          ))}
        </>
      );
    }
    // A date the issuer printed that is no calendar day: the person types the date, the lines stay.
    for (const problem of result.problems) {
      const field = problem.params?.field;
      if (problem.code !== 'mrz.impossibleDate' || (field !== 'birthDate' && field !== 'expiryDate')) continue;
      const key = fieldOf(field, isVisa) as keyof PersonForm;
      if (!form[key]) flags[key] = t('input.mrz.impossibleDate', { value: printed(String(problem.params?.value ?? '')) });
    }
  }
  const problems = (result?: MrzResult) => (result?.problems ?? []).filter((p) => p.code !== 'mrz.impossibleDate');
  const onlyImpossibleDate = (result: MrzResult) => !result.valid && problems(result).length === 0 && result.checks.every((c) => c.valid);
  const status = (result: MrzResult) => {
    if (result.valid) return { ok: true, text: t(result.kind === 'visa' ? 'input.mrz.visaRead' : result.kind === 'card' ? 'input.mrz.cardRead' : 'reg.mrz.valid') };
    if (onlyImpossibleDate(result)) return { ok: true, text: t('input.mrz.readImpossibleDate') };
    return { ok: false, text: t(result.kind === 'visa' ? 'input.mrz.visaInvalid' : 'reg.mrz.invalid') };
  };
  const digits = (n: number) => (language === 'km' ? toKhmerDigits(n) : String(n));
  const warnings: Partial<Record<keyof PersonForm, ReactNode>> = {};
  for (const w of expiryWarnings(form, today)) {
    const date = formatDate(w.date, language);
    const key = w.state === 'expired' ? 'Expired' : w.state === 'today' ? 'Today' : w.days === 1 ? 'ExpiringTomorrow' : 'ExpiringDays';
    warnings[w.field] = t(`input.expiry.${w.document}${key}`, { date, days: digits(w.days) });
  }
  const submit = async () => {
    // Read by MRZ: the backend checks the lines again and refuses a misread document (clear the box to enter by hand).
    const viaMrz = mrz !== undefined;
    const fields = toPersonFields(form);
    const lines = viaMrz ? { line1: mrz.lines[0] ?? '', line2: mrz.lines[1] ?? '', ...(mrz.lines[2] ? { line3: mrz.lines[2] } : {}) } : undefined;
    // A passport of someone registered (this one, a former one, or a renewal) opens that person with the differences.
    // (A misread MRZ goes to the backend's check instead, which names the failing field.)
    const known = viaMrz && !mrz.valid ? undefined : await api['persons.compareScan']({ fields });
    const match = known?.ok ? known.value.matches[0] : undefined;
    if (match?.kind === 'same_passport' && match.differences.length === 0) return navigate('foreigners', match.person.id, 'existing');
    if (match) {
      setPendingScan({ personId: match.person.id, fields, mrz: lines });
      return navigate('foreigners', match.person.id, 'rescan');
    }
    const r = await api['persons.register']({ fields, source: viaMrz ? 'mrz' : 'manual', ...(lines ? { mrz: lines } : {}) });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', r.value.person.id, r.value.status === 'existing' ? 'existing' : r.value.possibleDuplicates.length ? 'duplicates' : 'created');
  };
  return (
    <form className="card" aria-label={t('reg.foreigners.register')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('reg.foreigners.register')}</h1>
      <MrzInput value={mrzText} onChange={(text) => { setMrzText(text); if (!text.trim()) { setMrz(undefined); setVisa(undefined); } }} onSubmit={read} />
      {[mrz, visa].map((result) => {
        if (!result) return null;
        const { ok, text } = status(result);
        const first = problems(result)[0];
        return (
          <div key={result.kind === 'visa' ? 'visa' : 'passport'}>
            <p role="status" className={ok ? 'success' : 'error'}>{text}</p>
            {first ? <ErrorMessage error={{ code: first.code, params: first.params ?? {} }} /> : null}
          </div>
        );
      })}
      {flags.mrz ? <p className="field-error" role="alert">{flags.mrz}</p> : null}
      <h2>{t('reg.person.manual')}</h2>
      <FormFields schema={registrationOps['persons.register'].request.shape.fields} error={error}>
        <PersonFields value={form} onChange={setForm} flags={flags} warnings={warnings} />
      </FormFields>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit">{t('reg.save')}</button>
    </form>
  );
}
