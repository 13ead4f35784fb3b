import { describe, expect, it } from 'vitest';
import { COMMUNE, personFields, premises, registerBackend, TODAY } from './fixtures.js';

describe('one-box search', () => {
  it('finds people by name parts in any order, prefixes, passport numbers (O/0-tolerant), premises names, Latin or Khmer', async () => {
    const t = await registerBackend();
    const anna = (await t.ok('persons.register', { fields: personFields({ nameKm: 'អាណា ម៉ារីយ៉ា' }), today: TODAY })).person;
    const wang = (await t.ok('persons.register', { fields: personFields({ surname: 'Wang', givenNames: 'Xiao Ming', nameKm: 'វ៉ាង សៀវមីង', passportNo: 'E12345678', nationality: 'CHN', issuingState: 'CHN' }), today: TODAY })).person;
    const hotel = await premises(t, 'Golden Lotus Hotel', 'សណ្ឋាគារផ្កាឈូកមាស');
    await t.ok('employers.create', { nameLatin: 'Mekong Trading', nameKm: 'ក្រុមហ៊ុនមេគង្គ', communeCode: COMMUNE, workforceTotal: 10, cambodianCount: 9 });
    const ids = async (query: string) => (await t.ok('persons.search', { query })).items.map((h) => h.id);
    expect(await ids('maria eriksson')).toEqual([anna.id]);
    expect(await ids('MING wang')).toEqual([wang.id]);
    expect(await ids('eri an')).toEqual([anna.id]);
    expect(await ids('Eriksson Wang')).toEqual([]);
    expect(await ids('E12345678')).toEqual([wang.id]);
    expect(await ids('e1234')).toEqual([wang.id]);
    expect(await ids('L8989O2C3')).toEqual([anna.id]);
    expect(await ids('golden lot')).toEqual([hotel.id]);
    expect(await ids('វ៉ាង')).toEqual([wang.id]);
    expect(await ids('សណ្ឋាគារ')).toEqual([hotel.id]);
    expect(await ids('ផ្កាឈូក')).toEqual([hotel.id]);
    const employer = await t.ok('persons.search', { query: 'មេគង្គ' });
    expect(employer.items.map((h) => [h.entity, h.title])).toEqual([['employer', 'Mekong Trading']]);
    expect((await t.ok('persons.search', { query: '  ' })).items).toEqual([]);
    // Edits re-index.
    await t.ok('persons.update', { id: anna.id, patch: { surname: 'Lindqvist' }, today: TODAY });
    expect(await ids('eriksson')).toEqual([]);
    expect(await ids('lindq anna')).toEqual([anna.id]);
  });

  it('pages with a keyset cursor and filters lists', async () => {
    const t = await registerBackend();
    await t.ok('registration.demo', { persons: 400, seed: 7, today: TODAY });
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await t.ok('persons.search', { query: 'wang', limit: 2, ...(cursor ? { cursor } : {}) });
      for (const hit of page.items) seen.add(hit.id);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    const all = await t.ok('persons.search', { query: 'wang', limit: 200 });
    expect(seen.size).toBe(all.items.length);
    expect(pages).toBeGreaterThan(1);
    const listed: string[] = [];
    let next: string | null = null;
    do {
      const page: { items: { id: string; nationality: string }[]; nextCursor: string | null } = await t.ok('persons.list', { nationality: 'CHN', limit: 25, ...(next ? { cursor: next } : {}) });
      listed.push(...page.items.map((p) => p.id));
      expect(page.items.every((p) => p.nationality === 'CHN')).toBe(true);
      next = page.nextCursor;
    } while (next);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe((t.db.prepare("SELECT count(*) AS n FROM person WHERE nationality = 'CHN'").get() as { n: number }).n);
    const inPhnomPenh = await t.ok('premises.list', { unitCode: '12', limit: 500 });
    expect(inPhnomPenh.items.every((p) => p.provinceCode === '12')).toBe(true);
  });
});
