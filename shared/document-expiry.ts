/**
 * Warnings at registration for a passport or visa that has expired or expires soon. Pure: `today` is the
 * office's local date (YYYY-MM-DD), given by the caller.
 */

export interface ExpiryWarning {
  document: 'passport' | 'visa';
  field: 'passportExpiry' | 'visaExpiry';
  state: 'expired' | 'today' | 'expiring';
  /** Days from today to the expiry date (negative once expired). */
  days: number;
  date: string;
}

/** The alert window used elsewhere (`passport_expiring`, `visa_expiring`). */
export const EXPIRY_WARNING_DAYS = 30;

const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function expiryWarnings(
  dates: { passportExpiry?: string | null; visaExpiry?: string | null },
  today: string,
  withinDays = EXPIRY_WARNING_DAYS,
): ExpiryWarning[] {
  const out: ExpiryWarning[] = [];
  for (const [document, field] of [['passport', 'passportExpiry'], ['visa', 'visaExpiry']] as const) {
    const date = dates[field];
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(dayNumber(date))) continue;
    const days = dayNumber(date) - dayNumber(today);
    if (days > withinDays) continue;
    out.push({ document, field, state: days < 0 ? 'expired' : days === 0 ? 'today' : 'expiring', days, date });
  }
  return out;
}
