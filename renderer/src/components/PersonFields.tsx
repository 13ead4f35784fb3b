import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { visaType } from '../../../shared/contract/registration.js';
import { codeName } from '../../../shared/display.js';
import { useLanguage } from '../i18n.js';
import { DateField } from './DateField.js';
import { Choice, TextField } from './FormFields.js';
import { NationalityPicker } from './NationalityPicker.js';

export const BLANK_PERSON = {
  surname: '', givenNames: '', nameKm: '', sex: 'M', birthDate: '', nationality: '', passportNo: '', issuingState: '',
  passportIssued: '', passportExpiry: '', visaType: '', visaNo: '', visaExpiry: '', entryDate: '', entryPoint: '', phone: '',
  diplomatic: false,
};
export type PersonForm = typeof BLANK_PERSON;
type TextKey = Exclude<keyof PersonForm, 'diplomatic' | 'sex' | 'visaType'>;
const DATES = new Set<TextKey>(['birthDate', 'passportIssued', 'passportExpiry', 'visaExpiry', 'entryDate']);
const REQUIRED = new Set<TextKey>(['surname', 'birthDate', 'nationality', 'passportNo', 'passportExpiry']);
const NATIONALITIES = new Set<TextKey>(['nationality', 'issuingState']);
const TEXT: TextKey[] = [
  'surname', 'givenNames', 'nameKm', 'birthDate', 'nationality', 'passportNo', 'issuingState', 'passportIssued', 'passportExpiry',
  'visaNo', 'visaExpiry', 'entryDate', 'entryPoint', 'phone',
];

/**
 * The passport and visa fields of a foreigner, with a message under any field flagged by the MRZ check
 * and a warning (expired, expiring) that does not stop saving.
 */
export function PersonFields({ value, onChange, flags = {}, warnings = {} }: {
  value: PersonForm; onChange: (value: PersonForm) => void; flags?: Partial<Record<keyof PersonForm, ReactNode>>;
  warnings?: Partial<Record<keyof PersonForm, ReactNode>>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const set = (key: keyof PersonForm) => (v: string | boolean) => onChange({ ...value, [key]: v });
  return (
    <div className="grid">
      {TEXT.map((key) =>
        DATES.has(key) ? (
          <DateField
            key={key} label={t(`reg.field.${key}`)} value={value[key]} onChange={set(key)} required={REQUIRED.has(key)} invalid={flags[key]}
            warning={warnings[key]}
          />
        ) : NATIONALITIES.has(key) ? (
          <NationalityPicker key={key} label={t(`reg.field.${key}`)} value={value[key]} onChange={set(key)} required={REQUIRED.has(key)} invalid={flags[key]} />
        ) : (
          <TextField key={key} label={t(`reg.field.${key}`)} value={value[key]} onChange={set(key)} required={REQUIRED.has(key)} invalid={flags[key]} name={key} warning={warnings[key]} />
        ),
      )}
      <Choice label={t('reg.field.sex')} value={value.sex} onChange={set('sex')} options={(['M', 'F', 'X'] as const).map((v) => ({ value: v, label: t(`reg.sex.${v}`) }))} />
      <Choice
        label={t('reg.field.visaType')} value={value.visaType} onChange={set('visaType')}
        options={[{ value: '', label: t('reg.none') }, ...visaType.options.map((v) => ({ value: v, label: codeName('visaType', v, language) }))]}
      />
      <label className="checkbox">
        <input type="checkbox" checked={value.diplomatic} onChange={(e) => set('diplomatic')(e.target.checked)} />
        {t('reg.field.diplomatic')}
      </label>
    </div>
  );
}

/** The form as the `persons.register` fields: empty optional fields become null or ''. */
export function toPersonFields(form: PersonForm) {
  const orNull = (v: string) => (v ? v : null);
  return {
    ...form,
    sex: form.sex as 'M' | 'F' | 'X',
    nationality: form.nationality.toUpperCase(),
    issuingState: (form.issuingState || form.nationality).toUpperCase(),
    passportNo: form.passportNo.toUpperCase().replace(/\s+/g, ''),
    passportIssued: orNull(form.passportIssued),
    visaType: orNull(form.visaType) as 'T' | null,
    visaExpiry: orNull(form.visaExpiry),
    entryDate: orNull(form.entryDate),
  };
}
