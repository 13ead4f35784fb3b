import { toKhmerDigits } from '../../shared/khmer.js';
import type { Place } from './documents/types.js';

/**
 * An address in each language of a document: the Khmer line from Khmer labels, Khmer digits and
 * the gazetteer's Khmer names; the English line from the fields as entered (Latin letters).
 * Fields are typed once, often in Latin ("Street 312", "Phum 7"): a label the officer typed is
 * not repeated after the printed one, and numbers take the line's digits.
 */
export interface AddressParts {
  houseNo: string;
  street: string;
  village: string;
}

const KHMER = /[\u1780-\u17FF]/;
/** Khmer letters and signs, not digits. */
const KHMER_LETTER = /[\u1780-\u17DD]/;
/** Words officers type before the value, in either script; the printed label replaces them. */
const HOUSE_WORDS = /^(?:house\s*(?:no\.?|number)?|no\.?|#|ផ្ទះលេខ|ផ្ទះ|លេខ)\s*/iu;
const STREET_WORDS = /^(?:street|st\.?|road|rd\.?|ផ្លូវលេខ|ផ្លូវ)\s*/iu;
const VILLAGE_WORDS = /^(?:phum|phoum|village|ភូមិ)\s*/iu;

function bare(value: string, words: RegExp): string {
  return value.trim().replace(words, '').trim();
}

/** A value for the Khmer line: Khmer text as it is, Latin digits in Khmer digits, other Latin text kept. */
function inKhmer(value: string): string {
  return KHMER.test(value) ? value : value.replace(/[0-9]/g, (d) => toKhmerDigits(d));
}

/** `label` and value: joined when the value is a Khmer word (ភូមិថ្មី), spaced before digits or Latin (ភូមិ ៧). */
function labelled(label: string, value: string): string {
  return KHMER_LETTER.test(value.charAt(0)) ? `${label}${value}` : `${label} ${value}`;
}

export function addressLines(parts: AddressParts, place: Place): Place {
  const house = bare(parts.houseNo, HOUSE_WORDS);
  const street = bare(parts.street, STREET_WORDS);
  const village = bare(parts.village, VILLAGE_WORDS);
  const km = [
    house ? labelled('ផ្ទះលេខ', inKhmer(house)) : '',
    street ? labelled('ផ្លូវ', inKhmer(street)) : '',
    village ? labelled('ភូមិ', inKhmer(village)) : '',
    place.km,
  ];
  const latin = [
    house ? `No. ${house}` : '',
    street ? (/^\d/.test(street) ? `St. ${street}` : parts.street.trim()) : '',
    village ? (/^\d/.test(village) ? `Phum ${village}` : parts.village.trim()) : '',
    place.latin,
  ];
  return { km: km.filter(Boolean).join(' '), latin: latin.filter(Boolean).join(', ') };
}
