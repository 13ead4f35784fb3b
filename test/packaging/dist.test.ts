import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pack.js';

const nodeBuild = path.join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
const hash = () => createHash('sha256').update(readFileSync(nodeBuild)).digest('hex');

describe('npm run dist where Electron cannot be downloaded', () => {
  it('stops at once with a clear message and leaves node_modules and out/ untouched', () => {
    const before = hash();
    const stageExisted = existsSync(path.join(ROOT, 'out', 'stage'));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist.mjs'), '--linux'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      // An unreachable mirror and an empty download cache: the offline build machine.
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: mkdtempSync(path.join(os.tmpdir(), 'banhchi-electron-cache-')) },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run dist stopped.');
    expect(run.stderr).toMatch(/Electron \d+\.\d+\.\d+ for linux-x64 could not be downloaded/);
    expect(run.stderr).toContain('Nothing was changed: node_modules is as `npm test` needs it.');
    expect(hash()).toBe(before);
    expect(existsSync(path.join(ROOT, 'out', 'stage'))).toBe(stageExisted);
  });
});
