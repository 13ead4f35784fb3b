/**
 * The office's date (YYYY-MM-DD) in its time zone, Asia/Phnom_Penh by default — not the UTC date.
 * Stand-in until the office time zone setting (shared/local-time.ts) reaches every screen.
 */
export function officeDate(zone = 'Asia/Phnom_Penh', now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
