import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../shared/errors.js';
import type { SheetRow } from './types.js';

/**
 * A streaming XLSX reader: yauzl reads the zip's central directory and inflates one entry at a
 * time; saxes parses the sheet XML as it streams. Only the shared-string table is held in memory
 * (the format requires it); rows are yielded one by one.
 */
export interface XlsxBook {
  sheets: string[];
  rows(sheet: string | null | undefined, onBytes?: (bytes: number, total: number) => void): AsyncGenerator<SheetRow>;
  close(): void;
}

export async function openXlsx(file: string): Promise<XlsxBook> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (error) {
    console.warn(`[spreadsheet] not a readable .xlsx (zip): ${(error as Error).message}`);
    throw new AppError('spreadsheet.notXlsx');
  }
  const entries = await listEntries(zip);
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) throw new AppError('spreadsheet.notXlsx');
  const sheetList: { name: string; rid: string }[] = [];
  await parseEntry(zip, workbook, (parser) =>
    parser.on('opentag', (tag) => {
      if (tag.name === 'sheet') sheetList.push({ name: attr(tag, 'name'), rid: attr(tag, 'r:id') });
    }),
  );
  const targets = new Map<string, string>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    await parseEntry(zip, rels, (parser) =>
      parser.on('opentag', (tag) => {
        if (tag.name === 'Relationship') targets.set(attr(tag, 'Id'), attr(tag, 'Target'));
      }),
    );
  }
  const sheetPath = (rid: string, index: number) => {
    const target = targets.get(rid) ?? `worksheets/sheet${index + 1}.xml`;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  };
  let shared: string[] | undefined;
  const sharedStrings = async () => (shared ??= await readSharedStrings(zip, entries.get('xl/sharedStrings.xml')));

  return {
    sheets: sheetList.map((s) => s.name),
    async *rows(sheet, onBytes) {
      const index = sheet ? sheetList.findIndex((s) => s.name === sheet) : 0;
      const info = sheetList[index];
      const entry = info ? entries.get(sheetPath(info.rid, index)) : undefined;
      if (!info || !entry) throw new AppError('spreadsheet.noSheet', { sheet: sheet ?? '-' });
      const strings = await sharedStrings();
      yield* sheetRows(zip, entry, strings, onBytes);
    },
    close: () => zip.close(),
  };
}

function attr(tag: SaxesTagPlain, name: string): string {
  return String(tag.attributes[name] ?? '');
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

async function parseEntry(zip: ZipFile, entry: Entry, setup: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  setup(parser);
  const stream: Readable = await zip.openReadStreamPromise(entry);
  const decoder = new StringDecoder('utf8'); // a Khmer character may straddle two chunks
  for await (const chunk of stream) parser.write(decoder.write(chunk as Buffer));
  parser.write(decoder.end());
  parser.close();
}

async function readSharedStrings(zip: ZipFile, entry: Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current = '';
  let depth = 0;
  let inText = false;
  await parseEntry(zip, entry, (parser) => {
    parser.on('opentag', (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') depth += 1; // phonetic runs are not part of the text
      else if (tag.name === 't' && depth === 0) inText = true;
    });
    parser.on('text', (text) => {
      if (inText) current += text;
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') depth -= 1;
      else if (tag.name === 'si') strings.push(current);
    });
  });
  return strings;
}

/** "AB12" → 27 (0-based column). */
export function columnIndex(ref: string): number {
  let index = 0;
  for (const char of ref) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

async function* sheetRows(
  zip: ZipFile,
  entry: Entry,
  strings: string[],
  onBytes?: (bytes: number, total: number) => void,
): AsyncGenerator<SheetRow> {
  const parser = new SaxesParser();
  const ready: SheetRow[] = [];
  let cells: string[] = [];
  let rowNumber = 0;
  let column = 0;
  let type = '';
  let value = '';
  let inValue = false;
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') {
      const r = Number(attr(tag, 'r'));
      rowNumber = r > 0 ? r : rowNumber + 1;
      cells = [];
    } else if (tag.name === 'c') {
      const ref = attr(tag, 'r');
      column = ref ? columnIndex(ref) : cells.length;
      type = attr(tag, 't');
      value = '';
    } else if (tag.name === 'v' || tag.name === 't') {
      inValue = true;
    }
  });
  parser.on('text', (text) => {
    if (inValue) value += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'v' || tag.name === 't') inValue = false;
    else if (tag.name === 'c') {
      while (cells.length < column) cells.push('');
      cells[column] = type === 's' ? (strings[Number(value)] ?? '') : type === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value;
    } else if (tag.name === 'row') {
      if (cells.some((cell) => cell.trim() !== '')) ready.push({ row: rowNumber, cells });
    }
  });
  const stream: Readable = await zip.openReadStreamPromise(entry);
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      parser.write(decoder.write(chunk as Buffer));
      onBytes?.(bytes, entry.uncompressedSize);
      while (ready.length > 0) yield ready.shift() as SheetRow;
    }
    parser.write(decoder.end());
    parser.close();
    while (ready.length > 0) yield ready.shift() as SheetRow;
  } finally {
    stream.destroy();
  }
}
