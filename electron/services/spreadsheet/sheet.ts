import { readCsv } from './csv-reader.js';
import type { ResolvedSource } from './source.js';
import type { SheetRow } from './types.js';
import { openXlsx } from './xlsx-reader.js';

export interface OpenSheet {
  sheets: string[];
  sheet: string | null;
  rows: AsyncGenerator<SheetRow>;
  close(): void;
}

/** Rows of a CSV file or of one sheet of an XLSX workbook (the first unless named), streamed. */
export async function openSheet(source: ResolvedSource, sheet: string | null | undefined, onProgress?: (fraction: number) => void): Promise<OpenSheet> {
  if (source.kind === 'csv') {
    const rows = readCsv(source.file, onProgress && ((bytes) => onProgress(bytes / Math.max(1, source.size))));
    return { sheets: [], sheet: null, rows, close: () => void rows.return(undefined) };
  }
  const book = await openXlsx(source.file);
  const name = sheet ?? book.sheets[0] ?? null;
  const rows = book.rows(name, onProgress && ((bytes, total) => onProgress(bytes / Math.max(1, total))));
  return {
    sheets: book.sheets,
    sheet: name,
    rows,
    close: () => {
      void rows.return(undefined);
      book.close();
    },
  };
}
