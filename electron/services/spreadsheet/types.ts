/** One row of a sheet: its number as a spreadsheet program shows it, and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export type SheetKind = 'csv' | 'xlsx';
