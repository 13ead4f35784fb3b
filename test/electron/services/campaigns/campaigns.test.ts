import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkQuota } from '../../../../shared/campaigns/quota.js';
import { personFields, registerBackend } from '../registration/fixtures.js';

const setNow = (iso: string) => vi.setSystemTime(new Date(iso));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setNow('2023-01-10T09:00:00+07:00');
});
afterEach(() => vi.useRealTimers());

type T = Awaited<ReturnType<typeof registerBackend>>;

async function province(): Promise<T> {
  const t = await registerBackend();
  await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh provincial police', nameKm: 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ' });
  return t;
}

const employer = (t: T, name: string, communeCode = '120101', sector = 'Construction') =>
  t.ok('employers.create', { nameLatin: name, sector, communeCode, workforceTotal: 100, cambodianCount: 95 });

const worker = (t: T, surname: string, passportNo: string) =>
  t.ok('persons.register', { fields: personFields({ surname, givenNames: 'Li', nationality: 'CHN', issuingState: 'CHN', passportNo, entryDate: '2022-12-01' }) }).then((r) => r.person);

const declarationCampaign = (t: T, overrides: Record<string, unknown> = {}) => t.ok('campaigns.create', {
  kind: 'employer_declaration', title: 'Work-status declaration 2023', legalReference: 'Inter-ministerial action plan 2023, phase 1',
  scopeUnits: ['1201'], startDate: '2023-01-02', deadline: '2023-03-15', ...overrides,
});

describe('quota', () => {
  it('checks foreign staff against 10% and the 3/6/1 split, in whole persons', () => {
    const fine = checkQuota({ officeKm: 30, officeForeign: 3, skilledKm: 50, skilledForeign: 6, unskilledKm: 10, unskilledForeign: 1 });
    expect(fine.total).toBe(100);
    expect(fine.foreign).toBe(10);
    expect(fine.over).toBe(false);
    const skilled = checkQuota({ officeKm: 30, officeForeign: 2, skilledKm: 50, skilledForeign: 7, unskilledKm: 10, unskilledForeign: 1 });
    expect(skilled.over).toBe(true);
    expect(skilled.categories.skilled).toMatchObject({ foreign: 7, allowed: 6, over: true });
    expect(skilled.categories.office.over).toBe(false);
    // 1% of 50 is half a person: one unskilled foreigner is already over.
    expect(checkQuota({ officeKm: 0, officeForeign: 0, skilledKm: 0, skilledForeign: 0, unskilledKm: 49, unskilledForeign: 1 }).categories.unskilled.over).toBe(true);
    expect(checkQuota({ officeKm: 0, officeForeign: 0, skilledKm: 0, skilledForeign: 0, unskilledKm: 0, unskilledForeign: 0 }).over).toBe(false);
  });
});

describe('campaigns', () => {
  it('lists the employers in scope as targets, including ones registered after the campaign started, with states at today', async () => {
    const t = await province();
    const a = await employer(t, 'Angkor Build Co');
    const b = await employer(t, 'Mekong Steel');
    await employer(t, 'Far Away Ltd', '010201').catch(() => null); // another province: never a target
    const other = await employer(t, 'Garment House', '120109', 'Garment');
    const campaign = await declarationCampaign(t, { targetSectors: ['construction'] });
    const c = await employer(t, 'Late Comer Construction');
    expect(campaign.counts).toMatchObject({ targets: 2, not_yet: 2 });
    const targets = await t.ok('campaigns.targets', { id: campaign.id });
    expect(targets.items.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(targets.items.map((x) => x.id)).not.toContain(other.id);
    expect(targets.items.every((x) => x.state === 'not_yet')).toBe(true);

    setNow('2023-03-20T09:00:00+07:00');
    const onTime = await t.ok('declarations.record', {
      campaignId: campaign.id, targetId: a.id, receivedOn: '2023-03-15', officeKm: 20, officeForeign: 1, skilledKm: 60, skilledForeign: 2, unskilledKm: 17, unskilledForeign: 0,
    });
    expect(onTime.state).toBe('on_time');
    const late = await t.ok('declarations.record', { campaignId: campaign.id, targetId: b.id, receivedOn: '2023-03-16', unskilledKm: 10 });
    expect(late.state).toBe('late');
    await t.ok('declarations.record', { campaignId: campaign.id, targetId: c.id, receivedOn: '2023-03-01', status: 'exempt', exemptReason: 'Diplomatic mission contractor' });

    const got = await t.ok('campaigns.get', { id: campaign.id });
    expect(got.campaign.counts).toEqual({ targets: 3, not_yet: 0, on_time: 1, late: 1, missing: 0, exempt: 1 });
    expect(got.byCommune).toEqual([expect.objectContaining({ communeCode: '120101', on_time: 1, late: 1, exempt: 1, timeliness: 0.5 })]);
    const lateOnes = await t.ok('campaigns.targets', { id: campaign.id, state: 'late' });
    expect(lateOnes.items).toEqual([expect.objectContaining({ id: b.id, daysLate: 1, receivedOn: '2023-03-16' })]);

    // A target registered after the deadline with nothing received is missing.
    const d = await employer(t, 'Never Declared Construction');
    const missing = await t.ok('campaigns.targets', { id: campaign.id, state: 'missing' });
    expect(missing.items).toEqual([expect.objectContaining({ id: d.id, daysLate: 5 })]);
  });

  it('records the declared workers as employment through the change log and checks the quota', async () => {
    const t = await province();
    const a = await employer(t, 'Angkor Build Co');
    const campaign = await declarationCampaign(t);
    const p1 = await worker(t, 'WANG', 'E12345671');
    const p2 = await worker(t, 'ZHAO', 'E12345672');
    // p1 already works there with no permit on record.
    await t.ok('employment.record', { personId: p1.id, employerId: a.id, startDate: '2022-06-01', workStatus: 'no_permit' });
    const declaration = await t.ok('declarations.record', {
      campaignId: campaign.id, targetId: a.id, receivedOn: '2023-01-09', officeKm: 10, officeForeign: 1, skilledKm: 10, skilledForeign: 1,
      unskilledKm: 10, unskilledForeign: 0,
      workers: [
        { personId: p1.id, category: 'office', workStatus: 'valid_permit', permitNo: 'WP-001', permitExpiry: '2024-01-01' },
        { personId: p2.id, category: 'skilled', workStatus: 'application_submitted', receiptNo: 'R-77' },
      ],
    });
    expect(declaration.quota.over).toBe(true);
    expect(declaration.quota.categories.office).toMatchObject({ foreign: 1, allowed: 0, over: true });
    expect(declaration.workerCountMismatch).toBe(false);
    const { employments, employer: after } = await t.ok('employers.get', { id: a.id });
    const byPerson = new Map(employments.map((e) => [e.personId, e]));
    expect(byPerson.get(p1.id)).toMatchObject({ workStatus: 'valid_permit', workPermitNo: 'WP-001', workPermitExpiry: '2024-01-01', startDate: '2022-06-01' });
    expect(byPerson.get(p2.id)).toMatchObject({ workStatus: 'application_submitted', receiptNo: 'R-77', startDate: '2023-01-09' });
    expect(after).toMatchObject({ workforceTotal: 32, cambodianCount: 30 });
    const history = await t.ok('history.forRecord', { entity: 'employment', recordId: byPerson.get(p1.id)!.id });
    expect(history.map((h) => h.op)).toEqual(expect.arrayContaining(['insert', 'update']));
    const log = t.db.prepare("SELECT count(*) FROM change_log WHERE entity IN ('declaration', 'declaration_worker')").pluck().get();
    expect(log).toBe(3);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const t = await province();
    const a = await employer(t, 'Angkor Build Co');
    const before = t.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const backwards = await t.call('campaigns.create', { kind: 'employer_declaration', title: 'X', scopeUnits: ['12'], startDate: '2023-03-15', deadline: '2023-01-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'campaigns.deadlineBeforeStart' } });
    const outside = await t.call('campaigns.create', { kind: 'employer_declaration', title: 'X', scopeUnits: ['01'], startDate: '2023-01-01', deadline: '2023-03-15' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'campaigns.outsideOffice', params: { code: '01' } } });
    const unknown = await t.call('campaigns.create', { kind: 'employer_declaration', title: 'X', scopeUnits: ['1299'], startDate: '2023-01-01', deadline: '2023-03-15' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'campaigns.unknownUnit' } });
    expect(t.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before);

    const campaign = await declarationCampaign(t);
    const future = await t.call('declarations.record', { campaignId: campaign.id, targetId: a.id, receivedOn: '2023-01-11' });
    expect(future).toMatchObject({ ok: false, error: { code: 'campaigns.receivedInFuture' } });
    await t.ok('declarations.record', { campaignId: campaign.id, targetId: a.id, receivedOn: '2023-01-10' });
    const twice = await t.call('declarations.record', { campaignId: campaign.id, targetId: a.id, receivedOn: '2023-01-10' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'campaigns.alreadyDeclared', params: { name: 'Angkor Build Co' } } });
  });

  it('a commune office cannot make campaigns; a clerk cannot; a national analyst reads them', async () => {
    const t = await registerBackend();
    await t.ok('office.setup', { level: 'commune', unitCode: '120101', name: 'Tonle Basak post' });
    const result = await t.call('campaigns.create', { kind: 'premises_pledge', title: 'Pledge', scopeUnits: ['120101'], startDate: '2023-01-01', deadline: '2023-01-15' });
    expect(result).toMatchObject({ ok: false, error: { code: 'campaigns.notAtCommune' } });
    const clerk = await t.call('campaigns.create', { kind: 'premises_pledge', title: 'Pledge', scopeUnits: ['120101'], startDate: '2023-01-01', deadline: '2023-01-15' },
      { id: 'user:clerk', kind: 'user', role: 'clerk' });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    const analyst = await t.call('campaigns.list', {}, { id: 'user:analyst', kind: 'user', role: 'national-analyst' });
    expect(analyst.ok).toBe(true);
  });

  it('a national analyst makes campaigns for the whole country at the national office, and does not inspect', async () => {
    const t = await registerBackend();
    await t.ok('office.setup', { level: 'national', unitCode: '12', name: 'General Department of Immigration', nameKm: 'អគ្គនាយកដ្ឋានអន្តោប្រវេសន៍' });
    const analyst = { id: 'user:analyst', kind: 'user' as const, role: 'national-analyst' as const };
    const created = await t.call('campaigns.create', {
      kind: 'employer_declaration', title: 'National declaration 2023', scopeUnits: ['12', '01', '120101'], startDate: '2023-01-02', deadline: '2023-03-15',
    }, analyst);
    expect(created).toMatchObject({ ok: true, value: { scopeUnits: ['12', '01', '120101'], own: true, status: 'open' } });
    const id = created.ok ? created.value.id : '';
    expect(await t.call('campaigns.close', { id }, analyst)).toMatchObject({ ok: true, value: { status: 'closed' } });
    const inspect = await t.call('inspections.plan', { campaignId: id, rules: ['missing'], plannedOn: '2023-04-01' }, analyst);
    expect(inspect).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    const unknown = await t.call('campaigns.create', {
      kind: 'employer_declaration', title: 'X', scopeUnits: ['99'], startDate: '2023-01-02', deadline: '2023-03-15',
    }, analyst);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'campaigns.unknownUnit', params: { code: '99' } } });
  });

  it('at a province office, a national analyst account is still held to the province', async () => {
    const t = await province();
    const analyst = { id: 'user:analyst', kind: 'user' as const, role: 'national-analyst' as const };
    const outside = await t.call('campaigns.create', {
      kind: 'employer_declaration', title: 'X', scopeUnits: ['01'], startDate: '2023-01-02', deadline: '2023-03-15',
    }, analyst);
    expect(outside).toMatchObject({ ok: false, error: { code: 'campaigns.outsideOffice', params: { code: '01' } } });
  });

  it('premises campaigns target the chosen types and a signed pledge marks the premises', async () => {
    const t = await province();
    const hotel = await t.ok('premises.create', { nameLatin: 'Golden Lotus Hotel', type: 'hotel', communeCode: '120101' });
    const site = await t.ok('premises.create', { nameLatin: 'Tower 7 site', type: 'construction', communeCode: '120101' });
    const campaign = await t.ok('campaigns.create', {
      kind: 'premises_pledge', title: 'Report foreigners and sign the pledge', scopeUnits: ['120101'], startDate: '2023-01-01', deadline: '2023-01-14',
      targetTypes: ['construction'],
    });
    const targets = await t.ok('campaigns.targets', { id: campaign.id });
    expect(targets.items.map((x) => x.id)).toEqual([site.id]);
    expect(targets.items.map((x) => x.id)).not.toContain(hotel.id);
    await t.ok('declarations.record', { campaignId: campaign.id, targetId: site.id, receivedOn: '2023-01-05', pledgeSigned: true });
    const after = await t.ok('premises.get', { id: site.id });
    expect(after.premises.pledgeStatus).toBe('signed');
    const refused = await t.call('declarations.record', { campaignId: campaign.id, targetId: hotel.id, receivedOn: '2023-01-05' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'campaigns.notTarget' } });
  });
});
