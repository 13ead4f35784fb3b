import { describe, expect, it } from 'vitest';
import { addDemo, contentByOrigin, editRound, enrol, exportOne, importAll, makeOffice, type Office } from './world.js';

async function send(from: Office, to: Office): Promise<void> {
  const bundle = await exportOne(from);
  const results = await importAll(to, [bundle], to.out);
  for (const r of results) expect(r.status, `${from.name} → ${to.name}: ${JSON.stringify(r.error)}`).toBe('applied');
  const receipt = results[0]?.receipt;
  if (!receipt) throw new Error('no receipt');
  const acks = await importAll(from, [receipt]);
  expect(acks[0]?.status, JSON.stringify(acks[0]?.error)).toBe('acknowledged');
}

describe('sync round trip: national ← 3 provinces ← 4 communes each', () => {
  it('the national register ends with exactly every record every commune made', async () => {
    const national = await makeOffice('national', 'National', null);
    const provinces: Office[] = [];
    const communes = new Map<Office, Office[]>();
    for (let p = 0; p < 3; p += 1) {
      const province = await makeOffice('province', `P${p}`, national);
      provinces.push(province);
      const list: Office[] = [];
      for (let c = 0; c < 4; c += 1) list.push(await makeOffice('commune', `P${p}C${c}`, province));
      communes.set(province, list);
    }
    const all = [...provinces, ...[...communes.values()].flat()];
    await enrol(national, all);

    for (let round = 0; round < 3; round += 1) {
      for (const province of provinces) {
        for (const commune of communes.get(province) ?? []) {
          if (round === 0) addDemo(commune, 2, 3);
          else {
            editRound(commune, round);
            addDemo(commune, 1, 1);
          }
          await send(commune, province);
        }
        // In round 1 the province waits: the next bundle up carries two rounds.
        if (round !== 1) await send(province, national);
      }
    }

    for (const province of provinces) {
      const origins = (communes.get(province) ?? []).map((c) => c.id);
      for (const commune of communes.get(province) ?? []) {
        const own = contentByOrigin(commune.db, [commune.id]);
        expect(own[commune.id]?.count).toBeGreaterThan(15);
        expect(contentByOrigin(province.db, [commune.id])).toEqual(own);
        expect(contentByOrigin(national.db, [commune.id])).toEqual(own);
      }
      expect(contentByOrigin(national.db, [province.id])).toEqual(contentByOrigin(province.db, [province.id]));
      // Nothing from other provinces' communes at this province.
      const foreign = Object.keys(contentByOrigin(province.db)).filter((o) => !origins.includes(o) && o !== province.id);
      expect(foreign).toEqual([]);
    }
    const nationalOrigins = Object.keys(contentByOrigin(national.db)).filter((o) => o !== national.id).sort();
    // Provinces register nothing themselves here (their office rows are reference data and stay home).
    expect(nationalOrigins).toEqual([...communes.values()].flat().map((o) => o.id).sort());
    expect(national.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  }, 120_000);
});
