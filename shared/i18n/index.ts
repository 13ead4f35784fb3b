import i18next, { type i18n as I18n, type ThirdPartyModule } from 'i18next';
import { formatDate, formatNumber, toKhmerDigits } from '../khmer.js';
import { fieldLabel, fieldLabels } from './field-label.js';
import { recordKind } from './record-kind.js';
import { LANGUAGES, resources, type Language } from './resources.js';

export { LANGUAGES, resources, type Language };

export interface I18nOptions {
  /** Throw on a missing key instead of showing it (tests). */
  strict?: boolean;
  /** e.g. react-i18next's `initReactI18next`, attached before init. */
  plugins?: ThirdPartyModule[];
}

type PlainFormat = (value: unknown, format: string | undefined, lng: string | undefined, options: unknown) => unknown;

/** One i18next instance per caller: the UI, the CLI and the printer each make their own. */
export function createI18n(language: Language, options: I18nOptions = {}): I18n {
  const instance = i18next.createInstance();
  for (const plugin of options.plugins ?? []) instance.use(plugin);
  void instance.init({
    lng: language,
    fallbackLng: options.strict ? false : 'en',
    supportedLngs: [...LANGUAGES],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: options.strict ?? false,
    missingKeyHandler: options.strict
      ? (_languages, _namespace, key) => {
          throw new Error(`i18n: missing key "${key}"`);
        }
      : false,
  });
  // errorMessage writes dates and digits for the language it reads from `t.lng`, which a fixed t (react-i18next's) carries:
  // this instance's own t (the CLI's, tests') says its current language the same way.
  if (!('lng' in instance.t)) Object.defineProperty(instance.t, 'lng', { get: () => instance.language, configurable: true });
  // `{{count, num}}`: a number in the language's digits (១២៣ in Khmer), grouped as 1,234.
  instance.services.formatter?.add('num', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' ? formatNumber(value, lng === 'km' ? 'km' : 'en') : String(value));
  // A plain `{{count}}` in a Khmer sentence is written in Khmer digits too (not grouped: it may be a year).
  const interpolator = instance.services.interpolator as unknown as { alwaysFormat: boolean; format: PlainFormat };
  const formatted = interpolator.format;
  interpolator.alwaysFormat = true;
  interpolator.format = (value, format, lng, formatOptions) =>
    format ? formatted(value, format, lng, formatOptions) : lng === 'km' && typeof value === 'number' ? toKhmerDigits(String(value)) : value;
  return instance;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * An error shape from the backend in words: its code under `errors.` with its params. A validation
 * failure (`validation.*`) names its field by the label people see, not by its key.
 */
export function errorMessage(t: I18n['t'], error: { code: string; params?: Record<string, string | number> }): string {
  const params: Record<string, string | number> = { ...(error.params ?? {}) };
  // Dates in words, and counts, row numbers and times in Khmer digits inside a Khmer sentence.
  const lng = (t as { lng?: string }).lng;
  // A name known in both languages comes as `office` + `officeKm` (offices in sync messages): the one in the message's language.
  for (const [key, value] of Object.entries(error.params ?? {})) {
    const base = key.endsWith('Km') ? key.slice(0, -2) : '';
    if (!base || !(base in params)) continue;
    if (lng === 'km' && typeof value === 'string' && value) params[base] = value;
    delete params[key];
  }
  if (lng === 'km' || lng === 'en') {
    for (const [key, value] of Object.entries(params)) {
      const dated = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/.exec(value) : null;
      if (dated) params[key] = [formatDate(dated[1]!, lng), dated[2] && (lng === 'km' ? toKhmerDigits(dated[2]) : dated[2])].filter(Boolean).join(' ');
      else if (lng !== 'km') continue;
      else if (typeof value === 'number') params[key] = formatNumber(value, 'km');
      else if (/^[\d:.,/ -]+$/.test(value) && /\d/.test(value)) params[key] = toKhmerDigits(value);
    }
  }
  // A kind of record in words ("a stay record", not "a stay"), lower-case inside an English sentence.
  if (/^(sync|syncdb|synctrust|recordCheck)\./.test(error.code) && typeof params.entity === 'string') {
    const kind = recordKind(t, params.entity);
    if (kind) params.entity = lng === 'km' ? kind : kind.charAt(0).toLowerCase() + kind.slice(1);
  }
  if (error.code.startsWith('validation.') && typeof params.field === 'string') {
    params.field = fieldLabel(t, params.field, typeof params.entity === 'string' ? params.entity : undefined);
  }
  // Fields listed by key (`spreadsheet.unmapped`): their labels instead.
  if (typeof params.fields === 'string' && /^(spreadsheet|validation)\./.test(error.code)) params.fields = fieldLabels(t, params.fields);
  return t(`errors.${error.code}` as never, { ...params, defaultValue: t('errors.internal' as never, { op: error.code, message: JSON.stringify(error.params ?? {}) }) } as never) as unknown as string;
}

export { fieldLabel, fieldLabels, recordKind };
