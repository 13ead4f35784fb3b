/**
 * The labour ministry's quota on foreign staff: at most 10% of the whole workforce, split 3% office
 * staff, 6% skilled and 1% unskilled workers (seed 000 and DOMAIN.md). Pure, shared by the
 * declaration form (live check) and the backend (stored results, inspection planning).
 */

export const QUOTA_CATEGORIES = ['office', 'skilled', 'unskilled'] as const;
export type QuotaCategory = (typeof QUOTA_CATEGORIES)[number];

/** Share of the whole workforce each category of foreign staff may be. */
export const QUOTA_LIMITS: Record<QuotaCategory, number> = { office: 0.03, skilled: 0.06, unskilled: 0.01 };
export const QUOTA_TOTAL = 0.1;

export interface Workforce {
  officeKm: number; officeForeign: number;
  skilledKm: number; skilledForeign: number;
  unskilledKm: number; unskilledForeign: number;
}

export interface CategoryCheck {
  foreign: number;
  /** Most foreign staff of this category the workforce allows (whole persons, rounded down). */
  allowed: number;
  /** Foreign staff of this category as a share of the whole workforce. */
  share: number;
  limit: number;
  over: boolean;
}

export interface QuotaCheck {
  total: number;
  foreign: number;
  share: number;
  allowed: number;
  categories: Record<QuotaCategory, CategoryCheck>;
  /** Any category, or the whole, above its limit. */
  over: boolean;
}

/** Whole persons allowed: floor(total × limit), with a tolerance for floating error (100 × 0.03 = 3.0000000000000004). */
function allowedOf(total: number, limit: number): number {
  return Math.floor(total * limit + 1e-9);
}

export function checkQuota(w: Workforce): QuotaCheck {
  const total = w.officeKm + w.officeForeign + w.skilledKm + w.skilledForeign + w.unskilledKm + w.unskilledForeign;
  const foreign = w.officeForeign + w.skilledForeign + w.unskilledForeign;
  const category = (count: number, limit: number): CategoryCheck => {
    const allowed = allowedOf(total, limit);
    return { foreign: count, allowed, share: total > 0 ? count / total : 0, limit, over: count > allowed };
  };
  const categories = {
    office: category(w.officeForeign, QUOTA_LIMITS.office),
    skilled: category(w.skilledForeign, QUOTA_LIMITS.skilled),
    unskilled: category(w.unskilledForeign, QUOTA_LIMITS.unskilled),
  };
  const allowed = allowedOf(total, QUOTA_TOTAL);
  return {
    total, foreign, share: total > 0 ? foreign / total : 0, allowed, categories,
    over: foreign > allowed || QUOTA_CATEGORIES.some((c) => categories[c].over),
  };
}
