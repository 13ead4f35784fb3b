import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import type { SpreadsheetSource } from '../../../shared/contract/spreadsheet.js';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/spreadsheet.js';
import { AppError } from '../../../shared/errors.js';
import type { SheetKind } from './types.js';

/** Uploaded files (web transport) land here, named by a random id; the client never names a path. */
export function uploadDir(): string {
  const dir = path.join(os.tmpdir(), 'banhchi-uploads');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export interface ResolvedSource {
  file: string;
  fileName: string;
  kind: SheetKind;
  size: number;
}

/** Appends one chunk; chunks must arrive in order, so a retried or lost chunk is detected. */
export function appendUpload(uploadId: string | null | undefined, fileName: string, offset: number, base64: string): { uploadId: string; bytes: number } {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > UPLOAD_CHUNK_BYTES) throw new AppError('spreadsheet.chunkTooLarge', { max: UPLOAD_CHUNK_BYTES });
  const id = uploadId ?? uuidv4();
  const file = path.join(uploadDir(), `${id}.bin`);
  if (!uploadId) {
    if (offset !== 0) throw new AppError('spreadsheet.uploadOutOfOrder', { expected: 0, got: offset });
    writeFileSync(file, bytes, { mode: 0o600 });
    writeFileSync(`${file}.name`, path.basename(fileName), { mode: 0o600 });
  } else {
    if (!existsSync(file)) throw new AppError('spreadsheet.noUpload');
    const size = statSync(file).size;
    if (offset !== size) throw new AppError('spreadsheet.uploadOutOfOrder', { expected: size, got: offset });
    appendFileSync(file, bytes);
  }
  return { uploadId: id, bytes: statSync(file).size };
}

export function resolveSource(source: SpreadsheetSource): ResolvedSource {
  let file: string;
  let fileName: string;
  if ('uploadId' in source) {
    file = path.join(uploadDir(), `${source.uploadId}.bin`);
    if (!existsSync(file)) throw new AppError('spreadsheet.noUpload');
    fileName = existsSync(`${file}.name`) ? readFileSync(`${file}.name`, 'utf8') : 'upload';
  } else {
    file = path.resolve(source.path);
    fileName = path.basename(file);
    if (!existsSync(file) || !statSync(file).isFile()) throw new AppError('spreadsheet.noFile', { file: fileName });
  }
  return { file, fileName, kind: sniffKind(file), size: statSync(file).size };
}

/** XLSX is a zip (PK\x03\x04); anything else is read as CSV text. Old binary .xls is refused. */
function sniffKind(file: string): SheetKind {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(8);
  readSync(fd, head, 0, 8, 0);
  closeSync(fd);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head.readUInt32BE(0) === 0xd0cf11e0) throw new AppError('spreadsheet.oldXls');
  return 'csv';
}
