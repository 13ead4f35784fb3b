import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import { personFields, TODAY } from './registration/fixtures.js';
import { enrol, exportOne, importAll, makeOffice, type Office } from '../sync/world.js';

async function send(from: Office, to: Office): Promise<void> {
  const results = await importAll(to, [await exportOne(from)], to.out);
  for (const r of results) expect(r.status, JSON.stringify(r.error)).toBe('applied');
}

describe('records.origin: which office made a record, as the chain of offices sees it', () => {
  it('a commune record is its own at the commune, and the commune\'s (by name) at the province and the national office', async () => {
    const national = await makeOffice('national', 'National Immigration Police', null);
    const province = await makeOffice('province', 'Phnom Penh Immigration Police', national);
    const commune = await makeOffice('commune', 'Tonle Basak police post', province);
    await enrol(national, [province, commune]);
    const { person } = await commune.ok('persons.register', { fields: personFields({ nameKm: 'អាណា ម៉ារីយ៉ា' }), today: TODAY });

    expect(await commune.ok('records.origin', { entity: 'person', recordId: person.id })).toEqual({ own: true, officeName: null });
    await send(commune, province);
    const atProvince = await province.ok('records.origin', { entity: 'person', recordId: person.id });
    expect(atProvince.own).toBe(false);
    expect(atProvince.officeName?.en).toBe('Tonle Basak police post');
    // In Khmer, never the Latin name alone nor an id: Khmer script.
    expect(atProvince.officeName?.km).toMatch(/[\u1780-\u17ff]/);
    await send(province, national);
    const atNational = await national.ok('records.origin', { entity: 'person', recordId: person.id });
    expect(atNational).toEqual(atProvince);
    // The province's own record is its own.
    const own = await province.ok('persons.register', { fields: personFields({ passportNo: 'E12345678' }), today: TODAY });
    expect(await province.ok('records.origin', { entity: 'person', recordId: own.person.id })).toEqual({ own: true, officeName: null });
  }, 60_000);

  it('a record that is not here is refused in words, without its id; an unknown kind of record is refused at the boundary', async () => {
    const office = await makeOffice('national', 'National Immigration Police', null);
    const missing = await office.backend.call('records.origin', { entity: 'person', recordId: '0190f3a2-0000-7000-8000-000000000000' }, LOCAL_OPERATOR);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('chain.notFound');
    const table = await office.backend.call('records.origin', { entity: 'user_secret' as 'person', recordId: 'x' }, LOCAL_OPERATOR);
    expect(table.ok).toBe(false);
  });
});
