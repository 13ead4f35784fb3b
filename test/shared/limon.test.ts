import { describe, expect, it } from 'vitest';
import { looksLikeLimon } from '../../shared/limon.js';

/** Legacy Limon-font text as found in old documents and spreadsheets, with the Khmer it stands for. */
const LIMON = [
  ['v½RbkasBiess', 'សេចក្ដីប្រកាសពិសេស (from the issue report)'],
  ['RBHraCaNacRkkm<uCa', 'ព្រះរាជាណាចក្រកម្ពុជា'],
  ['Cati sasna RBHmhakSRt', 'ជាតិ សាសនា ព្រះមហាក្សត្រ'],
  ['PñMeBj', 'ភ្នំពេញ'],
  ['Exµr', 'ខ្មែរ'],
  ['RksYgsuxaPibal', 'ក្រសួងសុខាភិបាល'],
  ['raCFanIPñMeBj', 'រាជធានីភ្នំពេញ'],
] as const;

/** Names and addresses people type in these fields in Latin script, which must not be taken for Limon. */
const LATIN = [
  'Müller', "O'Brien", 'O’Neill', 'McDonald', 'MacArthur', 'DeVries', 'LeBlanc', 'DiCaprio', 'José María', 'Nguyễn Thị Hoa',
  'Søren Kierkegaard', 'Bjørn', 'Åsa', 'Zoë', 'Łukasz', 'Jean-Luc Picard', "D'Angelo", 'St. 271', 'Street 308', 'Phum 3', '#12B',
  'No. 45, St. 63', 'Sangkat Tonle Basak', 'Mekong Breeze Guesthouse', 'LI WEI MING', 'JoAnn', 'Peña Núñez', 'Phnom Penh; Cambodia',
  'iPhone Shop', 'KFC', 'ABA Bank', 'Van der Berg', 'Al-Rashid', 'Dr. Sok', 'Chan Sokha', '12B', 'Borey Peng Huoth', 'Building A, Floor 3',
];

describe('Limon detection', () => {
  for (const [text, khmer] of LIMON) {
    it(`takes "${text}" (${khmer}) for Limon`, () => expect(looksLikeLimon(text)).toBe(true));
  }

  it('takes no Latin name or address for Limon', () => {
    expect(LATIN.filter(looksLikeLimon)).toEqual([]);
  });

  it('never flags text with Khmer letters, or text without letters', () => {
    expect(looksLikeLimon('ភ្នំពេញ')).toBe(false);
    expect(looksLikeLimon('ផ្ទះ ½ លេខ 12')).toBe(false);
    expect(looksLikeLimon('12/34')).toBe(false);
    expect(looksLikeLimon('')).toBe(false);
  });
});
