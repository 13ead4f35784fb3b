import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hotlineCase, premises, registerBackend } from '../cases/fixtures.js';
import { personFields } from '../registration/fixtures.js';

type T = Awaited<ReturnType<typeof registerBackend>>;
const byKey = (rows: { key: string; cells: unknown[] }[]) => Object.fromEntries(rows.map((r) => [r.key, r.cells]));

describe('case reports', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T09:00:00+07:00'));
  });
  afterEach(() => vi.useRealTimers());

  /** The statistics story of the cases tests: two complaints, a raid with four persons found and four suspects, two sites closed. */
  async function story() {
    const t = await registerBackend();
    const { hotel, complaint } = await hotlineCase(t);
    const other = await premises(t, 'Casino Royal');
    await t.ok('complaints.create', { receivedAt: '2026-02-27T10:00', channel: 'walk_in', about: 'x', category: 'online_scams' });
    const op = await t.ok('operations.create', { heldOn: '2026-03-05', kind: 'raid', leadUnit: 'PP police', premisesId: hotel.id, complaintIds: [complaint.id] });
    const add = (sex: 'M' | 'F', declared: boolean, identified: boolean) => t.ok('operations.addPerson', {
      operationId: op.id, found: { how: 'described', described: 'found', sex, nationality: 'IDN' }, declaredVictim: declared, identifiedAs: identified ? 'trafficking' : null, noReturn: identified,
    });
    await add('F', true, true);
    await add('M', true, true);
    await add('M', true, false);
    await add('M', false, false);
    for (const [name, sex, nationality, chargedOn] of [['A', 'M', 'CHN', '2026-03-06'], ['B', 'M', 'CHN', '2026-03-06'], ['C', 'F', 'KHM', '2026-03-07'], ['D', 'M', 'VNM', undefined]] as const) {
      await t.ok('operations.addSuspect', { operationId: op.id, name, sex, nationality, ...(chargedOn && { chargedOn }) });
    }
    await t.ok('premises.close', { id: hotel.id, status: 'temporarily_closed', date: '2026-03-05', reason: 'pending investigation', operationId: op.id });
    await t.ok('premises.close', { id: other.id, status: 'permanently_closed', date: '2026-03-06', reason: 'court order' });
    return { t, hotel };
  }

  const run = (t: T, name: string, filters: { from: string; to: string; unit?: string; nationality?: string }) => t.ok('reports.run', { name, today: '2026-03-10', ...filters });

  it('give the counts of cases.stats, for each period and unit', async () => {
    const { t, hotel } = await story();
    for (const [from, to, unit] of [['2026-03-01', '2026-03-31', hotel.provinceCode], ['2026-02-01', '2026-03-31', undefined], ['2026-03-01', '2026-03-31', '01'], ['2026-03-06', '2026-03-06', undefined]] as const) {
      const filters = { from, to, ...(unit && { unit }) };
      const stats = await t.ok('cases.stats', { from, to, ...(unit && { unitCode: unit }) });
      const complaints = await run(t, 'complaints', filters);
      expect(complaints.tables[0]!.rows.filter((r) => r.cells[0] !== 0).map((r) => ({ month: r.key, count: r.cells[0] }))).toEqual(stats.complaintsByMonth);
      expect(complaints.tables[0]!.total).toEqual([stats.complaints]);
      expect(complaints.tables[1]!.rows.map((r) => ({ category: r.key, count: r.cells[0] }))).toEqual(stats.complaintsByCategory);
      const victims = await run(t, 'victims', filters);
      const bySex = byKey(victims.tables[0]!.rows);
      for (const sex of ['M', 'F', 'X'] as const) {
        expect([bySex[sex]?.[1] ?? 0, bySex[sex]?.[2] ?? 0]).toEqual([stats.declaredVictims[sex], stats.identifiedVictims[sex]]);
      }
      expect(victims.tables[0]!.total).toEqual([stats.personsFound, stats.declaredVictims.total, stats.identifiedVictims.total]);
      const suspects = await run(t, 'suspects-charged', filters);
      expect(suspects.tables[0]!.rows.map((r) => ({ nationality: r.key, count: r.cells[0] }))).toEqual(stats.suspectsChargedByNationality);
      const sites = await run(t, 'sites-closed', filters);
      expect(sites.tables[0]!.total ?? []).toEqual([stats.sitesClosedPermanently, stats.sitesClosedTemporarily, stats.sitesReopened]);
    }
    // What the story holds, so the comparison above is not of empty tables.
    const march = await run(t, 'victims', { from: '2026-03-01', to: '2026-03-31' });
    expect(byKey(march.tables[0]!.rows)).toEqual({ F: [1, 1, 1], M: [3, 2, 1] });
    expect(march.tables[0]!.rows.find((r) => r.key === 'F')!.label).toEqual({ en: 'Female', km: 'ស្រី' });
    const suspects = await run(t, 'suspects-charged', { from: '2026-03-01', to: '2026-03-31', nationality: 'CHN' });
    expect(byKey(suspects.tables[0]!.rows)).toEqual({ CHN: [2, 1] });
    const complaints = await run(t, 'complaints', { from: '2026-02-01', to: '2026-03-31' });
    expect(complaints.tables[1]!.rows.map((r) => [r.key, r.label.km, ...r.cells])).toEqual([['human_trafficking', 'ការជួញដូរមនុស្ស', 1, 0.5], ['online_scams', 'ការបោកប្រាស់តាមអនឡាញ', 1, 0.5]]);
    const sites = await run(t, 'sites-closed', { from: '2026-03-01', to: '2026-03-31', unit: hotel.provinceCode });
    expect(byKey(sites.tables[0]!.rows)).toEqual({ [hotel.communeCode.slice(0, 4)]: [1, 1, 0] });
  });
});

describe('campaign reports', () => {
  /** A province's declaration campaign: one employer declared late, one never did and was inspected (three workers). */
  async function world() {
    const t = await registerBackend();
    await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh provincial police', nameKm: 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ' });
    const employer = (name: string, communeCode: string) =>
      t.ok('employers.create', { nameLatin: name, sector: 'Construction', communeCode, workforceTotal: 60, cambodianCount: 57 });
    const late = await employer('Angkor Build Co', '120101');
    await employer('Mekong Tower Site', '120101');
    const onTime = await employer('Bayon Steel Ltd', '120201');
    const campaign = await t.ok('campaigns.create', {
      kind: 'employer_declaration', title: 'Work-status declaration 2025', legalReference: 'Action plan 2025', scopeUnits: ['1201', '1202'], startDate: '2025-01-02', deadline: '2025-03-15',
    });
    await t.ok('declarations.record', { campaignId: campaign.id, targetId: late.id, receivedOn: '2025-03-16', skilledKm: 50, skilledForeign: 3 });
    await t.ok('declarations.record', { campaignId: campaign.id, targetId: onTime.id, receivedOn: '2025-03-01', skilledKm: 50, skilledForeign: 3 });
    const person = (surname: string, passportNo: string) =>
      t.ok('persons.register', { fields: personFields({ surname, givenNames: 'Wei', nationality: 'CHN', issuingState: 'CHN', passportNo, entryDate: '2024-12-01' }) }).then((r) => r.person);
    const [a, b, c] = [await person('ZHANG', 'E11111111'), await person('LIU', 'E22222222'), await person('CHEN', 'E33333333')];
    const [inspection] = (await t.ok('inspections.plan', { campaignId: campaign.id, rules: ['missing'], plannedOn: '2025-04-07', today: '2025-04-01' })).inspections;
    await t.ok('inspections.record', {
      id: inspection!.id, inspectedOn: '2025-04-07', team: ['Capt. Sok Dara'], outcome: 'notice', premisesFindings: '',
      persons: [{ personId: a.id, finding: 'permit_valid', permitNo: 'WP-100' }, { personId: b.id, finding: 'no_permit' }, { personId: c.id, finding: 'no_permit' }],
      referrals: [],
    });
    return { t, campaign };
  }

  it('campaign completeness and timeliness per campaign and unit, as the campaign counts; inspection findings and outcomes', async () => {
    const { t, campaign } = await world();
    const report = await t.ok('reports.run', { name: 'campaign-completeness', from: '2025-01-01', to: '2025-12-31', today: '2025-04-10' });
    // Targets, received, on time, late, exempt, not yet due, missing, completeness, timeliness.
    expect(report.tables[0]!.rows).toEqual([{ key: campaign.id, label: { en: campaign.title, km: campaign.title }, cells: [3, 2, 1, 1, 0, 0, 1, 2 / 3, 1 / 3] }]);
    const listed = (await t.ok('campaigns.list', {})).items.find((c) => c.id === campaign.id)!;
    expect(report.tables[0]!.total!.slice(0, 7)).toEqual([listed.counts.targets, listed.counts.on_time + listed.counts.late + listed.counts.exempt, listed.counts.on_time, listed.counts.late, listed.counts.exempt, listed.counts.not_yet, listed.counts.missing]);
    expect(byKey(report.tables[1]!.rows)).toEqual({ '12': [3, 2, 1, 1, 0, 0, 1, 2 / 3, 1 / 3] });
    const pp = await t.ok('reports.run', { name: 'campaign-completeness', from: '2025-01-01', to: '2025-12-31', unit: '12', today: '2025-04-10' });
    expect(byKey(pp.tables[1]!.rows)).toEqual({ '1201': [2, 1, 0, 1, 0, 0, 1, 0.5, 0], '1202': [1, 1, 1, 0, 0, 0, 0, 1, 1] });
    // Outside the campaign's period, or in another province: nothing.
    expect((await t.ok('reports.run', { name: 'campaign-completeness', from: '2026-01-01', to: '2026-02-01', today: '2025-04-10' })).tables[0]!.rows).toEqual([]);
    expect((await t.ok('reports.run', { name: 'campaign-completeness', from: '2025-01-01', to: '2025-12-31', unit: '17', today: '2025-04-10' })).tables[0]!.rows).toEqual([]);

    const findings = await t.ok('reports.run', { name: 'inspection-findings', from: '2025-04-01', to: '2025-04-30', unit: '1201' });
    expect(findings.tables[0]!.rows.map((r) => [r.key, r.label.en, ...r.cells])).toEqual([['no_permit', 'No work permit', 2, 2 / 3], ['permit_valid', 'Valid work permit', 1, 1 / 3]]);
    expect(findings.tables[1]!.rows.map((r) => [r.key, r.label.en, r.cells[0]])).toEqual([['notice', 'Notice to put in order', 1]]);
    expect(findings.tables[0]!.rows[0]!.label.km).toBe('គ្មានប័ណ្ណការងារ');
    expect((await t.ok('reports.run', { name: 'inspection-findings', from: '2025-04-01', to: '2025-04-30', unit: '1202' })).tables[0]!.rows).toEqual([]);
    expect((await t.ok('reports.run', { name: 'inspection-findings', from: '2025-05-01', to: '2025-05-30' })).tables[1]!.rows).toEqual([]);
  });
});
