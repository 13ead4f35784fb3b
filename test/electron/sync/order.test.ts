import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { createLocalBackend } from '../../../electron/backend/backend.js';
import { openDatabase } from '../../../electron/db/open.js';
import { listHeld } from '../../../electron/sync/held.js';
import { tempDir } from '../../helpers/db.js';
import { addDemo, editRound, enrol, exportOne, importAll, makeOffice, PASS, registerDump } from './world.js';

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('sync: order of arrival', () => {
  it('all 120 orders of 5 consecutive bundles end in the same register', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    const commune = await makeOffice('commune', 'Commune', province);
    await enrol(national, [province, commune]);
    province.db.pragma('wal_checkpoint(TRUNCATE)');
    const template = path.join(tempDir(), 'template.db');
    copyFileSync(province.file, template);

    const bundles: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      if (i % 2 === 0) addDemo(commune, 1, 2);
      editRound(commune, i);
      bundles.push(await exportOne(commune));
      // The province acknowledges, so the next bundle carries only what is new.
      const [applied] = await importAll(province, [bundles[i] as string], province.out);
      expect(applied?.status, JSON.stringify(applied?.error)).toBe('applied');
      await importAll(commune, [applied?.receipt as string]);
    }
    const expected = registerDump(province.db);

    const dir = tempDir();
    const orders = permutations([0, 1, 2, 3, 4]);
    expect(orders).toHaveLength(120);
    let n = 0;
    for (const order of orders) {
      const file = path.join(dir, `p${n++}.db`);
      copyFileSync(template, file);
      const db = openDatabase(file);
      const backend = createLocalBackend(db);
      const statuses: string[] = [];
      for (const index of order) {
        const result = await backend.call('sync.import', { passphrase: PASS, paths: [bundles[index] as string] }, LOCAL_OPERATOR);
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const [first] = result.value as { status: string; error: unknown }[];
        statuses.push(first?.status ?? '');
        expect(first?.status, JSON.stringify(first?.error)).not.toBe('error');
      }
      expect(statuses.filter((s) => s === 'applied').length).toBeGreaterThan(0);
      expect(listHeld(db), order.join('')).toHaveLength(0);
      expect(registerDump(db), order.join('')).toBe(expected);
      await backend.close();
    }
  }, 300_000);
});
