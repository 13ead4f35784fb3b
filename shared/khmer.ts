/** Khmer digits, month names and dates as official documents write them. */
const KHMER_DIGITS = ['០', '១', '២', '៣', '៤', '៥', '៦', '៧', '៨', '៩'];

export const KHMER_MONTHS = ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'] as const;
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function toKhmerDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => KHMER_DIGITS[Number(d)] ?? d);
}

export function fromKhmerDigits(value: string): string {
  return value.replace(/[០-៩]/g, (d) => String(d.charCodeAt(0) - 0x17e0));
}

function parts(isoDate: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** `2026-11-21` → `២១ វិច្ឆិកា ២០២៦` (km) or `21 November 2026` (en). */
export function formatDate(isoDate: string, language: 'en' | 'km'): string {
  const { year, month, day } = parts(isoDate);
  if (language === 'km') return `${toKhmerDigits(day)} ${KHMER_MONTHS[month - 1]} ${toKhmerDigits(year)}`;
  return `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`;
}

/** The place-and-date line of official documents: `ធ្វើនៅ … ថ្ងៃទី២១ ខែវិច្ឆិកា ឆ្នាំ២០២៦`. */
export function khmerPlaceDateLine(place: string, isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `ធ្វើនៅ${place} ថ្ងៃទី${toKhmerDigits(day)} ខែ${KHMER_MONTHS[month - 1]} ឆ្នាំ${toKhmerDigits(year)}`;
}

export function formatNumber(value: number, language: 'en' | 'km'): string {
  const text = value.toLocaleString('en-US');
  return language === 'km' ? toKhmerDigits(text) : text;
}
