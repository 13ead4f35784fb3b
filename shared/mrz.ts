/**
 * ICAO 9303 machine-readable zones — TD3 passports, TD1/TD2 identity cards, MRV-A/MRV-B visas: parse,
 * verify every check digit, suggest the usual hand-typing fixes, and build valid TD3 lines. Pure and
 * browser-safe.
 */
import { DEFAULT_TIME_ZONE, officeToday } from './local-time.js';

export type MrzCheckField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';
/** ICAO 9303 layouts: TD3 passport (2×44), TD2 and TD1 cards (2×36, 3×30), visas MRV-A (2×44) and MRV-B (2×36). */
export type MrzFormat = 'TD3' | 'TD2' | 'TD1' | 'MRVA' | 'MRVB';

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
/** A one-character fix: `line` and `position` count from 1; `lines` are all the lines with it applied. */
export interface MrzSuggestion {
  field: MrzCheckField; line: number; position: number; from: string; to: string; lines: string[];
  /** The corrected second line (kept for callers that know only TD3). */
  line2: string;
}
export interface MrzProblem { code: string; params?: Record<string, string | number> }

export interface MrzResult {
  format: MrzFormat;
  /** Passport, identity card or visa: what the document code says. */
  kind: 'passport' | 'card' | 'visa';
  valid: boolean;
  lines: string[];
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

/** [from, to) in the lines joined without separators. */
type Range = [number, number];
interface Layout {
  format: MrzFormat;
  lines: number;
  length: number;
  names: Range;
  documentNumber: Range;
  nationality: Range;
  birthDate: Range;
  sex: number;
  expiryDate: Range;
  optionalData: Range[];
  /** Check digits: the characters covered and where the digit is. */
  checks: { field: MrzCheckField; ranges: Range[]; digit: number }[];
}

/** TD3 and TD2 share line 2's shape; `n` is the line length, `optional` the end of optional data. */
function twoLine(format: MrzFormat, n: number, withOptionalCheck: boolean, withComposite: boolean): Layout {
  const l2 = n;
  const optionalEnd = l2 + n - (withOptionalCheck ? 2 : withComposite ? 1 : 0);
  const checks: Layout['checks'] = [
    { field: 'documentNumber', ranges: [[l2, l2 + 9]], digit: l2 + 9 },
    { field: 'birthDate', ranges: [[l2 + 13, l2 + 19]], digit: l2 + 19 },
    { field: 'expiryDate', ranges: [[l2 + 21, l2 + 27]], digit: l2 + 27 },
  ];
  if (withOptionalCheck) checks.push({ field: 'optionalData', ranges: [[l2 + 28, optionalEnd]], digit: optionalEnd });
  if (withComposite) checks.push({ field: 'composite', ranges: [[l2, l2 + 10], [l2 + 13, l2 + 20], [l2 + 21, l2 + n - 1]], digit: l2 + n - 1 });
  return {
    format, lines: 2, length: n, names: [5, n], documentNumber: [l2, l2 + 9], nationality: [l2 + 10, l2 + 13],
    birthDate: [l2 + 13, l2 + 19], sex: l2 + 20, expiryDate: [l2 + 21, l2 + 27], optionalData: [[l2 + 28, optionalEnd]], checks,
  };
}

const LAYOUTS: Record<MrzFormat, Layout> = {
  TD3: twoLine('TD3', 44, true, true),
  MRVA: twoLine('MRVA', 44, false, false),
  TD2: twoLine('TD2', 36, false, true),
  MRVB: twoLine('MRVB', 36, false, false),
  TD1: {
    format: 'TD1', lines: 3, length: 30, names: [60, 90], documentNumber: [5, 14], nationality: [45, 48],
    birthDate: [30, 36], sex: 37, expiryDate: [38, 44], optionalData: [[15, 30], [48, 59]],
    checks: [
      { field: 'documentNumber', ranges: [[5, 14]], digit: 14 },
      { field: 'birthDate', ranges: [[30, 36]], digit: 36 },
      { field: 'expiryDate', ranges: [[38, 44]], digit: 44 },
      { field: 'composite', ranges: [[5, 30], [30, 37], [38, 45], [48, 59]], digit: 59 },
    ],
  },
};

/** Which checked field a position (in the joined lines) belongs to, its own check digit included. */
function fieldAt(layout: Layout, position: number): MrzCheckField | null {
  for (const check of layout.checks) {
    if (check.field === 'composite') continue;
    if (position === check.digit || check.ranges.some(([from, to]) => position >= from && position < to)) return check.field;
  }
  const composite = layout.checks.find((c) => c.field === 'composite');
  if (composite && (position === composite.digit || composite.ranges.some(([from, to]) => position >= from && position < to))) return 'composite';
  return null;
}

/** Which checked field a TD3 line-2 position (0-based) belongs to (its own check digit included). */
export function fieldAtPosition(position: number): MrzCheckField {
  return fieldAt(LAYOUTS.TD3, TD3_LENGTH + position) ?? 'composite';
}

/**
 * TD1 document numbers longer than 9 characters: the check-digit place holds `<` and the number goes
 * on in the optional data up to its first `<`, whose last character is the check digit (ICAO 9303-5 4.2.4).
 */
function td1LongNumber(joined: string): { number: string; digit: string; digitAt: number } | null {
  if (joined[14] !== '<') return null;
  const rest = joined.slice(15, 30);
  const end = rest.indexOf('<');
  const tail = end < 0 ? rest : rest.slice(0, end);
  if (tail.length < 2) return null;
  return { number: joined.slice(5, 14) + tail.slice(0, -1), digit: tail.slice(-1), digitAt: 15 + tail.length - 1 };
}

function runChecks(layout: Layout, joined: string): MrzCheck[] {
  const long = layout.format === 'TD1' ? td1LongNumber(joined) : null;
  return layout.checks.map(({ field, ranges, digit }) => {
    let covered = ranges.map(([from, to]) => joined.slice(from, to)).join('');
    let found = joined[digit] ?? '';
    if (field === 'documentNumber' && long) {
      covered = long.number;
      found = long.digit;
    }
    const shown = found;
    // An unused optional-data field may carry `<` as its check digit.
    if (field === 'optionalData' && found === '<' && /^<*$/.test(covered)) found = '0';
    const expected = checkDigit(covered);
    return { field, valid: expected !== '?' && expected === found, expected, found: shown };
  });
}

/** Removes spaces, tabs and line ends a reader or a paste adds; upper-cases. */
export function cleanLine(line: string): string {
  return line.replace(/[\s\u200B]+/g, '').toUpperCase();
}

const FULL_LENGTHS: Record<number, MrzFormat[]> = { 88: ['TD3', 'MRVA'], 72: ['TD2', 'MRVB'], 90: ['TD1'] };

function layoutFor(lineLengths: number[], firstChar: string): Layout {
  const total = lineLengths.reduce((a, b) => a + b, 0);
  const visa = firstChar === 'V';
  const byTotal = FULL_LENGTHS[total];
  if (byTotal) return LAYOUTS[byTotal.length === 2 && visa ? byTotal[1]! : byTotal[0]!];
  // Incomplete: guess from the line count and the longest line, to report lengths against the right layout.
  const longest = Math.max(0, ...lineLengths);
  if (lineLengths.length >= 3 || (longest > 0 && longest <= 30 && firstChar !== 'P' && !visa)) return LAYOUTS.TD1;
  if (longest > 0 && longest <= 36 && firstChar !== 'P') return visa ? LAYOUTS.MRVB : LAYOUTS.TD2;
  return visa ? LAYOUTS.MRVA : LAYOUTS.TD3;
}

/**
 * The MRZ lines in what a reader or a person typed: separated by CR, LF, Tab or spaces, or with nothing
 * between them (a reader that sends 88 characters then Enter). Lines of the right lengths are kept as
 * they are; otherwise all characters are joined and cut at the lengths of the layout their count fits.
 */
export function splitMrz(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? [input] : input).flatMap((part) => part.split(/[\r\n\t]+/)).map(cleanLine).filter(Boolean);
  const joined = parts.join('');
  const formats = FULL_LENGTHS[joined.length];
  if (formats) {
    const layout = LAYOUTS[formats[0]!];
    if (parts.length === layout.lines && parts.every((p) => p.length === layout.length)) return parts;
    return Array.from({ length: layout.lines }, (_, i) => joined.slice(i * layout.length, (i + 1) * layout.length));
  }
  return parts;
}

/** True when the text holds a whole MRZ of some layout (what a reader sends before Enter). */
export function isCompleteMrz(input: string): boolean {
  return FULL_LENGTHS[splitMrz(input).join('').length] !== undefined;
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

const slice = (text: string, [from, to]: Range) => text.slice(from, to);
const unpad = (text: string) => text.replace(/<+$/, '');

/**
 * Parses an MRZ of any ICAO 9303 layout: the lines as one string (any separators, or none) or as an
 * array. Every check digit is verified; a date that is six digits but no calendar day (29 February
 * in a common year) is reported as `mrz.impossibleDate` so the person can enter the printed date.
 */
export function parseMrz(input: string | readonly string[], today: string = todayIso()): MrzResult {
  const split = splitMrz(input);
  const layout = layoutFor(split.map((l) => l.length), split[0]?.[0] ?? 'P');
  const problems: MrzProblem[] = [];
  const lines: string[] = [];
  for (let i = 0; i < layout.lines; i++) {
    const line = split[i] ?? '';
    if (line.length !== layout.length) problems.push({ code: 'mrz.lineLength', params: { line: i + 1, expected: layout.length, found: line.length } });
    for (let p = 0; p < line.length; p++) {
      if (Number.isNaN(charValue(line[p]!))) problems.push({ code: 'mrz.badCharacter', params: { line: i + 1, position: p + 1, char: line[p]! } });
    }
    lines.push(line.padEnd(layout.length, '<').slice(0, layout.length));
  }
  if (split.length > layout.lines) problems.push({ code: 'mrz.lineCount', params: { expected: layout.lines, found: split.length } });
  const joined = lines.join('');
  const documentCode = unpad(joined.slice(0, 2));
  const first = documentCode[0] ?? '';
  const kind = first === 'V' ? 'visa' : first === 'P' ? 'passport' : 'card';
  if ((layout.format === 'TD3' && first !== 'P') || (layout.format !== 'TD3' && !/^[ACIV]$/.test(first))) {
    problems.push({ code: 'mrz.notPassport', params: { found: joined.slice(0, 2) } });
  }

  const names = parseNames(slice(joined, layout.names));
  const sexChar = joined[layout.sex];
  if (sexChar !== 'M' && sexChar !== 'F' && sexChar !== '<' && sexChar !== 'X') problems.push({ code: 'mrz.badSex', params: { found: sexChar ?? '' } });
  const date = (range: Range, dateKind: 'birth' | 'expiry', field: 'birthDate' | 'expiryDate') => {
    const digits = slice(joined, range);
    const iso = mrzDate(digits, dateKind, today);
    if (iso === null) problems.push({ code: /^\d{6}$/.test(digits) ? 'mrz.impossibleDate' : 'mrz.badDate', params: { field, value: digits } });
    return iso;
  };
  const birthDate = date(layout.birthDate, 'birth', 'birthDate');
  const expiryDate = date(layout.expiryDate, 'expiry', 'expiryDate');
  const long = layout.format === 'TD1' ? td1LongNumber(joined) : null;
  const optional = layout.optionalData.map((range) => unpad(slice(joined, range)));
  const fields: MrzFields = {
    documentCode,
    issuingState: unpad(joined.slice(2, 5)),
    surname: names.surname,
    givenNames: names.givenNames,
    documentNumber: long ? long.number : unpad(slice(joined, layout.documentNumber)),
    nationality: unpad(slice(joined, layout.nationality)),
    birthDate,
    sex: sexChar === 'M' || sexChar === 'F' ? sexChar : 'X',
    expiryDate,
    optionalData: (long ? [unpad(joined.slice(long.digitAt + 1, 30).replace(/^<+/, '')), ...optional.slice(1)] : optional).filter(Boolean).join(' '),
  };
  const checks = runChecks(layout, joined);
  const suggestions = checks.every((c) => c.valid) ? [] : suggestFixesIn(layout, joined, checks);
  return {
    format: layout.format, kind, valid: problems.length === 0 && checks.every((c) => c.valid), lines, line1: lines[0]!, line2: lines[1]!,
    fields, checks, suggestions, problems,
  };
}

/** Accepts the two lines of a passport, or both in the first argument (a reader's 88 characters). */
export function parseTd3(line1In: string, line2In = '', today: string = todayIso()): MrzResult {
  return parseMrz([line1In, line2In], today);
}

function failures(checks: MrzCheck[]): number {
  return checks.filter((c) => !c.valid).length;
}

/**
 * Single O/0, I/1, B/8 swaps in a checked field that make every check digit pass; if none does, those
 * that fix the field of a failing check without breaking another.
 */
function suggestFixesIn(layout: Layout, joined: string, checks: MrzCheck[]): MrzSuggestion[] {
  const before = failures(checks);
  const perfect: MrzSuggestion[] = [];
  const partial: MrzSuggestion[] = [];
  for (let p = 0; p < joined.length; p++) {
    const from = joined[p]!;
    const to = CONFUSABLE[from];
    const field = to ? fieldAt(layout, p) : null;
    if (!to || !field) continue;
    const fixed = joined.slice(0, p) + to + joined.slice(p + 1);
    const after = runChecks(layout, fixed);
    const lines = Array.from({ length: layout.lines }, (_, i) => fixed.slice(i * layout.length, (i + 1) * layout.length));
    const suggestion = { field, line: Math.floor(p / layout.length) + 1, position: (p % layout.length) + 1, from, to, lines, line2: lines[1]! };
    if (failures(after) === 0) perfect.push(suggestion);
    else if (failures(after) < before && after.find((c) => c.field === field)?.valid) partial.push(suggestion);
  }
  return perfect.length > 0 ? perfect : partial;
}

/** TD3 line 2 fixes (see `suggestFixesIn`), for a line 2 alone. */
export function suggestFixes(line2: string): MrzSuggestion[] {
  const joined = '<'.repeat(TD3_LENGTH) + line2.padEnd(TD3_LENGTH, '<').slice(0, TD3_LENGTH);
  return suggestFixesIn(LAYOUTS.TD3, joined, runChecks(LAYOUTS.TD3, joined));
}

const MRZ_SPECIAL: Record<string, string> = { ß: 'SS', Æ: 'AE', æ: 'AE', Ø: 'OE', ø: 'OE', Œ: 'OE', œ: 'OE', Þ: 'TH', þ: 'TH', Ð: 'D', ð: 'D', Ł: 'L', ł: 'L', Đ: 'D', đ: 'D', ı: 'I' };

/** Latin text as MRZ letters: diacritics dropped, ß→SS, Æ→AE, Ø→OE; other marks become spaces. */
export function toMrzName(text: string): string {
  // Most names are plain ASCII already: no transliteration or decomposition to do (bulk import speed).
  if (/^[A-Za-z ]*$/.test(text)) return text.toUpperCase().replace(/ +/g, ' ').trim();
  return text
    .replace(/[ßÆæØøŒœÞþÐðŁłĐđı]/g, (c) => MRZ_SPECIAL[c] ?? c)
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
