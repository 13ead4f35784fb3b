import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_CSV } from '../../helpers/db.js';
import { personFields, TODAY } from '../services/registration/fixtures.js';
import { enrol, exportOne, importAll, makeOffice, type Office } from './world.js';

async function send(from: Office, to: Office): Promise<void> {
  const results = await importAll(to, [await exportOne(from)], to.out);
  for (const r of results) expect(r.status, JSON.stringify(r.error)).toBe('applied');
  const receipt = results[0]?.receipt;
  if (!receipt) throw new Error('no receipt');
  await importAll(from, [receipt]);
}

const ids = async (office: Office, query: string) => (await office.ok('persons.search', { query })).items.map((h) => h.id).sort();

describe('synced records are searchable at the offices above', () => {
  it('the province and the national office find what the commune registered, by Latin name, Khmer name and passport, and follow its edits', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    const commune = await makeOffice('commune', 'Commune', province);
    await enrol(national, [province, commune]);
    await commune.ok('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER_CSV, 'utf8') });

    const anna = (await commune.ok('persons.register', { fields: personFields({ nameKm: 'អាណា ម៉ារីយ៉ា' }), today: TODAY })).person;
    const wang = (await commune.ok('persons.register', {
      fields: personFields({ surname: 'Wang', givenNames: 'Xiao Ming', nameKm: 'វ៉ាង សៀវមីង', passportNo: 'E12345678', nationality: 'CHN', issuingState: 'CHN' }),
      today: TODAY,
    })).person;
    const hotel = await commune.ok('premises.create', { nameLatin: 'Golden Lotus Hotel', nameKm: 'សណ្ឋាគារផ្កាឈូកមាស', type: 'hotel', communeCode: '120101' });
    const searches: [string, string[]][] = [
      ['maria eriksson', [anna.id]],
      ['MING wang', [wang.id]],
      ['វ៉ាង', [wang.id]],
      ['ម៉ារីយ៉ា', [anna.id]],
      ['E12345678', [wang.id]],
      ['L8989O2C3', [anna.id]],
      ['សណ្ឋាគារ', [hotel.id]],
      ['golden lot', [hotel.id]],
    ];
    const expectAll = async (office: Office) => {
      for (const [query, expected] of searches) expect(await ids(office, query), `${office.name}: ${query}`).toEqual(expected.sort());
    };
    await expectAll(commune);
    for (const office of [province, national]) expect(await ids(office, 'eriksson')).toEqual([]);

    await send(commune, province);
    await expectAll(province);
    await send(province, national);
    await expectAll(national);

    // The receiver computes the keys itself and re-indexes on updates that arrive later.
    const keys = (o: Office) => o.db.prepare('SELECT name_key, passport_key FROM person WHERE id = ?').get(anna.id);
    expect(keys(national)).toEqual(keys(commune));
    await commune.ok('persons.update', { id: anna.id, patch: { surname: 'Lindqvist', nameKm: 'លីនឃ្វីស' }, today: TODAY });
    await send(commune, province);
    await send(province, national);
    for (const office of [commune, province, national]) {
      expect(await ids(office, 'eriksson'), office.name).toEqual([]);
      expect(await ids(office, 'lindq anna'), office.name).toEqual([anna.id]);
      expect(await ids(office, 'លីនឃ្វីស'), office.name).toEqual([anna.id]);
      expect(keys(office)).toEqual({ name_key: 'ANNA LINDQVIST MARIA', passport_key: 'L898902C3' });
    }
  }, 60_000);
});
