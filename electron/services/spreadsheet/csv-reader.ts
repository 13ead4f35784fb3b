import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse } from 'csv-parse';
import { AppError } from '../../../shared/errors.js';
import type { SheetRow } from './types.js';

/** Picks `,`, `;` or tab from the first line (outside quotes): spreadsheets saved in some locales use `;`. */
export function sniffDelimiter(file: string): string {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(64 * 1024);
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const text = buffer.subarray(0, length).toString('utf8');
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char] = (counts[char] ?? 0) + 1;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/**
 * Streams the records of a CSV file; memory stays flat whatever its size. Row numbers count records
 * from 1 (the header), as a spreadsheet program shows them. `onBytes` reports how far the file was read.
 */
export async function* readCsv(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const delimiter = sniffDelimiter(file);
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  if (onBytes) stream.on('data', (chunk) => onBytes((bytes += chunk.length)));
  const parser = stream.pipe(parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (error) {
    // csv-parse's own text is English and technical: the clerk gets what to do, the log gets the detail.
    const code = (error as { code?: string }).code ?? '';
    console.warn(`[spreadsheet] CSV unreadable near record ${row + 1}: ${(error as Error).message}`);
    throw new AppError(/QUOTE/.test(code) ? 'spreadsheet.unreadableQuote' : 'spreadsheet.unreadable', { row: row + 1 });
  } finally {
    stream.destroy();
  }
}
