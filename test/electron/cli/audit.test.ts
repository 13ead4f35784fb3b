import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { createLocalBackend } from '../../../electron/backend/backend.js';
import { openDatabase } from '../../../electron/db/open.js';
import { userActor } from '../../../electron/sessions.js';
import { tempDir } from '../../helpers/db.js';
import { personFields } from '../services/registration/fixtures.js';

const ADMIN = { BANHCHI_USER: 'sokha', BANHCHI_PASSWORD: 'admin password 2026' };
const CLERK = { BANHCHI_USER: 'dara', BANHCHI_PASSWORD: 'clerk password 2026' };

/** The program in-process, signed in as `as`: stdout, stderr and the exit code. */
async function run(as: Record<string, string>, ...args: string[]) {
  let out = '';
  let err = '';
  const saved = { user: process.env.BANHCHI_USER, password: process.env.BANHCHI_PASSWORD, exitCode: process.exitCode };
  Object.assign(process.env, as);
  process.exitCode = undefined;
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
  try {
    const code = await runCli(args);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = saved.exitCode;
    if (saved.user === undefined) delete process.env.BANHCHI_USER; else process.env.BANHCHI_USER = saved.user;
    if (saved.password === undefined) delete process.env.BANHCHI_PASSWORD; else process.env.BANHCHI_PASSWORD = saved.password;
  }
}

afterEach(() => {
  delete process.env.BANHCHI_NEW_PASSWORD;
});

describe('banhchi audit', () => {
  it('lists a clerk\'s reads for the administrator, exports them, verifies the chain and names the entry changed in the file', async () => {
    const db = path.join(tempDir(), 'office.db');
    const init = await run(ADMIN, 'init', '--db', db, '--level', 'province', '--unit', '12', '--name', 'Tonle Basak', '--admin-name', 'Sok Sokha', '--admin-name-km', 'សុខ សុខា');
    expect(init.err).toBe('');
    process.env.BANHCHI_NEW_PASSWORD = CLERK.BANHCHI_PASSWORD;
    expect((await run(ADMIN, 'user', 'add', 'dara', '--name', 'Chan Dara', '--name-km', 'ចាន់ ដារ៉ា', '--role', 'clerk', '--db', db)).err).toBe('');

    // The clerk registers a foreigner and opens the record three times (as the app would).
    const backend = createLocalBackend(openDatabase(db));
    const dara = await backend.call('accounts.authenticate', { username: 'dara', password: CLERK.BANHCHI_PASSWORD }, { id: 'system', kind: 'system' });
    if (!dara.ok) throw new Error(JSON.stringify(dara.error));
    const clerk = userActor(dara.value as { id: string; role: 'clerk' });
    const registered = await backend.call('persons.register', { fields: personFields() }, clerk);
    if (!registered.ok) throw new Error(JSON.stringify(registered.error));
    const personId = (registered.value as { person: { id: string } }).person.id;
    for (let i = 0; i < 3; i += 1) expect((await backend.call('persons.get', { id: personId }, clerk)).ok).toBe(true);
    await backend.close();

    const listed = await run(ADMIN, 'audit', 'list', '--db', db, '--user', 'dara', '--operation', 'persons.get', '--json');
    expect(listed.err).toBe('');
    const page = JSON.parse(listed.out) as { total: number; entries: { actorName: { en: string }; recordId: string; kind: string }[] };
    expect(page.total).toBe(3);
    expect(page.entries.map((e) => [e.kind, e.actorName.en, e.recordId])).toEqual(Array(3).fill(['read', 'Chan Dara', personId]));

    const csv = path.join(tempDir(), 'audit.csv');
    const exported = await run(ADMIN, 'audit', 'export', '--db', db, '--user', 'dara', '--kind', 'read', '--out', csv);
    expect(exported.out).toBe(`3 entries written to ${csv}\n`);
    expect(readFileSync(csv, 'utf8').trim().split('\r\n')).toHaveLength(4);

    const ok = await run(ADMIN, 'audit', 'verify', '--db', db);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toMatch(/^Tonle Basak \(.+\): OK \(3 entries\)\n$/);
    // Only the administrator.
    const refused = await run(CLERK, 'audit', 'verify', '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Your role does not allow this');

    // Someone with the key changes the second entry's record in the file.
    const file = openDatabase(db);
    const second = file.prepare('SELECT id FROM audit_entry WHERE seq = 2').pluck().get() as string;
    file.exec(`DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET record_id = 'someone-else' WHERE seq = 2`);
    file.close();
    const broken = await run(ADMIN, 'audit', 'verify', '--db', db);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(new RegExp(`^Tonle Basak \\(.+\\): BROKEN at entry 2 \\(id ${second}\\): the entry was changed\\n$`));
    const km = await run(ADMIN, 'audit', 'verify', '--db', db, '--lang', 'km');
    expect(km.out).toContain('ខូចនៅធាតុទី ២');
  }, 120_000);
});
