import type { ReportColumn, ReportDefinition } from './types.js';

const count = (key: string): ReportColumn => ({ key, kind: 'count' });
const share = (key: string, numerator: string, denominator: string): ReportColumn => ({ key, kind: 'share', share: { numerator, denominator } });

/** A count of the foreigners staying now, grouped by one dimension. */
const present = (name: string, dimension: ReportDefinition['tables'][number]['dimension'], params: ReportDefinition['params']): ReportDefinition => ({
  name,
  group: 'registration',
  params,
  tables: [{ id: 'main', dimension, columns: [count('present'), share('share', 'present', 'present')], chart: { kind: 'bar', series: ['present'] }, total: true }],
});

/** The register's reports: foreigners, stays, the 24-hour rule, employers and pledges. */
export const REGISTRATION_REPORTS: ReportDefinition[] = [
  present('foreigners-by-nationality', 'nationality', ['unit']),
  present('foreigners-by-unit', 'unit', ['unit', 'nationality']),
  present('foreigners-by-premises-type', 'premisesType', ['unit', 'nationality']),
  present('foreigners-by-visa-type', 'visaType', ['unit', 'nationality']),
  {
    name: 'foreigners-by-work-status',
    group: 'registration',
    // No nationality filter: it would join every current job to its person (over a second at 1,000,000).
    params: ['unit'],
    tables: [{ id: 'main', dimension: 'workStatus', columns: [count('employed'), share('share', 'employed', 'employed')], chart: { kind: 'bar', series: ['employed'] }, total: true }],
  },
  {
    name: 'arrivals-departures',
    group: 'registration',
    params: ['period', 'unit', 'nationality'],
    tables: [{ id: 'main', dimension: 'month', columns: [count('arrivals'), count('departures')], chart: { kind: 'line', series: ['arrivals', 'departures'] }, total: true }],
  },
  {
    name: 'timeliness',
    group: 'registration',
    params: ['period', 'unit', 'nationality'],
    tables: [
      { id: 'byUnit', dimension: 'unit', columns: [count('reported'), count('onTime'), count('late'), share('onTimeShare', 'onTime', 'reported')], chart: { kind: 'bar', series: ['onTimeShare'] }, total: true },
      { id: 'byMonth', dimension: 'month', columns: [count('reported'), count('onTime'), count('late'), share('onTimeShare', 'onTime', 'reported')], chart: { kind: 'line', series: ['onTimeShare'] }, total: true },
    ],
  },
  {
    name: 'employers-quota',
    group: 'registration',
    params: ['unit'],
    tables: [
      {
        id: 'byUnit',
        dimension: 'unit',
        columns: [count('employers'), count('workforce'), count('foreignDeclared'), count('foreignRegistered'), count('allowed'), count('allowedOffice'), count('allowedSkilled'), count('allowedUnskilled'), count('overQuota')],
        chart: { kind: 'bar', series: ['foreignDeclared', 'allowed'] },
        total: true,
      },
      {
        id: 'overQuota',
        dimension: 'employer',
        columns: [{ key: 'registrationNo', kind: 'text' }, count('workforce'), count('foreignDeclared'), count('allowed'), count('excess')],
        chart: { kind: 'bar', series: ['excess'] },
        total: false,
      },
    ],
  },
  {
    name: 'pledges',
    group: 'registration',
    params: ['unit'],
    tables: [{ id: 'main', dimension: 'unit', columns: [count('premises'), count('signed'), count('printed'), count('none'), share('signedShare', 'signed', 'premises')], chart: { kind: 'stacked', series: ['signed', 'printed', 'none'] }, total: true }],
  },
];
