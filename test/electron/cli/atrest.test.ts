import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/db.js';

const BIN = path.resolve(__dirname, '../../../bin/banhchi.mjs');

function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const merged: NodeJS.ProcessEnv = { ...process.env, BANHCHI_KEY_WORK_FACTOR: '10', ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: merged });
}

function json(result: ReturnType<typeof cli>): unknown {
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

describe('banhchi CLI: encryption at rest and backups', () => {
  it('a fresh register opened by a passphrase only; backup create, verify, restore; wrong and missing keys say so', () => {
    const dir = tempDir();
    const db = path.join(dir, 'banhchi.db');
    const admin = { BANHCHI_DB_KEY: undefined, BANHCHI_PASSWORD: 'office passphrase 1' };
    const init = cli(['init', '--db', db, '--level', 'national', '--unit', '00', '--name', 'National office'], admin);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(json(cli(['key', 'status', '--db', db, '--json'], admin))).toEqual({ passphrases: ['administrator'], recovery: null, os: null });

    const wrong = cli(['info', '--db', db], { ...admin, BANHCHI_PASSWORD: 'not the passphrase' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('The passphrase is wrong');
    const missing = cli(['info', '--db', db, '--lang', 'km'], { BANHCHI_DB_KEY: undefined, BANHCHI_PASSWORD: undefined });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('រកមិនឃើញកូនសោ');

    const usb = tempDir('usb-');
    const made = cli(['backup', 'create', '--db', db, '--to', usb, '--json'], admin);
    const { file } = json(made) as { file: string };
    expect(readdirSync(usb)).toEqual([path.basename(file)]);
    expect(cli(['backup', 'verify', '--db', db, file], admin).stdout).toMatch(/^ok /);
    const restored = cli(['backup', 'restore', '--db', db, file], admin);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('before-restore');
    expect(cli(['info', '--db', db, '--json'], admin).status).toBe(0);
  }, 400_000);

  it('banhchi init wraps the key with the administrator passphrase: the passphrase alone opens the register', () => {
    const dir = tempDir();
    const db = path.join(dir, 'banhchi.db');
    // The key comes from the environment at init (as in scripts); afterwards only the passphrase is given.
    const init = cli(['init', '--db', db, '--level', 'national', '--unit', '00', '--name', 'National office', '--admin-name', 'Sok Dara'], {
      BANHCHI_USER: 'dara', BANHCHI_PASSWORD: 'dara passphrase 1',
    });
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const passOnly = { BANHCHI_DB_KEY: undefined, BANHCHI_USER: 'dara', BANHCHI_PASSWORD: 'dara passphrase 1' };
    expect(json(cli(['key', 'status', '--db', db, '--json'], passOnly))).toEqual({ passphrases: ['dara'], recovery: null, os: null });
    expect(json(cli(['info', '--db', db, '--json'], passOnly))).toMatchObject({ office: { name: 'National office' } });
    const wrong = cli(['info', '--db', db], { ...passOnly, BANHCHI_PASSWORD: 'not dara passphrase' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('The passphrase is wrong');

    // A new key, every wrap remade: the passphrase still opens it, the old key no longer does.
    const rotated = json(cli(['key', 'rotate', '--db', db, '--json'], passOnly)) as { recoveryKey: string };
    expect(rotated.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(json(cli(['info', '--db', db, '--json'], passOnly))).toMatchObject({ office: { name: 'National office' } });
    // The key from the new recovery key (taken before the passphrase); the passphrase signs in.
    expect(json(cli(['info', '--db', db, '--json'], { ...passOnly, BANHCHI_RECOVERY_KEY: rotated.recoveryKey })))
      .toMatchObject({ office: { name: 'National office' } });
    const oldKey = cli(['info', '--db', db]);
    expect(oldKey.status).toBe(1);
  }, 400_000);
});
