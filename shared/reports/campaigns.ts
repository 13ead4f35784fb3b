import type { ReportColumn, ReportDefinition } from './types.js';

const count = (key: string): ReportColumn => ({ key, kind: 'count' });
const share = (key: string, numerator: string, denominator: string): ReportColumn => ({ key, kind: 'share', share: { numerator, denominator } });

const completeness = [
  count('targets'), count('received'), count('inTime'), count('late'), count('exempt'), count('notYet'), count('missing'),
  share('completeness', 'received', 'targets'), share('timeliness', 'inTime', 'targets'),
];

/** Campaigns (declarations received against their targets) and inspections. */
export const CAMPAIGN_REPORTS: ReportDefinition[] = [
  {
    name: 'campaign-completeness',
    group: 'campaigns',
    params: ['period', 'unit'],
    tables: [
      { id: 'byCampaign', dimension: 'campaign', columns: completeness, chart: { kind: 'bar', series: ['completeness', 'timeliness'] }, total: true },
      { id: 'byUnit', dimension: 'unit', columns: completeness, chart: { kind: 'stacked', series: ['inTime', 'late', 'missing', 'notYet'] }, total: true },
    ],
  },
  {
    name: 'inspection-findings',
    group: 'campaigns',
    params: ['period', 'unit'],
    tables: [
      { id: 'byFinding', dimension: 'finding', columns: [count('persons'), share('share', 'persons', 'persons')], chart: { kind: 'bar', series: ['persons'] }, total: true },
      { id: 'byOutcome', dimension: 'inspectionOutcome', columns: [count('inspections'), share('share', 'inspections', 'inspections')], chart: { kind: 'bar', series: ['inspections'] }, total: true },
    ],
  },
];
