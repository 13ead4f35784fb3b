import { CAMPAIGN_REPORTS } from './campaigns.js';
import { CASE_REPORTS } from './cases.js';
import { REGISTRATION_REPORTS } from './registration.js';
import type { ReportDefinition } from './types.js';

export type * from './types.js';

/** Every report, in the order the screen lists them. A feature adds its list here (one line). */
export const REPORTS: readonly ReportDefinition[] = [
  ...REGISTRATION_REPORTS,
  ...CAMPAIGN_REPORTS,
  ...CASE_REPORTS,
];

export function reportDefinition(name: string): ReportDefinition | undefined {
  return REPORTS.find((r) => r.name === name);
}
