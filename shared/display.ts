/**
 * Values in words, for people: nationalities by name, code lists by label, dates and numbers in the
 * language's own digits and month names. Pure and browser-safe; the UI, the CLI and the printer use
 * the same functions so a screen and a document say the same thing.
 *
 * Digit rule (one digit system per language): everything the app composes — dates, times, counts,
 * room numbers — is written in the language's digits. Identifiers copied from a document (passport,
 * visa and permit numbers, phone numbers, registration numbers) keep the characters printed on it,
 * so they can be compared with the paper and searched.
 */
import { CODE_LISTS, type CodeListName } from './reference/codelists.js';
import { NATIONALITIES, nationality } from './reference/nationalities.js';
import { DEFAULT_TIME_ZONE, dateOf, instantOf, timeOf } from './local-time.js';
import { KHMER_MONTHS, formatDate, formatNumber, fromKhmerDigits, toKhmerDigits } from './khmer.js';

export type DisplayLanguage = 'en' | 'km';

export const EMPTY = '—';

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Digits of `text` in the language's digit system (`km`: ០–៩). */
export function digits(text: string | number, language: DisplayLanguage): string {
  return language === 'km' ? toKhmerDigits(text) : fromKhmerDigits(String(text));
}

export function displayNumber(value: number, language: DisplayLanguage): string {
  return formatNumber(value, language);
}

/** The office's name in the language: the Khmer name in Khmer when there is one, else the English name. */
export function officeName(office: { name: string; nameKm: string }, language: DisplayLanguage): string {
  return language === 'km' ? office.nameKm || office.name : office.name || office.nameKm;
}

// --- nationalities -------------------------------------------------------------------------

/**
 * ICAO 9303 codes that mean the same state as an ISO alpha-3 code. A German passport's MRZ says
 * `D`; a clerk choosing "Germany" gets `DEU`. Both are the same people to a search.
 */
const ICAO_SAME_AS: Record<string, string> = { D: 'DEU' };
const ISO_SAME_AS: Record<string, string[]> = {};
for (const [icao, iso] of Object.entries(ICAO_SAME_AS)) (ISO_SAME_AS[iso] ??= []).push(icao);

/** `D` → `DEU`; any other code unchanged (upper-cased). */
export function canonicalNationality(code: string): string {
  const upper = code.trim().toUpperCase();
  return ICAO_SAME_AS[upper] ?? upper;
}

/** Every stored code meaning the same state: `D` or `DEU` → `['DEU', 'D']`. */
export function nationalityEquivalents(code: string): string[] {
  const canonical = canonicalNationality(code);
  return [canonical, ...(ISO_SAME_AS[canonical] ?? [])];
}

/** `CHN` → `China` / `ចិន`; `D` → `Germany`; an unknown code is shown as it is. */
export function nationalityName(code: string | null | undefined, language: DisplayLanguage): string {
  if (!code) return EMPTY;
  const entry = nationality(code.toUpperCase()) ?? nationality(canonicalNationality(code));
  return entry ? entry[language] : code;
}

/** Name and code: `Germany (D)`, for places where the code on the passport matters too. */
export function nationalityWithCode(code: string | null | undefined, language: DisplayLanguage): string {
  if (!code) return EMPTY;
  const name = nationalityName(code, language);
  return name === code ? code : `${name} (${code})`;
}

export interface NationalityOption {
  code: string;
  name: string;
  /** The name in the other language, shown small, and searched too. */
  otherName: string;
}

/** Folds case and Latin accents (`Türkiye` = `turkiye`), keeps Khmer as it is. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** Options of the picker (ICAO-only synonyms such as `D` are reached through their ISO code). */
export function nationalityOptions(language: DisplayLanguage): NationalityOption[] {
  const other: DisplayLanguage = language === 'km' ? 'en' : 'km';
  return NATIONALITIES.filter((n) => !(n.code in ICAO_SAME_AS))
    .map((n) => ({ code: n.code, name: n[language], otherName: n[other] }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

/**
 * Nationalities matching what was typed: a code (`DEU`, `D`, `deu`) or a part of the name in
 * either language (`germ`, `អាល្លឺ`). Exact codes first, then names that start with the text,
 * then names containing it.
 */
export function searchNationalities(query: string, language: DisplayLanguage, limit = 12): NationalityOption[] {
  const q = foldForSearch(query);
  if (!q) return [];
  const exactCode = canonicalNationality(q);
  const scored: { option: NationalityOption; score: number }[] = [];
  for (const option of nationalityOptions(language)) {
    const names = [foldForSearch(option.name), foldForSearch(option.otherName)];
    let score = -1;
    if (option.code === exactCode) score = 0;
    else if (names.some((n) => n.startsWith(q))) score = 1;
    else if (names.some((n) => n.split(/[\s(),-]+/).some((word) => word.startsWith(q)))) score = 2;
    else if (q.length >= 2 && names.some((n) => n.includes(q))) score = 3;
    if (score >= 0) scored.push({ option, score });
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, limit).map((s) => s.option);
}

// --- code lists ----------------------------------------------------------------------------

/** A code of a code list by its label (`T` → `Tourist`); an unknown code is shown as it is. */
export function codeName(list: CodeListName, code: string | null | undefined, language: DisplayLanguage): string {
  if (!code) return EMPTY;
  const entry = (CODE_LISTS[list] as { code: string; en: string; km: string }[]).find((e) => e.code === code);
  return entry ? entry[language] : code;
}

// --- dates ---------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date (`2026-11-21`) or a stored date-time (`2026-11-21T09:05:00+07:00`, or a change-log
 * instant `…Z`) in words, at the office's wall clock: `21 November 2026`,
 * `២១ វិច្ឆិកា ២០២៦ ០៩:០៥`. Empty → `—`; anything unreadable is shown as it is.
 */
export function displayDate(value: string | null | undefined, language: DisplayLanguage, zone: string = DEFAULT_TIME_ZONE): string {
  if (!value) return EMPTY;
  if (ISO_DATE.test(value)) return formatDate(value, language);
  if (Number.isNaN(instantOf(value, zone))) return value;
  return `${formatDate(dateOf(value, zone), language)} ${digits(timeOf(value, zone), language)}`;
}

/** Only the date part of a date or date-time, in words (`21 November 2026`). */
export function displayDay(value: string | null | undefined, language: DisplayLanguage, zone: string = DEFAULT_TIME_ZONE): string {
  if (!value) return EMPTY;
  if (!ISO_DATE.test(value) && Number.isNaN(instantOf(value, zone))) return value;
  return formatDate(dateOf(value, zone), language);
}

/** `2026-03-14` → `14/03/2026` (`km`: `១៤/០៣/២០២៦`): how the date field shows a date. */
export function dateToInput(iso: string, language: DisplayLanguage): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  return digits(`${match[3]}/${match[2]}/${match[1]}`, language);
}

function realDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthFromName(word: string): number | null {
  const w = foldForSearch(word).replace(/^ខែ/, '');
  if (w.length < 3 && !/[\u1780-\u17ff]/.test(w)) return null;
  const en = ENGLISH_MONTHS.findIndex((m) => m.toLowerCase().startsWith(w));
  if (en >= 0) return en + 1;
  const km = KHMER_MONTHS.findIndex((m) => m === w || (w.length >= 2 && m.startsWith(w)));
  return km >= 0 ? km + 1 : null;
}

/**
 * What a clerk typed in a date field → `YYYY-MM-DD`, or null when it is not a real date.
 * Day first, as dates are written in Cambodia: `14/3/1988`, `14.03.1988`, `14-3-1988`,
 * `14 3 1988`, `14031988`, `១៤/០៣/១៩៨៨`, `14 March 1988`, `14 មីនា 1988`, and an ISO date pasted in.
 * Years have four digits (a two-digit year is ambiguous for birth dates).
 */
export function parseDateInput(text: string): string | null {
  const t = fromKhmerDigits(text).trim().replace(/^ថ្ងៃទី\s*/, '').replace(/ឆ្នាំ/g, ' ');
  if (!t) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return realDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(t);
  if (m) return realDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s/.,-]*([^\d\s/.,-]+)[\s/.,-]*(\d{4})$/u.exec(t);
  if (m) {
    const month = monthFromName(m[2]!);
    return month ? realDate(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `14:30` → `14:30` (`km`: `១៤:៣០`): how the time field shows a time. */
export function timeToInput(value: string, language: DisplayLanguage): string {
  return HH_MM.test(value) ? digits(value, language) : value;
}

/**
 * What a clerk typed in a time field → `HH:MM` (24-hour), or null when it is not a time of day:
 * `14:30`, `14.30`, `14h30`, `1430`, `9:05`, `9`, `2:30 pm`, `2.30pm`, `12 am`, `១៤:៣០`, and Khmer times of day
 * after the hour (`២:៣០ រសៀល`, `ម៉ោង ៨ យប់`): ព្រឹក morning, ថ្ងៃ/ថ្ងៃត្រង់ midday, រសៀល afternoon, ល្ងាច evening, យប់ night.
 */
export function parseTimeInput(text: string): string | null {
  const t = fromKhmerDigits(text).trim().toLowerCase().replace(/^ម៉ោង\s*/, '').replace(/\s+/g, ' ');
  if (!t) return null;
  const m = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2})|(\d{2}))?\s*(am|a\.m\.|pm|p\.m\.|ព្រឹក|ថ្ងៃត្រង់|ថ្ងៃ|រសៀល|ល្ងាច|យប់)?$/u.exec(t);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? '0');
  const part = m[4];
  if (minute > 59) return null;
  if (part) {
    if (hour < 1 || hour > 12) return null;
    const afternoon = part === 'pm' || part === 'p.m.' || part === 'រសៀល' || part === 'ល្ងាច'
      || (part === 'យប់' && hour >= 6 && hour !== 12) || ((part === 'ថ្ងៃ' || part === 'ថ្ងៃត្រង់') && hour < 6);
    const midnight = (part === 'am' || part === 'a.m.' || part === 'យប់') && hour === 12;
    hour = midnight ? 0 : afternoon && hour !== 12 ? hour + 12 : hour;
  } else if (hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * `HH:MM` in words with the time of day, so a 12-hour slip is seen at once: `2:30 pm` /
 * `ម៉ោង ២:៣០ រសៀល`. The Khmer times of day: ព្រឹក 05–10, ថ្ងៃត្រង់ 11–12, រសៀល 13–16, ល្ងាច 17–18, យប់ 19–04.
 */
export function displayTime(value: string, language: DisplayLanguage): string {
  const m = HH_MM.exec(value);
  if (!m) return value;
  const hour = Number(m[1]);
  const minute = m[2]!;
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  if (language === 'en') {
    if (hour === 0 && minute === '00') return 'midnight';
    if (hour === 12 && minute === '00') return 'noon';
    return `${twelve}:${minute} ${hour < 12 ? 'am' : 'pm'}`;
  }
  const part = hour >= 5 && hour <= 10 ? 'ព្រឹក' : hour >= 11 && hour <= 12 ? 'ថ្ងៃត្រង់' : hour >= 13 && hour <= 16 ? 'រសៀល' : hour >= 17 && hour <= 18 ? 'ល្ងាច' : 'យប់';
  return `ម៉ោង ${digits(`${twelve}:${minute}`, 'km')} ${part}`;
}
