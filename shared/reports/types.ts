/**
 * Reports: what each one takes, what its tables hold and how each is drawn. Pure data, shared by
 * the backend (which runs the SQL in `electron/services/reports/`), the screen, the CLI and the
 * exported files. A feature adds its reports by listing its definitions in `shared/reports/index.ts`
 * and its queries in `electron/services/reports/index.ts` (one line each).
 */

/** The filters a report may take. */
export type ReportParam = 'period' | 'unit' | 'nationality';

/** What a table's rows are: the label of each row is made from its key by this kind. */
export type Dimension = 'nationality' | 'unit' | 'premisesType' | 'visaType' | 'workStatus' | 'month' | 'employer'
  | 'campaign' | 'finding' | 'inspectionOutcome' | 'complaintCategory' | 'sex';

export type ColumnKind = 'count' | 'share' | 'text';

export interface ReportColumn {
  key: string;
  kind: ColumnKind;
  /** For a share: the count columns it is `numerator / denominator` of (recomputed in the total row). */
  share?: { numerator: string; denominator: string };
}

export interface ChartSpec {
  /** `bar`: one bar per row and series; `stacked`: series stacked in one bar per row; `line`: over months. */
  kind: 'bar' | 'stacked' | 'line';
  /** Count or share columns drawn. */
  series: string[];
}

export interface TableDefinition {
  id: string;
  dimension: Dimension;
  columns: ReportColumn[];
  chart: ChartSpec;
  /** Whether a total row is shown (not for lists such as employers over the quota). */
  total: boolean;
}

export interface ReportDefinition {
  name: string;
  /** Which screen group it belongs to (`registration`, later `campaigns`, `cases`). */
  group: string;
  params: ReportParam[];
  tables: TableDefinition[];
}

/** A row label in both languages, so every output shows the one the reader chose. */
export interface Label { en: string; km: string }

export type Cell = number | string | null;

export interface ReportRow {
  key: string;
  label: Label;
  cells: Cell[];
}

export interface ReportTable {
  id: string;
  rows: ReportRow[];
  total: Cell[] | null;
}

export interface ReportParams {
  from: string | null;
  to: string | null;
  unit: string | null;
  nationality: string | null;
}
