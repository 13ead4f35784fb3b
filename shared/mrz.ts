/**
 * ICAO 9303 TD3 (passport) machine-readable zone: parse, verify every check digit, suggest the
 * usual hand-typing fixes, and build valid lines. Pure and browser-safe.
 */
import { DEFAULT_TIME_ZONE, officeToday } from './local-time.js';

export type MrzCheckField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';

export interface MrzFields {
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  birthDate: string | null;
  sex: 'M' | 'F' | 'X';
  expiryDate: string | null;
  optionalData: string;
}

export interface MrzCheck { field: MrzCheckField; valid: boolean; expected: string; found: string }
export interface MrzSuggestion { field: MrzCheckField; position: number; from: string; to: string; line2: string }
export interface MrzProblem { code: string; params?: Record<string, string | number> }

export interface MrzResult {
  valid: boolean;
  line1: string;
  line2: string;
  fields: MrzFields;
  checks: MrzCheck[];
  suggestions: MrzSuggestion[];
  problems: MrzProblem[];
}

export const TD3_LENGTH = 44;
const WEIGHTS = [7, 3, 1];
const CONFUSABLE: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I', B: '8', '8': 'B' };

/** Value of one MRZ character for check digits: digits as themselves, A–Z as 10–35, `<` as 0. */
export function charValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (c === '<') return 0;
  return NaN;
}

/** ICAO 9303 check digit (weights 7, 3, 1), as a character; `?` when the text holds other characters. */
export function checkDigit(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += charValue(text[i]!) * WEIGHTS[i % 3]!;
  return Number.isNaN(sum) ? '?' : String(sum % 10);
}

/** Check-digit fields of line 2: the characters covered and where the digit is. */
const CHECKED: { field: MrzCheckField; ranges: [number, number][]; digit: number }[] = [
  { field: 'documentNumber', ranges: [[0, 9]], digit: 9 },
  { field: 'birthDate', ranges: [[13, 19]], digit: 19 },
  { field: 'expiryDate', ranges: [[21, 27]], digit: 27 },
  { field: 'optionalData', ranges: [[28, 42]], digit: 42 },
  { field: 'composite', ranges: [[0, 10], [13, 20], [21, 43]], digit: 43 },
];

/** Which checked field a line-2 position belongs to (its own check digit included). */
export function fieldAtPosition(position: number): MrzCheckField {
  if (position <= 9) return 'documentNumber';
  if (position >= 13 && position <= 19) return 'birthDate';
  if (position >= 21 && position <= 27) return 'expiryDate';
  if (position >= 28 && position <= 42) return 'optionalData';
  return 'composite';
}

function runChecks(line2: string): MrzCheck[] {
  return CHECKED.map(({ field, ranges, digit }) => {
    const covered = ranges.map(([from, to]) => line2.slice(from, to)).join('');
    const expected = checkDigit(covered);
    let found = line2[digit] ?? '';
    // An unused optional-data field may carry `<` as its check digit.
    if (field === 'optionalData' && found === '<' && /^<*$/.test(covered)) found = '0';
    return { field, valid: expected !== '?' && expected === found, expected, found: line2[digit] ?? '' };
  });
}

/** Removes spaces and line ends a reader or a paste adds; upper-cases. */
export function cleanLine(line: string): string {
  return line.replace(/[\s\u200B]+/g, '').toUpperCase();
}

/** `SURNAME<<GIVEN<NAMES` → surname and given names with spaces. */
export function parseNames(field: string): { surname: string; givenNames: string } {
  const at = field.indexOf('<<');
  const spaced = (s: string) => s.replace(/<+/g, ' ').trim();
  if (at < 0) return { surname: spaced(field), givenNames: '' };
  return { surname: spaced(field.slice(0, at)), givenNames: spaced(field.slice(at + 2)) };
}

function isoFromParts(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * YYMMDD → ISO. Birth dates lie in the past (20YY when that is not after today, else 19YY);
 * expiry dates lie within 50 years before or after today.
 */
export function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', today: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const thisYear = Number(today.slice(0, 4));
  const century = Math.floor(thisYear / 100) * 100;
  let year = century + yy;
  if (kind === 'birth') {
    const candidate = isoFromParts(year, month, day);
    if (candidate === null || candidate > today) year -= 100;
  } else if (year > thisYear + 50) year -= 100;
  else if (year < thisYear - 50) year += 100;
  return isoFromParts(year, month, day);
}

/** Today in Cambodia, for callers without an office (the CLI's `mrz`); the backend passes the office's date. */
export function todayIso(): string {
  return officeToday(DEFAULT_TIME_ZONE);
}

/** Accepts the two lines, or both in the first argument (a reader's 88 characters). */
export function parseTd3(line1In: string, line2In = '', today: string = todayIso()): MrzResult {
  let line1 = cleanLine(line1In);
  let line2 = cleanLine(line2In);
  if (line2 === '' && line1.length === TD3_LENGTH * 2) [line1, line2] = [line1.slice(0, TD3_LENGTH), line1.slice(TD3_LENGTH)];
  const problems: MrzProblem[] = [];
  [line1, line2].forEach((line, i) => {
    if (line.length !== TD3_LENGTH) problems.push({ code: 'mrz.lineLength', params: { line: i + 1, expected: TD3_LENGTH, found: line.length } });
    for (let p = 0; p < line.length; p++) {
      if (Number.isNaN(charValue(line[p]!))) problems.push({ code: 'mrz.badCharacter', params: { line: i + 1, position: p + 1, char: line[p]! } });
    }
  });
  const l1 = line1.padEnd(TD3_LENGTH, '<').slice(0, TD3_LENGTH);
  const l2 = line2.padEnd(TD3_LENGTH, '<').slice(0, TD3_LENGTH);
  if (l1[0] !== 'P') problems.push({ code: 'mrz.notPassport', params: { found: l1.slice(0, 2) } });

  const names = parseNames(l1.slice(5));
  const sexChar = l2[20];
  if (sexChar !== 'M' && sexChar !== 'F' && sexChar !== '<') problems.push({ code: 'mrz.badSex', params: { found: sexChar ?? '' } });
  const birthDate = mrzDate(l2.slice(13, 19), 'birth', today);
  const expiryDate = mrzDate(l2.slice(21, 27), 'expiry', today);
  if (birthDate === null) problems.push({ code: 'mrz.badDate', params: { field: 'birthDate', value: l2.slice(13, 19) } });
  if (expiryDate === null) problems.push({ code: 'mrz.badDate', params: { field: 'expiryDate', value: l2.slice(21, 27) } });

  const fields: MrzFields = {
    documentCode: l1.slice(0, 2).replace(/<+$/, ''),
    issuingState: l1.slice(2, 5).replace(/<+$/, ''),
    surname: names.surname,
    givenNames: names.givenNames,
    documentNumber: l2.slice(0, 9).replace(/<+$/, ''),
    nationality: l2.slice(10, 13).replace(/<+$/, ''),
    birthDate,
    sex: sexChar === 'M' || sexChar === 'F' ? sexChar : 'X',
    expiryDate,
    optionalData: l2.slice(28, 42).replace(/<+$/, ''),
  };
  const checks = runChecks(l2);
  const suggestions = checks.every((c) => c.valid) ? [] : suggestFixes(l2, checks);
  return { valid: problems.length === 0 && checks.every((c) => c.valid), line1: l1, line2: l2, fields, checks, suggestions, problems };
}

function failures(checks: MrzCheck[]): number {
  return checks.filter((c) => !c.valid).length;
}

/**
 * Single O/0, I/1, B/8 swaps in line 2 that make every check digit pass; if none does, those
 * that fix the field of a failing check without breaking another.
 */
export function suggestFixes(line2: string, checks: MrzCheck[] = runChecks(line2)): MrzSuggestion[] {
  const before = failures(checks);
  const perfect: MrzSuggestion[] = [];
  const partial: MrzSuggestion[] = [];
  for (let p = 0; p < line2.length; p++) {
    const from = line2[p]!;
    const to = CONFUSABLE[from];
    if (!to) continue;
    const fixed = line2.slice(0, p) + to + line2.slice(p + 1);
    const after = runChecks(fixed);
    const field = fieldAtPosition(p);
    const suggestion = { field, position: p + 1, from, to, line2: fixed };
    if (failures(after) === 0) perfect.push(suggestion);
    else if (failures(after) < before && after.find((c) => c.field === field)?.valid) partial.push(suggestion);
  }
  return perfect.length > 0 ? perfect : partial;
}

/** Latin text as MRZ letters: diacritics dropped, ß→SS, Æ→AE, Ø→OE; other marks become spaces. */
export function toMrzName(text: string): string {
  const special: Record<string, string> = { ß: 'SS', Æ: 'AE', æ: 'AE', Ø: 'OE', ø: 'OE', Œ: 'OE', œ: 'OE', Þ: 'TH', þ: 'TH', Ð: 'D', ð: 'D', Ł: 'L', ł: 'L', Đ: 'D', đ: 'D', ı: 'I' };
  return text
    .replace(/[ßÆæØøŒœÞþÐðŁłĐđı]/g, (c) => special[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/** Passport number as stored: upper case, no spaces or separators. */
export function cleanDocumentNumber(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Passport number with O/0, I/1, B/8 folded together: equal keys are possible duplicates. */
export function confusableKey(documentNumber: string): string {
  return cleanDocumentNumber(documentNumber).replace(/O/g, '0').replace(/I/g, '1').replace(/B/g, '8');
}

export interface Td3Input {
  documentCode?: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** ISO dates. */
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  optionalData?: string;
}

const fill = (text: string, length: number) => text.slice(0, length).padEnd(length, '<');
const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

/** Valid TD3 lines for the given fields (names truncated to fit, as ICAO allows). */
export function buildTd3(input: Td3Input): { line1: string; line2: string } {
  const surname = toMrzName(input.surname).replace(/ /g, '<');
  const given = toMrzName(input.givenNames).replace(/ /g, '<');
  const names = given ? `${surname}<<${given}` : surname;
  const line1 = fill(input.documentCode ?? 'P', 2) + fill(input.issuingState, 3) + fill(names, 39);
  const doc = fill(cleanDocumentNumber(input.documentNumber), 9);
  const birth = yymmdd(input.birthDate);
  const expiry = yymmdd(input.expiryDate);
  const optional = fill(input.optionalData ?? '', 14);
  const optionalCheck = /^<*$/.test(optional) ? '<' : checkDigit(optional);
  const docPart = doc + checkDigit(doc) + fill(input.nationality, 3);
  const birthPart = birth + checkDigit(birth) + (input.sex === 'X' ? '<' : input.sex);
  const expiryPart = expiry + checkDigit(expiry) + optional + optionalCheck;
  const composite = checkDigit(docPart.slice(0, 10) + birthPart.slice(0, 7) + expiryPart);
  return { line1, line2: docPart + birthPart + expiryPart + composite };
}
