import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWorkerBackend } from '../../../electron/backend/host.js';
import { keyFromEnvironment } from '../../../electron/db/db-key.js';
import { migrations } from '../../../electron/db/migrations/index.js';
import { connect, openDatabase, type UpgradeStep } from '../../../electron/db/open.js';
import { upgradeReporter } from '../../../electron/db/upgrade-progress.js';
import { createI18n } from '../../../shared/i18n/index.js';
import { tempDir } from '../../helpers/db.js';

/** A register left at schema 59 (before the report employment counts and everything after). */
function registerAt59(): string {
  const file = path.join(tempDir(), 'banhchi.db');
  const db = connect(file, keyFromEnvironment()!);
  db.transaction(() => {
    for (const m of migrations.filter((x) => x.version <= 59)) m.up(db);
  })();
  db.pragma('user_version = 59');
  db.close();
  return file;
}
const after59 = migrations.filter((m) => m.version > 59).map((m) => m.version);

describe('upgrade progress', () => {
  it('tells each pending migration before it runs, then the end; a new register says nothing', () => {
    const steps: UpgradeStep[] = [];
    openDatabase(registerAt59(), { onUpgrade: (s) => steps.push(s) }).close();
    expect(steps.map((s) => [s.done, s.total, s.version, s.from])).toEqual([
      ...after59.map((version, i) => [i, after59.length, version, 59]),
      [after59.length, after59.length, after59[after59.length - 1], 59],
    ]);
    const lines: string[] = [];
    const t = createI18n('km').t;
    let now = 1_000;
    const report = upgradeReporter((line) => lines.push(line), (key, params) => t(key, params), () => (now += 1_500));
    for (const step of steps) report(step);
    expect(lines[0]).toBe(t('upgrade.start', { from: 59, total: after59.length }));
    expect(lines).toHaveLength(after59.length + 2);
    expect(lines[1]).toContain('ជំហានទី ១ ក្នុងចំណោម');
    expect(lines.at(-1)).toMatch(/^បញ្ជីត្រូវបានធ្វើបច្ចុប្បន្នភាពទៅកំណែ/);
    const fresh: string[] = [];
    const quiet = upgradeReporter((line) => fresh.push(line), (key, params) => t(key, params));
    openDatabase(path.join(tempDir(), 'new.db'), { onUpgrade: quiet }).close();
    expect(fresh).toEqual([]);
  });

  it('reaches the host from the database thread while it is still upgrading, before it is ready', async () => {
    const steps: UpgradeStep[] = [];
    let readyAfter = -1;
    const backend = await startWorkerBackend({
      dbFile: registerAt59(), workerPath: path.resolve(__dirname, '../../../electron/backend/worker.ts'), onUpgrade: (s) => steps.push(s),
    });
    readyAfter = steps.length;
    await backend.close();
    expect(readyAfter).toBe(after59.length + 1);
    expect(steps.at(-1)).toMatchObject({ done: after59.length, total: after59.length });
  });
});
