import type { OpResponse } from '../../../shared/contract/index.js';
import type { HandlerTable } from '../../backend/context.js';
import { importSpreadsheet } from './import.js';
import { suggestMapping } from './mapping.js';
import { openSheet } from './sheet.js';
import { appendUpload, resolveSource } from './source.js';

const PREVIEW_ROWS = 10;

type SpreadsheetOp = 'spreadsheet.upload' | 'spreadsheet.inspect' | 'spreadsheet.import';

export const spreadsheetHandlers: Pick<HandlerTable, SpreadsheetOp> = {
  'spreadsheet.upload': (_ctx, request) => appendUpload(request.uploadId, request.fileName, request.offset, request.base64),

  /** Header, sheet names, the first rows and a suggested mapping; reads only the start of the file. */
  'spreadsheet.inspect': async (_ctx, request) => {
    const source = resolveSource(request.source);
    const sheet = await openSheet(source, request.sheet);
    const result: OpResponse<'spreadsheet.inspect'> = {
      fileName: source.fileName,
      kind: source.kind,
      sheets: sheet.sheets,
      sheet: sheet.sheet,
      headers: [],
      preview: [],
      suggested: {},
    };
    try {
      for await (const { row, cells } of sheet.rows) {
        if (result.headers.length === 0) result.headers = cells.map((c) => c.trim());
        else result.preview.push({ row, cells });
        if (result.preview.length >= PREVIEW_ROWS) break;
      }
    } finally {
      sheet.close();
    }
    result.suggested = suggestMapping(result.headers);
    return result;
  },

  'spreadsheet.import': (ctx, request) => importSpreadsheet(ctx, request),
};
