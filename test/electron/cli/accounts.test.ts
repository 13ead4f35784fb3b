import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open.js';
import { tempDir } from '../../helpers/db.js';

const ROOT = path.resolve(__dirname, '../../..');

function banhchi(env: Record<string, string>, ...args: string[]) {
  const clean = { ...process.env };
  delete clean.BANHCHI_USER;
  delete clean.BANHCHI_PASSWORD;
  delete clean.BANHCHI_NEW_PASSWORD;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/banhchi.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...clean, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ADMIN = { BANHCHI_USER: 'sokha', BANHCHI_PASSWORD: 'admin password 2026' };

describe('banhchi CLI as a named user', () => {
  it('init makes the administrator; user add, list, deactivate; every change carries the user who made it', () => {
    const db = path.join(tempDir(), 'office.db');
    const init = banhchi(ADMIN, 'init', '--db', db, '--level', 'province', '--unit', '12', '--name', 'Phnom Penh Immigration', '--admin-name', 'Sok Sokha', '--admin-name-km', 'សុខ សុខា', '--json');
    expect(init.stderr).toBe('');
    expect(JSON.parse(init.stdout)).toMatchObject({ level: 'province', administrator: 'sokha' });

    // Without a user, a register with accounts refuses, saying what to do.
    const anonymous = banhchi({}, 'info', '--db', db);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain('set BANHCHI_USER and BANHCHI_PASSWORD');
    const wrong = banhchi({ BANHCHI_USER: 'sokha', BANHCHI_PASSWORD: 'wrong password' }, 'info', '--db', db);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The user name or the password is wrong');

    const added = banhchi({ ...ADMIN, BANHCHI_NEW_PASSWORD: 'clerk password 2026' }, 'user', 'add', 'dara', '--name', 'Chan Dara', '--name-km', 'ចាន់ ដារ៉ា', '--role', 'clerk', '--db', db);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Account dara created for Chan Dara (Clerk)');
    const clerk = { BANHCHI_USER: 'dara', BANHCHI_PASSWORD: 'clerk password 2026' };
    // A clerk is no administrator.
    const refused = banhchi(clerk, 'user', 'list', '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Your role does not allow this');
    const list = JSON.parse(banhchi(ADMIN, 'user', 'list', '--db', db, '--json').stdout) as { username: string; role: string; active: boolean }[];
    expect(list.map((u) => [u.username, u.role, u.active])).toEqual([['dara', 'clerk', true], ['sokha', 'administrator', true]]);

    const deactivated = banhchi(ADMIN, 'user', 'deactivate', 'dara', '--db', db);
    expect(deactivated.stdout).toContain('Chan Dara (dara) can no longer sign in');
    expect(banhchi(clerk, 'info', '--db', db).stderr).toContain('This account is deactivated');

    const check = openDatabase(db);
    try {
      const admin = check.prepare(`SELECT id FROM user_account WHERE username = 'sokha'`).pluck().get() as string;
      const actors = check.prepare(`SELECT DISTINCT actor FROM change_log WHERE entity = 'user_account' AND seq > (SELECT min(seq) FROM change_log WHERE entity = 'user_account')`).pluck().all();
      expect(actors).toEqual([admin]);
    } finally {
      check.close();
    }
    // Ten commands, each starting the CLI: slow on a loaded machine.
  }, 300_000);
});
