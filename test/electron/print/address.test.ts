import { describe, expect, it } from 'vitest';
import { addressLines } from '../../../electron/print/address.js';

const PLACE = { km: 'សង្កាត់បឹងកេងកង ទី១ ខណ្ឌចំការមន រាជធានីភ្នំពេញ', latin: 'Boeng Keng Kang Ti Muoy, Chamkar Mon, Phnom Penh' };

describe('address lines', () => {
  it('writes the Khmer line in Khmer labels and digits without repeating the typed Latin label', () => {
    const lines = addressLines({ houseNo: '190', street: 'Street 312', village: 'Phum 7' }, PLACE);
    expect(lines.km).toBe(`ផ្ទះលេខ ១៩០ ផ្លូវ ៣១២ ភូមិ ៧ ${PLACE.km}`);
    expect(lines.km).not.toMatch(/[A-Za-z0-9]/);
    expect(lines.latin).toBe(`No. 190, St. 312, Phum 7, ${PLACE.latin}`);
  });

  it('keeps Khmer words as typed and joins them to their label', () => {
    const lines = addressLines({ houseNo: 'ផ្ទះលេខ ១២', street: '', village: 'ភូមិថ្មី' }, PLACE);
    expect(lines.km).toBe(`ផ្ទះលេខ ១២ ភូមិថ្មី ${PLACE.km}`);
  });

  it('keeps a street name that is not a number, and leaves out empty parts', () => {
    const lines = addressLines({ houseNo: '', street: 'Norodom Blvd', village: '' }, PLACE);
    expect(lines.latin).toBe(`Norodom Blvd, ${PLACE.latin}`);
    expect(lines.km).toBe(`ផ្លូវ Norodom Blvd ${PLACE.km}`);
  });
});
