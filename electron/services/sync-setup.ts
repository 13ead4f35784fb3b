import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.js';
import type { DirectoryOfficeView } from '../../shared/contract/sync.js';
import type { HandlerTable } from '../backend/context.js';
import { keyCardPdf } from '../sync/card-pdf.js';
import {
  addCard, checkDirectory, currentDirectory, installDirectory, nationalTrust, trustNational,
} from '../sync/directory.js';
import { compareDirectory, parseKeyCard, verifyDirectory, type DirectoryEntry, type KeyDirectory, type OfficePublicKeys, type SignedDirectory } from '../sync/format/index.js';
import { requireOffice, unlockKeys, cardFor } from '../sync/keystore.js';
import { officeNames } from './sync-views.js';

/**
 * Setting sync up from the screens: key card file and PDF, checking a card before it is added,
 * the directory by office name, and the first directory pinning the national key once its
 * fingerprint has been confirmed by phone. No office id is ever typed.
 */
type SetupOp =
  | 'sync.keyCardPdf' | 'sync.cardCheck' | 'sync.directoryAdd' | 'sync.directoryView' | 'sync.directoryCheck' | 'sync.directoryImport';

/** A card file is the exported JSON (with its QR payload) or the QR text itself. */
function cardPayload(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  try {
    return String((JSON.parse(trimmed) as { qrPayload?: unknown }).qrPayload ?? '');
  } catch {
    throw new AppError('sync.badKeyCard', { file: 'key card' });
  }
}

function officeView(db: Database, card: OfficePublicKeys, status: 'active' | 'revoked'): DirectoryOfficeView {
  const name = officeNames(db);
  return {
    officeId: card.officeId, name: card.name, level: card.level, unitCode: card.unitCode, parentOfficeId: card.parentOfficeId,
    parentName: card.parentOfficeId ? name(card.parentOfficeId) : null, signingKeyId: card.signingKeyId, ageKeyId: card.ageKeyId, status,
  };
}

function parseSigned(json: string, fileName: string): { signed: SignedDirectory; body: KeyDirectory } {
  try {
    const signed = JSON.parse(json) as SignedDirectory;
    return { signed, body: JSON.parse(signed.body) as KeyDirectory };
  } catch {
    throw new AppError('sync.badDirectory', { file: fileName });
  }
}

/** The national office's own entry in a directory, as the file says (not yet verified). */
function issuerOf(body: KeyDirectory, fileName: string): DirectoryEntry {
  const issuer = body.entries?.find((e) => e.officeId === body.issuer && e.signingKeyId === body.issuerKeyId && e.level === 'national');
  if (!issuer) throw new AppError('sync.badDirectory', { file: fileName });
  return issuer;
}

const withoutStatus = ({ status: _status, revokedAfterSequence: _after, ...card }: DirectoryEntry): OfficePublicKeys => card;

export const syncSetupHandlers: Pick<HandlerTable, SetupOp> = {
  'sync.keyCardPdf': async (ctx, request) => {
    requireOffice(ctx.office());
    const card = cardFor(await unlockKeys(ctx.db, request.passphrase));
    const above = card.parentOfficeId ? officeNames(ctx.db)(card.parentOfficeId) : null;
    const pdf = await keyCardPdf(card, above);
    return { file: { name: `key-card-${card.unitCode}.pdf`, base64: pdf.toString('base64') } };
  },

  'sync.cardCheck': (ctx, request) => {
    const { status: _status, ...view } = officeView(ctx.db, parseKeyCard(cardPayload(request.card)), 'active');
    return view;
  },

  'sync.directoryAdd': (ctx, request) => {
    const payload = cardPayload(request.card);
    if (request.confirmed) {
      const card = parseKeyCard(payload);
      if (card.signingKeyId !== request.confirmed.signingKeyId || card.ageKeyId !== request.confirmed.ageKeyId) {
        throw new AppError('syncsetup.fingerprintsChanged', { office: card.name });
      }
    }
    return addCard(ctx.db, payload);
  },

  'sync.directoryView': (ctx) => {
    const directory = currentDirectory(ctx.db);
    const offices = (directory?.entries ?? []).map((e) => officeView(ctx.db, e, e.status));
    const national = ctx.office()?.level === 'national';
    const next = national
      ? (ctx.db.prepare('SELECT entry_json FROM sync_directory_entry ORDER BY office_id, signing_key_id').pluck().all() as string[])
          .map((json) => JSON.parse(json) as DirectoryEntry)
      : null;
    const key = (e: { officeId: string; signingKeyId: string; status: string }) => `${e.officeId}|${e.signingKeyId}|${e.status}`;
    const signedKeys = new Set((directory?.entries ?? []).map(key));
    return {
      version: directory?.version ?? 0,
      issuedAt: directory?.issuedAt ?? null,
      offices,
      next: next ? next.map((e) => officeView(ctx.db, e, e.status)) : null,
      unsigned: next !== null && (next.length !== signedKeys.size || next.some((e) => !signedKeys.has(key(e)))),
    };
  },

  'sync.directoryCheck': (ctx, request) => {
    const { signed, body } = parseSigned(request.json, request.fileName);
    const issuer = issuerOf(body, request.fileName);
    const trust = nationalTrust(ctx.db);
    // Before a national key is pinned, the signature is checked against the key the file names;
    // the person then confirms that key's fingerprint with the national office by phone.
    const directory = verifyDirectory(signed, trust?.signingKey ?? issuer.signingKey, request.fileName);
    const result = compareDirectory(currentDirectory(ctx.db), directory, request.fileName);
    const needsTrust = trust === null;
    return {
      version: body.version, offices: body.entries.filter((e) => e.status === 'active').length, issuerName: issuer.name,
      issuerSigningKeyId: issuer.signingKeyId, needsTrust, verdict: result,
    };
  },

  'sync.directoryImport': (ctx, request) => {
    const { signed, body } = parseSigned(request.json, request.fileName);
    return ctx.db.transaction(() => {
      if (nationalTrust(ctx.db) === null && request.trustNational !== null) {
        const issuer = issuerOf(body, request.fileName);
        if (issuer.signingKeyId !== request.trustNational) throw new AppError('syncsetup.fingerprintsChanged', { office: issuer.name });
        trustNational(ctx.db, withoutStatus(issuer));
      }
      const { directory } = checkDirectory(ctx.db, signed, request.fileName);
      const status = installDirectory(ctx.db, signed, request.fileName);
      return { status, version: directory.version };
    })();
  },
};
