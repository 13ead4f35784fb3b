import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { runCli } from '../../../electron/cli/program.js';
import { insertRecord } from '../../../electron/db/changes.js';
import { settingEntity } from '../../../electron/db/settings.js';
import { recipientsFor } from '../../../electron/sync/export.js';
import { encodeBundle, type Change } from '../../../electron/sync/format/index.js';
import { unlockKeys } from '../../../electron/sync/keystore.js';
import { tempDir } from '../../helpers/db.js';
import { addDemo, enrol, exportOne, importAll, makeOffice, PASS, type Office } from './world.js';

function fileBytes(office: Office): string {
  office.db.pragma('wal_checkpoint(TRUNCATE)');
  const hash = createHash('sha256').update(readFileSync(office.file));
  if (existsSync(`${office.file}-wal`)) hash.update(readFileSync(`${office.file}-wal`));
  return hash.digest('hex');
}

let national: Office;
let province: Office;
let commune: Office;

beforeEach(async () => {
  national = await makeOffice('national', 'National', null);
  province = await makeOffice('province', 'Province', national);
  commune = await makeOffice('commune', 'Commune', province);
  await enrol(national, [province, commune]);
});

/** A bundle the commune really signed, with any content. */
async function forged(sequence: number, previousHash: string | null, records: Change[]): Promise<string> {
  const keys = await unlockKeys(commune.db, PASS);
  const { bytes } = await encodeBundle({
    kind: 'changes', sender: keys.current, recipients: recipientsFor(commune.db, [province.id, national.id]), sequence, previousHash,
    directoryVersion: 1, appVersion: 'test', schemaVersion: 30, records,
  });
  const file = path.join(tempDir(), `forged-${sequence}.bchb`);
  writeFileSync(file, bytes);
  return file;
}

const receipts = () => province.db.prepare("SELECT count(*) FROM sync_sent WHERE kind = 'receipt'").pluck().get() as number;

describe('sync: the outcome reported is the outcome committed', () => {
  it('a replayed bundle changes nothing, not even a new receipt row', async () => {
    addDemo(commune, 1, 2);
    const bundle = await exportOne(commune);
    const [first] = await importAll(province, [bundle], province.out);
    expect(first?.status).toBe('applied');
    expect(first?.receipt).toBeTruthy();
    expect(receipts()).toBe(1);
    const before = fileBytes(province);
    const [again] = await importAll(province, [bundle], province.out);
    expect(again).toMatchObject({ status: 'already', receipt: null, receiptError: null });
    expect(fileBytes(province)).toBe(before);
    expect(receipts()).toBe(1);
  });

  it('a receipt that cannot be written is reported on its own; the applied bundle stays applied and says so', async () => {
    addDemo(commune, 1, 2);
    const bundle = await exportOne(commune);
    const notAFolder = path.join(tempDir(), 'file-not-folder');
    writeFileSync(notAFolder, 'x');
    const [result] = await importAll(province, [bundle], notAFolder);
    expect(result?.status).toBe('applied');
    expect(result?.error).toBeNull();
    expect(result?.receipt).toBeNull();
    expect(result?.receiptError?.code).toBe('synctrust.receiptFailed');
    expect(province.db.prepare('SELECT count(*) FROM person WHERE origin_office = ?').pluck().get(commune.id)).toBe(2);
    expect(receipts()).toBe(0);
    // Imported again with a folder that works, the missing receipt is written (and only then).
    const [again] = await importAll(province, [bundle], province.out);
    expect(again?.status).toBe('already');
    expect(again?.receipt).toBeTruthy();
    expect(receipts()).toBe(1);
  });

  it('on the command line, an applied bundle whose receipt failed is reported applied, the failure said as it is', async () => {
    addDemo(commune, 1, 2);
    const bundle = await exportOne(commune);
    const notAFolder = path.join(tempDir(), 'file-not-folder');
    writeFileSync(notAFolder, 'x');
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    process.env.BANHCHI_PASSPHRASE = PASS;
    let code: number;
    try {
      code = await runCli(['bundle', 'import', '--db', province.file, '--receipts', notAFolder, bundle]);
    } finally {
      o.mockRestore();
      e.mockRestore();
      delete process.env.BANHCHI_PASSPHRASE;
    }
    expect(code).toBe(1);
    expect(out).toContain('applied');
    expect(out).toContain('receipt could not be written');
    expect(err).toContain('Everything reported as applied is kept');
    expect(err).not.toContain('Nothing from them was applied');
    expect(province.db.prepare('SELECT count(*) FROM person WHERE origin_office = ?').pluck().get(commune.id)).toBe(2);
  });

  it('a held successor that fails when released is reported as its own failure under an applied bundle', async () => {
    addDemo(commune, 1, 1);
    const first = await exportOne(commune);
    const [applied] = await importAll(province, [first]);
    expect(applied?.status).toBe('applied');
    addDemo(commune, 1, 1);
    const second = await exportOne(commune);
    const secondHash = commune.db.prepare("SELECT hash FROM sync_sent WHERE kind = 'changes' AND seq = 2").pluck().get() as string;
    const bad: Change = {
      entity: 'person', op: 'insert', id: '0190f000-0000-7000-8000-0000000000aa', origin: commune.id, rev: 1, actor: 'x', at: '2026-01-01T00:00:00Z',
      data: { surname: 'BAD', sex: 'F', birth_date: '1990-02-30', nationality: 'FRA', passport_no: 'X1', issuing_state: 'FRA', passport_expiry: '2030-01-01',
        source: 'demo', name_key: 'bad', passport_key: 'X1', created_at: '2026-01-01' },
    };
    const third = await forged(3, secondHash, [bad]);
    const [held] = await importAll(province, [third]);
    expect(held).toMatchObject({ status: 'held', waitingFor: 2 });
    const [result] = await importAll(province, [second]);
    expect(result?.status).toBe('applied');
    expect(result?.error).toBeNull();
    expect(result?.released).toHaveLength(1);
    expect(result?.released[0]).toMatchObject({ status: 'error', seq: 3, error: { code: 'synctrust.invalidChanges' } });
    expect(province.db.prepare('SELECT max(last_seq) FROM sync_peer').pluck().get()).toBe(2);
  });

  it('held bundles live beside the database, bounded in number; the database file does not change when one is held', async () => {
    insertRecord({ db: province.db, actor: LOCAL_OPERATOR, originOffice: province.id }, settingEntity, 'sync.heldMaxCount', { value: '1' });
    // Each bundle acknowledged as soon as written (a province that later went back to an older backup):
    // none carries its predecessors' changes, so none can stand in for a missing one and all wait.
    const acknowledgeAll = () => commune.db.prepare("UPDATE sync_sent SET acked_at = '2026-01-03T00:00:00Z' WHERE kind = 'changes'").run();
    addDemo(commune, 1, 1);
    await exportOne(commune);
    acknowledgeAll();
    addDemo(commune, 1, 1);
    const second = await exportOne(commune);
    acknowledgeAll();
    addDemo(commune, 1, 1);
    const third = await exportOne(commune);
    const before = fileBytes(province);
    const [held] = await importAll(province, [second]);
    expect(held).toMatchObject({ status: 'held', waitingFor: 1 });
    expect(fileBytes(province)).toBe(before);
    expect(readdirSync(`${province.file}-held`).sort()).toHaveLength(2);
    const [full] = await importAll(province, [third]);
    expect(full?.error?.code).toBe('synctrust.heldFull');
    expect(full?.error?.params).toMatchObject({ count: 1, maxCount: 1 });
    expect(fileBytes(province)).toBe(before);
    expect((await province.ok('sync.status', {})).held).toBe(1);
    expect((await province.ok('sync.history', {})).held).toMatchObject([{ seq: 2, waitingFor: 1 }]);
  });
});
