import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { hotlineCase, passport, registerBackend } from '../services/cases/fixtures.js';

const BIN = path.resolve(__dirname, '../../../bin/banhchi.mjs');
/** The real binary (a process, through tsx): slow on a busy machine, so used once. */
const binary = (...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** The same program in-process: stdout, stderr and the exit code. */
async function run(...args: string[]) {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
  try {
    const code = await runCli(args);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
const cli = async (...args: string[]) => (await run(...args)).out;

describe('banhchi case', () => {
  it('lists complaints and operations and gives the month statistics, as JSON and in Khmer', async () => {
    const t = await registerBackend();
    const { hotel, complaint } = await hotlineCase(t);
    await t.ok('complaints.create', { receivedAt: '2026-04-02', channel: 'referral', about: 'Compound on the river road', category: 'online_scams' });
    const op = await t.ok('operations.create', { heldOn: '2026-03-05', kind: 'raid_rescue', leadUnit: 'Military police', premisesId: hotel.id, complaintIds: [complaint.id] });
    const { fields, mrz } = passport(7);
    await t.ok('operations.addPerson', { operationId: op.id, found: { how: 'register', fields, source: 'mrz', mrz }, declaredVictim: true, identifiedAs: 'forced_labour' });
    await t.ok('operations.addSuspect', { operationId: op.id, name: 'Li Wei', sex: 'M', nationality: 'CHN', chargedOn: '2026-03-06' });
    await t.ok('premises.close', { id: hotel.id, status: 'temporarily_closed', date: '2026-03-05', reason: 'Pending investigation', operationId: op.id });
    t.db.close();

    const march = JSON.parse(binary('case', 'list', '--db', t.file, '--from', '2026-03-01', '--to', '2026-03-31', '--json'));
    expect(march.items.map((c: { id: string; status: string; operationId: string }) => [c.id, c.status, c.operationId])).toEqual([[complaint.id, 'assigned', op.id]]);
    expect(JSON.parse(await cli('case', 'list', '--db', t.file, '--json')).items).toHaveLength(2);
    const ops = JSON.parse(await cli('case', 'operations', '--db', t.file, '--unit', hotel.provinceCode, '--json'));
    expect(ops.items).toMatchObject([{ id: op.id, personsFound: 1, declaredVictims: 1, identifiedVictims: 1, suspectsCharged: 1 }]);

    const stats = JSON.parse(await cli('case', 'stats', '--db', t.file, '--from', '2026-03-01', '--to', '2026-03-31', '--unit', hotel.provinceCode, '--json'));
    expect(stats).toMatchObject({
      complaints: 1, complaintsByMonth: [{ month: '2026-03', count: 1 }], declaredVictims: { F: 0, M: 1, total: 1 }, identifiedVictims: { total: 1 },
      suspectsChargedByNationality: [{ nationality: 'CHN', count: 1 }], sitesClosedTemporarily: 1, sitesClosedPermanently: 0,
    });
    const km = await cli('case', 'stats', '--db', t.file, '--from', '2026-03-01', '--to', '2026-03-31', '--lang', 'km');
    expect(km).toContain('ពាក្យបណ្ដឹង៖ ១');
    expect(km).toContain('ទីតាំងដែលបានបិទបណ្តោះអាសន្ន៖ ១');

    const bad = await run('case', 'stats', '--db', t.file, '--from', '2026-03-31', '--to', '2026-03-01');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('banhchi: The period starts on 31 March 2026, after its end 1 March 2026: swap the dates.\n');
  }, 180_000);
});
