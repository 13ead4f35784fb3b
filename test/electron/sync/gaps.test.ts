import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { createLocalBackend } from '../../../electron/backend/backend.js';
import { runCli } from '../../../electron/cli/program.js';
import { openDatabase } from '../../../electron/db/open.js';
import { inspectBundle } from '../../../electron/sync/format/index.js';
import { tempDir } from '../../helpers/db.js';
import { addDemo, enrol, exportOne, importAll, makeOffice, type Office } from './world.js';

function fileBytes(office: Office): string {
  office.db.pragma('wal_checkpoint(TRUNCATE)');
  const hash = createHash('sha256').update(readFileSync(office.file));
  if (existsSync(`${office.file}-wal`)) hash.update(readFileSync(`${office.file}-wal`));
  return hash.digest('hex');
}

const count = (office: Office, table: string) => office.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

let national: Office;
let province: Office;
let commune: Office;

beforeEach(async () => {
  national = await makeOffice('national', 'National', null);
  province = await makeOffice('province', 'Province', national);
  commune = await makeOffice('commune', 'Commune', province);
  await enrol(national, [province, commune]);
});

describe('sync: a lost bundle is healed by the next one', () => {
  it('applies a later bundle that carries the lost one, says so, and takes the lost one as nothing new when it turns up', async () => {
    addDemo(commune, 1, 2);
    const first = await exportOne(commune);
    expect((await importAll(province, [first], province.out))[0]?.status).toBe('applied');
    addDemo(commune, 1, 3);
    const lost = await exportOne(commune); // never reaches the province
    addDemo(commune, 1, 1);
    const later = await exportOne(commune);

    const [result] = await importAll(province, [later], province.out);
    expect(result).toMatchObject({ status: 'applied', seq: 3, stoodInFor: { from: 2, to: 2 } });
    expect(count(province, 'person')).toBe(count(commune, 'person'));
    expect((await province.ok('sync.history', {})).held).toHaveLength(0);
    const received = (await province.ok('sync.history', {})).received.find((r) => r.seq === 3);
    expect(received?.stoodInFor).toEqual({ from: 2, to: 2 });

    // The lost bundle turns up after all: verified, nothing applied, nothing written.
    const before = fileBytes(province);
    const [late] = await importAll(province, [lost], province.out);
    expect(late?.status).toBe('covered');
    expect(late?.receipt).toBeNull();
    expect(fileBytes(province)).toBe(before);

    // The receipt for the later bundle acknowledges the lost one too at the commune.
    expect(result?.receipt).toBeTruthy();
    await importAll(commune, [result!.receipt!]);
    const sent = (await commune.ok('sync.history', {})).sent.filter((s) => s.kind === 'changes');
    expect(sent.every((s) => s.ackedAt !== null)).toBe(true);
  });

  it('states the change-log range each bundle carries (format 2)', async () => {
    addDemo(commune, 1, 1);
    const first = await exportOne(commune);
    addDemo(commune, 1, 1);
    const second = await exportOne(commune);
    expect((await inspectBundle({ path: first })).header.format).toBe(2);
    const ranges = commune.db.prepare("SELECT change_from, change_to FROM sync_sent WHERE kind = 'changes' ORDER BY seq").all() as
      { change_from: number; change_to: number }[];
    // Nothing acknowledged yet: the second repeats everything from the start.
    expect(ranges[0]?.change_from).toBe(0);
    expect(ranges[1]?.change_from).toBe(0);
    expect(ranges[1]!.change_to).toBeGreaterThan(ranges[0]!.change_to);
    expect(second).not.toBe(first);
  });

  it('a lost first bundle is healed too, and the relay to the national office heals the same way', async () => {
    addDemo(commune, 1, 1);
    await exportOne(commune); // lost
    addDemo(commune, 1, 1);
    const second = await exportOne(commune);
    expect((await importAll(province, [second]))[0]).toMatchObject({ status: 'applied', stoodInFor: { from: 1, to: 1 } });
    const lostUp = await exportOne(province); // lost on the way to the national office
    addDemo(province, 1, 1);
    const upAgain = await exportOne(province);
    expect(lostUp).not.toBe(upAgain);
    expect((await importAll(national, [upAgain]))[0]).toMatchObject({ status: 'applied', stoodInFor: { from: 1, to: 1 } });
    expect(count(national, 'person')).toBe(count(commune, 'person') + 1);
  });
});

describe('sync: an office above that lost what it had acknowledged', () => {
  it('holds the next bundle, says in its receipt what it is missing, and the sender\'s next bundle closes the gap', async () => {
    const carry = async (file: string, to: Office) => {
      const [result] = await importAll(to, [file], to.out);
      if (result?.receipt) await importAll(commune, [result.receipt]);
      return result;
    };
    addDemo(commune, 1, 1);
    expect((await carry(await exportOne(commune), province))?.status).toBe('applied');
    // The province's disk as it was now: later it goes back to this backup.
    province.db.pragma('wal_checkpoint(TRUNCATE)');
    const backup = path.join(tempDir(), 'province-backup.db');
    copyFileSync(province.file, backup);
    addDemo(commune, 1, 1);
    expect((await carry(await exportOne(commune), province))?.status).toBe('applied');
    await province.backend.close();
    const db = openDatabase(backup);
    const restored: Office = { ...province, db, file: backup, backend: createLocalBackend(db) };
    restored.ok = async (op, input) => {
      const result = await restored.backend.call(op, input, LOCAL_OPERATOR);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as never;
    };

    addDemo(commune, 1, 1);
    const third = await carry(await exportOne(commune), restored);
    expect(third).toMatchObject({ status: 'held', waitingFor: 2 });
    expect(third?.receipt).toBeTruthy();
    const told = (await commune.ok('sync.history', {})).sent.find((s) => s.kind === 'changes' && s.seq === 3);
    expect(told?.missing).toEqual({ from: 2, to: 2 });
    expect((await commune.ok('sync.status', {})).pendingChanges).toBeGreaterThan(0);

    const fourth = await carry(await exportOne(commune), restored);
    expect(fourth).toMatchObject({ status: 'applied', stoodInFor: { from: 2, to: 3 } });
    expect(count(restored, 'person')).toBe(count(commune, 'person'));
    expect((await restored.ok('sync.history', {})).held).toHaveLength(0);
    const sent = (await commune.ok('sync.history', {})).sent.filter((s) => s.kind === 'changes');
    expect(sent.every((s) => s.ackedAt !== null && s.missing === null)).toBe(true);
    await restored.backend.close();
  });
});

describe('sync: sent bundles are kept until acknowledged and can be written again', () => {
  it('keeps each sent bundle beside the database, writes it again byte for byte, and drops it once acknowledged', async () => {
    addDemo(commune, 1, 1);
    const first = await exportOne(commune);
    const name = path.basename(first);
    const outbox = `${commune.file}-outbox`;
    // Beside the bundles: the last-sent mark, which a register restored from an older backup carries on from (db/sent-mark.ts).
    const bundles = () => readdirSync(outbox).filter((f) => f !== 'last-sent.json');
    expect(bundles()).toEqual([name]);
    expect(readdirSync(outbox)).toContain('last-sent.json');
    expect((await commune.ok('sync.history', {})).sent.find((s) => s.fileName === name)?.kept).toBe(true);

    rmSync(first); // the stick was lost
    const dir = tempDir();
    const again = await commune.ok('sync.writeAgain', { fileName: name, dir });
    expect(again.seq).toBe(1);
    expect(readFileSync(path.join(dir, name))).toEqual(readFileSync(path.join(outbox, name)));
    const sent = (await commune.ok('sync.history', {})).sent.find((s) => s.fileName === name);
    expect(sent?.writtenTo).toBe(path.resolve(dir));

    // From the command line, by sequence number.
    const cliDir = tempDir();
    let out = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((out += String(text)), true));
    let code: number;
    try {
      code = await runCli(['bundle', 'write-again', '1', '--db', commune.file, '--out', cliDir]);
    } finally {
      o.mockRestore();
    }
    expect(code).toBe(0);
    expect(out).toContain('Bundle no. 1 was written again');
    expect(readFileSync(path.join(cliDir, name))).toEqual(readFileSync(path.join(outbox, name)));

    // As bytes for the page to save.
    const bytes = await commune.ok('sync.writeAgain', { fileName: name });
    expect(Buffer.from(bytes.bundles[0]!.base64, 'base64')).toEqual(readFileSync(path.join(outbox, name)));

    const [applied] = await importAll(province, [path.join(dir, name)], province.out);
    expect(applied?.status).toBe('applied');
    await importAll(commune, [applied!.receipt!]);
    expect(bundles()).toEqual([]);
    expect(readdirSync(outbox)).toEqual(['last-sent.json']);
    const refused = await commune.backend.call('sync.writeAgain', { fileName: name }, { id: 't', kind: 'cli' });
    expect(refused.ok ? null : refused.error.code).toBe('syncdb.alreadyAcknowledged');
    const unknown = await commune.backend.call('sync.writeAgain', { fileName: '../banhchi.db' }, { id: 't', kind: 'cli' });
    expect(unknown.ok ? null : unknown.error.code).toBe('syncdb.notSentHere');
  });

  it('a kept bundle holds no readable personal data', async () => {
    addDemo(commune, 1, 3);
    await exportOne(commune);
    const passports = commune.db.prepare('SELECT passport_no FROM person').pluck().all() as string[];
    const outbox = `${commune.file}-outbox`;
    for (const file of readdirSync(outbox)) {
      const bytes = readFileSync(path.join(outbox, file)).toString('latin1');
      for (const p of passports) expect(bytes.includes(p)).toBe(false);
    }
  });
});
