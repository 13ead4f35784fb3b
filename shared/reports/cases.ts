import type { ReportColumn, ReportDefinition } from './types.js';

const count = (key: string): ReportColumn => ({ key, kind: 'count' });
const share = (key: string, numerator: string, denominator: string): ReportColumn => ({ key, kind: 'share', share: { numerator, denominator } });

/** Counts of the cases register (complaints, operations, persons found, suspects, sites acted on). */
export const CASE_REPORTS: ReportDefinition[] = [
  {
    name: 'complaints',
    group: 'cases',
    params: ['period', 'unit'],
    tables: [
      { id: 'byMonth', dimension: 'month', columns: [count('complaints')], chart: { kind: 'line', series: ['complaints'] }, total: true },
      { id: 'byCategory', dimension: 'complaintCategory', columns: [count('complaints'), share('share', 'complaints', 'complaints')], chart: { kind: 'bar', series: ['complaints'] }, total: true },
    ],
  },
  {
    name: 'victims',
    group: 'cases',
    params: ['period', 'unit'],
    tables: [{ id: 'main', dimension: 'sex', columns: [count('found'), count('declared'), count('identified')], chart: { kind: 'bar', series: ['declared', 'identified'] }, total: true }],
  },
  {
    name: 'suspects-charged',
    group: 'cases',
    params: ['period', 'unit', 'nationality'],
    tables: [{ id: 'main', dimension: 'nationality', columns: [count('charged'), share('share', 'charged', 'charged')], chart: { kind: 'bar', series: ['charged'] }, total: true }],
  },
  {
    name: 'sites-closed',
    group: 'cases',
    params: ['period', 'unit'],
    tables: [{
      id: 'main', dimension: 'unit', columns: [count('closedPermanently'), count('closedTemporarily'), count('reopened')],
      chart: { kind: 'bar', series: ['closedPermanently', 'closedTemporarily'] }, total: true,
    }],
  },
];
