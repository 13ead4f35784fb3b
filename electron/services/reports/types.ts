import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Label } from '../../../shared/reports/types.js';

/** The filters of one run, resolved: the default period filled in, nationality codes widened (`D` = `DEU`). */
export interface ReportFilters {
  from: string;
  to: string;
  /** A unit code (2, 4 or 6 digits) and the first code after its range, for index range scans. */
  unit: { code: string; end: string } | null;
  nationalities: string[] | null;
  /** How many digits of a commune code name a row of a by-unit table (one level below the unit). */
  groupLength: number;
  today: string;
}

/** A row as a query returns it: values by column key; the label is made from the key unless given. */
export interface RawRow {
  key: string;
  values: Record<string, number | string | null>;
  label?: Label;
}

/** A report's SQL: rows per table id. */
export type ReportQuery = (db: Database, filters: ReportFilters) => Record<string, RawRow[]>;
