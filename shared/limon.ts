/**
 * Detects legacy Limon text: Khmer typed with the ASCII-encoded Limon / ABC fonts (before Unicode), which
 * is Latin letters and symbols in the file ("PñMeBj" is ភ្នំពេញ, "RBHraCaNacRkkm<uCa" is
 * ព្រះរាជាណាចក្រកម្ពុជា) and turns into nonsense everywhere without that font: search, sorting, printing.
 *
 * Limon maps each key to a Khmer glyph, case included: lower and upper case are different consonants,
 * vowels and subscripts, and Latin-1 symbols (½ µ ¬ ³ …) and ASCII signs (< ; [ ] …) are Khmer vowels
 * and subscripts. So Limon text has, without a single Khmer code point:
 *  - Latin-1 / Windows-1252 symbols that no name or address uses (½ µ ¬ ¦ ³ …): one is enough;
 *  - ASCII signs between two letters ("km<u");
 *  - case changes inside a word that Latin names do not make: a capital after small letters other than
 *    the name prefixes Mc/Mac/De/Di/La/Le/Van… ("RksYgsuxaPibal", "eRbkas"), and two capitals then a
 *    small letter ("RBHmhak");
 *  - a `;` (the bantoc sign ់) right after a letter.
 * The symbols are decisive; the rest count one point each and two make Limon, so one odd name
 * ("JoAnn", "iPhone") or one `;` between parts of an address does not.
 */

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;
/** Latin-1 and Windows-1252 symbols Limon fonts use for Khmer glyphs; letters with diacritics are not here (names use them). */
const LIMON_SYMBOLS = /[\u00A1-\u00BF\u00D7\u00F7\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u2039\u203A\u2022\u02DC\u2122]/u;
/** An ASCII sign with a letter on both sides. */
const SIGN_IN_WORD = /\p{L}[<>[\]{}\\|=+^`~@$%&*]\p{L}/u;
/** Capital-letter prefixes of Latin surnames after which a capital follows (McDonald, DeVries, O'Brien). */
const NAME_PREFIX = /^(?:Mc|Mac|Fitz|De|Del|Della|Di|Da|Du|Dos|Des|La|Le|Lo|Van|Von|Ver|St|Ste|Al|El|Ben|Bin|Abu|Ibn)$/;

function wordPoints(word: string): number {
  let points = 0;
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return 0;
  const upper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
  const lower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
  // Two or more capitals then a small letter: RBHmhak, kSRt.
  for (let i = 2; i < letters.length; i++) {
    if (lower(letters[i]!) && upper(letters[i - 1]!) && upper(letters[i - 2]!)) points += 1;
  }
  // Split at apostrophes: O'Brien, D'Angelo start again after it.
  for (const part of word.split(/['’]/)) {
    for (let i = 1; i < part.length; i++) {
      if (upper(part[i]!) && lower(part[i - 1]!) && !NAME_PREFIX.test(part.slice(0, i).replace(/^[^\p{L}]+/u, ''))) points += 1;
    }
  }
  if (/\p{L};/u.test(word)) points += 1;
  return points;
}

/** True when a Khmer-field value is legacy Limon text rather than Khmer Unicode (see above). */
export function looksLikeLimon(text: string): boolean {
  if (KHMER.test(text) || !/\p{L}/u.test(text)) return false;
  if (LIMON_SYMBOLS.test(text) || SIGN_IN_WORD.test(text)) return true;
  let points = 0;
  for (const word of text.split(/[\s,.\-/()]+/)) points += wordPoints(word);
  return points >= 2;
}
