import { describe, expect, it } from 'vitest';
import { createI18n, errorMessage, resources } from '../../../shared/i18n/index.js';
import { formatDate, fromKhmerDigits, toKhmerDigits } from '../../../shared/khmer.js';

type Tree = { [key: string]: string | Tree };

/** key → string for every leaf of a resource tree. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const en = flatten(resources.en.translation as unknown as Tree);
  const km = flatten(resources.km.translation as unknown as Tree);

  it('have the same keys in English and Khmer', () => {
    expect([...km.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('use the same {{placeholders}} in every string', () => {
    const mismatched = [...en].filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(km.get(key) ?? '')));
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('has Khmer text in every Khmer string that has words in English', () => {
    // A language's own name is shown in its own script in both languages.
    const ownScript = new Set(['language.en']);
    const untranslated = [...km].filter(([key, text]) => !ownScript.has(key) && /[A-Za-z]{3,}/.test(en.get(key)?.replace(/\{\{[^}]*\}\}/g, '') ?? '') && !/[\u1780-\u17FF]/.test(text));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe('i18n instances', () => {
  it('throws on a missing key when strict', () => {
    const { t } = createI18n('en', { strict: true });
    expect(() => t('no.such.key' as never)).toThrow(/missing key "no.such.key"/);
    expect(t('app.name')).toBe('Banhchi');
  });

  it('translates backend error shapes with their params', () => {
    const { t } = createI18n('km');
    const message = errorMessage(t, { code: 'db.newerVersion', params: { file: 'a.db', version: 9, supported: 2 } });
    expect(message).toContain('a.db');
    expect(message).toMatch(/[\u1780-\u17FF]/);
  });

  it('writes counts, rows and times in Khmer digits inside a Khmer message, Latin in English', () => {
    const i18n = createI18n('km');
    const km = i18n.getFixedT('km');
    const en = i18n.getFixedT('en');
    const error = { code: 'spreadsheet.unreadable', params: { row: 1234 } };
    expect(errorMessage(km, error)).toContain('១,២៣៤');
    expect(errorMessage(km, error)).not.toMatch(/1,?234/);
    expect(errorMessage(en, error)).toContain('1234');
    const late = { code: 'stays.beforeArrivalDeparture', params: { value: '2026-03-01 09:00', arrival: '2026-03-02T00:31' } };
    expect(errorMessage(en, late)).toContain('1 March 2026 09:00');
    expect(errorMessage(en, late)).toContain('2 March 2026 00:31');
    expect(errorMessage(km, late)).toContain('១ មីនា ២០២៦ ០៩:០០');
  });
});

describe('Khmer dates and digits', () => {
  it('formats dates with Khmer month names and digits', () => {
    expect(formatDate('2026-11-21', 'km')).toBe('២១ វិច្ឆិកា ២០២៦');
    expect(formatDate('2026-01-05', 'km')).toBe('៥ មករា ២០២៦');
    expect(formatDate('2026-11-21', 'en')).toBe('21 November 2026');
  });

  it('converts digits both ways', () => {
    expect(toKhmerDigits(1874)).toBe('១៨៧៤');
    expect(fromKhmerDigits('១៨៧៤')).toBe('1874');
  });
});

describe('numbers inside sentences', () => {
  it('a plain {{count}} is written in Khmer digits in Khmer, and left alone in English and in text values', () => {
    const km = createI18n('km');
    const en = createI18n('en');
    expect(km.t('stays.checkIn.mrzBad', { count: 8 })).toContain('(មានបញ្ហា ៨)');
    expect(en.t('stays.checkIn.mrzBad', { count: 8 })).toContain('8');
    // Grouping only where the string asks for it ({{count, num}}).
    expect(km.t('audit.total', { count: 1234 })).toBe('១,២៣៤ ធាតុ');
    // A string value (a passport number, a code) is not a number: unchanged.
    expect(km.t('display.date.read', { date: 'P1234567' })).toBe('អានថា P1234567');
  });
});
