import { basename } from 'node:path';
import { AppError } from '../../../shared/errors.js';

/** Error codes of the format layer (i18n keys under `errors.`, shared/i18n/<lang>/sync-format.json). */
export const SYNC_FORMAT_ERRORS = [
  'sync.truncated', // file ends early
  'sync.badMagic', // not a Banhchi bundle
  'sync.badVersion', // unknown format version
  'sync.badHeader', // outer header not valid JSON / fields
  'sync.tooLarge', // a size limit; params.part = file|header|ageHeader|manifest|payload|decompressed|line|records
  'sync.trailingData', // bytes after the payload
  'sync.unknownOffice', // sender not in the key directory
  'sync.unknownKey', // office known, signing key not
  'sync.revokedKey',
  'sync.badSignature', // outer signature
  'sync.badManifestSignature', // inner signature
  'sync.hashMismatch', // payload/body/raw hash or length
  'sync.wrongRecipient', // not encrypted to this office
  'sync.badAgeHeader',
  'sync.decryptFailed', // age payload does not authenticate
  'sync.badManifest',
  'sync.manifestMismatch', // outer ≠ inner fields
  'sync.badCompression',
  'sync.badRecord', // params.line
  'sync.countMismatch',
  'sync.wrongKind',
  'sync.badPassphrase',
  'sync.badKeyFile',
  'sync.badKeyCard',
  'sync.badDirectory',
  'sync.olderDirectory',
  'sync.directoryConflict',
] as const;
export type SyncFormatErrorCode = (typeof SYNC_FORMAT_ERRORS)[number];

/** Throws the AppError for `code`, naming the file (base name only). */
export function fail(code: SyncFormatErrorCode, file: string, extra: Record<string, string | number> = {}): never {
  throw new AppError(code, { file: basename(file), ...extra });
}
