import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeBundle, type Change } from '../../../electron/sync/format/index.js';
import { recipientsFor } from '../../../electron/sync/export.js';
import { alertFile } from '../../../electron/sync/import.js';
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
let first: string;
let firstHash: string;

/** A bundle the commune really signed, with any content. */
async function forged(name: string, sequence: number, previousHash: string | null, records: Change[]): Promise<string> {
  const keys = await unlockKeys(commune.db, PASS);
  const { bytes } = await encodeBundle({
    kind: 'changes', sender: keys.current, recipients: recipientsFor(commune.db, [province.id, national.id]), sequence, previousHash,
    directoryVersion: 1, appVersion: 'test', schemaVersion: 30, records,
  });
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

const person = (data: Record<string, unknown>): Change => ({
  entity: 'person', op: 'insert', id: '0190f000-0000-7000-8000-000000000001', origin: commune.id, rev: 1, actor: 'x', at: '2026-01-01T00:00:00Z',
  data: {
    surname: 'BAD', sex: 'F', birth_date: '1990-01-01', nationality: 'FRA', passport_no: 'X1234567', issuing_state: 'FRA',
    passport_expiry: '2030-01-01', source: 'demo', name_key: 'bad', passport_key: 'X1234567', created_at: '2026-01-01', ...data,
  },
});

async function rejected(file: string, code: string): Promise<void> {
  const before = fileBytes(province);
  const [result] = await importAll(province, [file], province.out);
  expect(result?.status).toBe('error');
  expect(result?.error?.code).toBe(code);
  expect(result?.error?.params?.file).toBe(path.basename(file));
  expect(fileBytes(province)).toBe(before);
}

describe('sync: bad bundles leave the database byte-for-byte unchanged', () => {
  beforeEach(async () => {
    national = await makeOffice('national', 'National', null);
    province = await makeOffice('province', 'Province', national);
    commune = await makeOffice('commune', 'Commune', province);
    await enrol(national, [province, commune]);
    addDemo(commune, 1, 2);
    first = await exportOne(commune);
    const [applied] = await importAll(province, [first]);
    expect(applied?.status).toBe('applied');
    firstHash = province.db.prepare('SELECT hash FROM sync_received').pluck().get() as string;
  });

  it('a replayed old bundle is reported as already imported', async () => {
    const before = fileBytes(province);
    const [again] = await importAll(province, [first]);
    expect(again?.status).toBe('already');
    expect(fileBytes(province)).toBe(before);
  });

  it('a reused sequence number with other content is rejected and an alert recorded', async () => {
    const file = await forged('reused.bchb', 1, null, [person({})]);
    await rejected(file, 'syncdb.sequenceReused');
    const alerts = readFileSync(alertFile(province.db), 'utf8').trim().split('\n');
    expect(JSON.parse(alerts[0] ?? '{}')).toMatchObject({ kind: 'sequenceReused', seq: 1, from: commune.id });
    const history = await province.ok('sync.history', {});
    expect(history.alerts).toHaveLength(1);
  });

  it('an older key directory is refused', async () => {
    const { signed: v1 } = await national.ok('sync.directoryExport', {});
    const { signed: v2 } = await national.ok('sync.directorySign', { passphrase: PASS });
    expect((await province.ok('sync.directoryImport', { fileName: 'v2.json', json: v2 })).version).toBe(2);
    const before = fileBytes(province);
    const result = await province.backend.call('sync.directoryImport', { fileName: 'v1.json', json: v1 }, { id: 't', kind: 'cli' });
    expect(result.ok ? null : result.error.code).toBe('sync.olderDirectory');
    expect(fileBytes(province)).toBe(before);
  });

  it('records that break the schema reject the whole bundle', async () => {
    await rejected(await forged('check.bchb', 2, firstHash, [person({ sex: 'Q' })]), 'synctrust.invalidChanges');
    await rejected(await forged('type.bchb', 2, firstHash, [person({ passport_no: 12345 })]), 'syncdb.badRecord');
    await rejected(await forged('column.bchb', 2, firstHash, [person({ favourite_colour: 'red' })]), 'syncdb.badRecord');
    await rejected(await forged('entity.bchb', 2, firstHash, [{ ...person({}), entity: 'sync_peer' }]), 'syncdb.unknownEntity');
    await rejected(await forged('owner.bchb', 2, firstHash, [{ ...person({}), origin: province.id }]), 'syncdb.ownRecord');
    const missing = person({});
    delete (missing.data as Record<string, unknown>).surname;
    await rejected(await forged('missing.bchb', 2, firstHash, [missing]), 'synctrust.invalidChanges');
  });

  it('a bundle that does not chain to the last one is rejected', async () => {
    await rejected(await forged('chain.bchb', 2, 'f'.repeat(64), [person({})]), 'syncdb.chainBroken');
  });

  it('a bundle that does not carry the gap is held, and applied when the missing bundle arrives', async () => {
    addDemo(commune, 1, 1);
    const second = await exportOne(commune);
    // As if the province had acknowledged the second bundle and then gone back to an older backup: the third
    // carries only what came after the second, so it cannot stand in for it.
    commune.db.prepare("UPDATE sync_sent SET acked_at = '2026-01-03T00:00:00Z' WHERE kind = 'changes'").run();
    addDemo(commune, 1, 1);
    const third = await exportOne(commune);
    const [held] = await importAll(province, [third]);
    expect(held).toMatchObject({ status: 'held', waitingFor: 2 });
    expect((await province.ok('sync.history', {})).held).toHaveLength(1);
    const [applied] = await importAll(province, [second]);
    expect(applied?.status).toBe('applied');
    expect(applied?.released[0]?.status).toBe('applied');
    expect((await province.ok('sync.history', {})).held).toHaveLength(0);
  });
});
