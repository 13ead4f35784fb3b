import type { ErrorDetail } from './errors.js';
import { looksLikeLimon } from './limon.js';

/**
 * Text people type that the register cannot keep as typed. Emoji have no place in a register and no
 * glyph in the document fonts, and control characters (other than tab and line breaks) are invisible;
 * names would lose them silently when folded to MRZ letters. They are refused with the character named,
 * never stripped. Khmer fields (names in Khmer, addresses) also refuse legacy Limon text.
 */

/** Emoji and pictographs (© ® ™ are ordinary signs), regional-indicator flags, emoji variation selector, skin tones. */
const EMOJI = /(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\p{Emoji_Modifier}|\uFE0F|\u20E3/u;
/** C0 and C1 controls except tab, line feed and carriage return; unpaired surrogates; non-characters. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Fields written in Khmer script: names in Khmer and address parts. */
export const KHMER_FIELDS: ReadonlySet<string> = new Set(['nameKm', 'village', 'street', 'houseNo', 'officeNameKm']);

/** The first character of `text` that cannot be stored, shown as people can read it (U+0007 for a control). */
export function unstorableCharacter(text: string): string | null {
  const emoji = EMOJI.exec(text);
  if (emoji) return emoji[0];
  const control = CONTROL.exec(text);
  if (control) return `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return null;
}

/** Problems with one text field: `validation.unstorable` or `validation.limon`, with the field's path. */
export function textProblem(field: string, text: string): ErrorDetail | null {
  const char = unstorableCharacter(text);
  if (char !== null) return { code: 'validation.unstorable', params: { field, char } };
  const name = field.split('.').pop() ?? field;
  if (KHMER_FIELDS.has(name) && looksLikeLimon(text)) return { code: 'validation.limon', params: { field, sample: text.slice(0, 30) } };
  return null;
}

/** Every text value in a request, walked as parsed: the problems, each with its path (`fields.nameKm`). */
export function textProblems(value: unknown, path: (string | number)[] = [], out: ErrorDetail[] = []): ErrorDetail[] {
  if (typeof value === 'string') {
    const problem = textProblem(path.join('.') || '-', value);
    if (problem) out.push(problem);
  } else if (Array.isArray(value)) {
    // Long arrays are data (bundles, mappings), not typed text: look at the first few only.
    value.slice(0, 1000).forEach((item, i) => textProblems(item, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) textProblems(item, [...path, key], out);
  }
  return out;
}
