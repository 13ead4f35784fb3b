import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { personFields, registerBackend } from '../registration/fixtures.js';

const setNow = (iso: string) => vi.setSystemTime(new Date(iso));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setNow('2023-01-10T09:00:00+07:00');
});
afterEach(() => vi.useRealTimers());

type T = Awaited<ReturnType<typeof registerBackend>>;

async function setup() {
  const t = await registerBackend();
  await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh provincial police' });
  const employer = (name: string) => t.ok('employers.create', { nameLatin: name, sector: 'Construction', communeCode: '120101', workforceTotal: 50, cambodianCount: 47 });
  const onTime = await employer('On Time Co');
  const late = await employer('Late Co');
  const missing = await employer('Missing Co');
  const campaign = await t.ok('campaigns.create', {
    kind: 'employer_declaration', title: 'Declaration 2023', scopeUnits: ['12'], startDate: '2023-01-02', deadline: '2023-03-15',
  });
  return { t, campaign, onTime, late, missing };
}

const worker = (t: T, surname: string, passportNo: string) =>
  t.ok('persons.register', { fields: personFields({ surname, givenNames: 'An', nationality: 'VNM', issuingState: 'VNM', passportNo, entryDate: '2022-12-01' }) })
    .then((r) => r.person);

describe('inspections', () => {
  it('plans inspections from a campaign by rules, once per site', async () => {
    const { t, campaign, onTime, late, missing } = await setup();
    setNow('2023-03-20T09:00:00+07:00');
    await t.ok('declarations.record', { campaignId: campaign.id, targetId: onTime.id, receivedOn: '2023-03-10', skilledKm: 99, skilledForeign: 1 });
    await t.ok('declarations.record', { campaignId: campaign.id, targetId: late.id, receivedOn: '2023-03-18', skilledKm: 90, unskilledForeign: 10 });
    const plan = await t.ok('inspections.plan', { campaignId: campaign.id, rules: ['missing', 'late'], plannedOn: '2023-04-03' });
    expect(plan.planned).toBe(2);
    expect(plan.inspections.map((i) => [i.targetId, i.reason]).sort()).toEqual([[late.id, 'late'], [missing.id, 'missing']].sort());
    const again = await t.ok('inspections.plan', { campaignId: campaign.id, rules: ['missing', 'late', 'over_quota'], plannedOn: '2023-04-03' });
    // The late one is also over quota but already planned: nothing new.
    expect(again).toMatchObject({ planned: 0, alreadyPlanned: 2 });
    const listed = await t.ok('inspections.list', { campaignId: campaign.id });
    expect(listed.items).toHaveLength(2);
    const targets = await t.ok('campaigns.targets', { id: campaign.id, state: 'missing' });
    expect(targets.items[0]).toMatchObject({ id: missing.id, inspections: 1 });
  });

  it('records persons found, starts the 20-day proof deadline with alerts as it nears and passes, and closes it on proof', async () => {
    const { t, campaign, missing } = await setup();
    const [a, b, c] = [await worker(t, 'NGUYEN', 'C1234561'), await worker(t, 'TRAN', 'C1234562'), await worker(t, 'LE', 'C1234563')];
    await t.ok('employment.record', { personId: c.id, employerId: missing.id, startDate: '2022-12-05', workStatus: 'valid_permit', workPermitNo: 'WP-9' });
    setNow('2023-04-03T15:00:00+07:00');
    const planned = (await t.ok('inspections.plan', { campaignId: campaign.id, rules: ['missing'], plannedOn: '2023-04-03' })).inspections;
    // Nobody declared: all three are missing.
    expect(planned).toHaveLength(3);
    const inspection = planned.find((i) => i.targetId === missing.id);
    const recorded = await t.ok('inspections.record', {
      id: inspection!.id, inspectedOn: '2023-04-03', team: ['Capt. Sok Dara', 'Lt. Chan Vichea', 'Deputy prosecutor Keo Sophal'],
      persons: [
        { personId: a.id, finding: 'permit_valid', permitNo: 'WP-1' },
        { personId: b.id, finding: 'no_permit' },
        { personId: c.id, finding: 'application_receipt', receiptNo: 'RC-55' },
      ],
      premisesFindings: 'Dormitory for 40 workers behind the site office.', outcome: 'notice',
      referrals: [{ authority: 'prosecutor', grounds: 'other_offence', note: 'Workers without permits' }],
    });
    expect(recorded.inspection).toMatchObject({ status: 'done', personsFound: 3, proofPending: 1, outcome: 'notice' });
    expect(recorded.inspection.docNo).toBe('INS/12/2023/00001');
    const noPermit = recorded.persons.find((p) => p.personId === b.id)!;
    expect(noPermit).toMatchObject({ proofDue: '2023-04-23', proofStatus: 'pending', proofDays: 20 });
    // Employment this office holds follows what was found.
    const employments = (await t.ok('employers.get', { id: missing.id })).employments;
    expect(employments.find((e) => e.personId === c.id)).toMatchObject({ workStatus: 'application_submitted', receiptNo: 'RC-55' });
    // The site never declared: everyone found is "not declared".
    expect(recorded.declarationId).toBeNull();

    const kinds = async (today: string) => (await t.ok('alerts.list', { today, kinds: ['proof_due', 'proof_overdue'] })).items.map((i) => [i.kind, i.personId]);
    expect(await kinds('2023-04-10')).toEqual([]);
    expect(await kinds('2023-04-19')).toEqual([['proof_due', b.id]]);
    expect(await kinds('2023-04-24')).toEqual([['proof_overdue', b.id]]);
    const personAlerts = await t.ok('persons.get', { id: b.id, today: '2023-04-24' });
    expect(personAlerts.alerts.map((x) => x.kind)).toContain('proof_overdue');

    setNow('2023-04-20T10:00:00+07:00');
    const tooEarly = await t.call('inspections.proof', { inspectionPersonId: noPermit.id, result: 'action', date: '2023-04-20', action: 'Fine' });
    expect(tooEarly).toMatchObject({ ok: false, error: { code: 'inspections.deadlineNotPassed', params: { due: '2023-04-23' } } });
    const proved = await t.ok('inspections.proof', { inspectionPersonId: noPermit.id, result: 'received', date: '2023-04-20', reference: 'RC-101' });
    expect(proved.persons.find((p) => p.personId === b.id)).toMatchObject({ proofStatus: 'received', proofRef: 'RC-101', proofDays: null });
    expect(await kinds('2023-04-24')).toEqual([]);
  });

  it('no proof after 20 days: an action is recorded and the alert ends', async () => {
    const { t, campaign, missing } = await setup();
    const b = await worker(t, 'TRAN', 'C1234562');
    setNow('2023-04-03T15:00:00+07:00');
    const [inspection] = (await t.ok('inspections.plan', { campaignId: campaign.id, rules: ['missing'], plannedOn: '2023-04-03' })).inspections;
    const recorded = await t.ok('inspections.record', { id: inspection!.id, inspectedOn: '2023-04-03', team: ['Sok Dara'], persons: [{ personId: b.id, finding: 'no_permit' }], outcome: 'notice' });
    setNow('2023-04-25T10:00:00+07:00');
    const id = recorded.persons[0]!.id;
    const noText = await t.call('inspections.proof', { inspectionPersonId: id, result: 'action', date: '2023-04-25' });
    expect(noText).toMatchObject({ ok: false, error: { code: 'inspections.actionMissing' } });
    const done = await t.ok('inspections.proof', { inspectionPersonId: id, result: 'action', date: '2023-04-25', action: 'Referred to the labour department for a fine' });
    expect(done.persons[0]).toMatchObject({ proofStatus: 'action', actionTaken: 'Referred to the labour department for a fine' });
    expect((await t.ok('alerts.list', { today: '2023-04-25', kinds: ['proof_overdue'] })).items).toEqual([]);
    void missing;
  });

  it('evidence of trafficking raises urgent referrals to the commission and the police, and an unmissable alert until acknowledged', async () => {
    const { t, missing } = await setup();
    const inspection = await t.ok('inspections.create', { targetKind: 'employer', targetId: missing.id, plannedOn: '2023-01-10' });
    expect(inspection.reason).toBe('ad_hoc');
    const recorded = await t.ok('inspections.record', {
      id: inspection.id, inspectedOn: '2023-01-10', team: ['Sok Dara'], outcome: 'referred', evidence: ['trafficking'],
      referrals: [{ authority: 'police', grounds: 'trafficking' }, { authority: 'governor', grounds: 'other_offence' }],
    });
    expect(recorded.referrals.map((r) => [r.authority, r.grounds, r.urgent]).sort()).toEqual([
      ['commission', 'trafficking', true], ['governor', 'other_offence', false], ['police', 'trafficking', true],
    ]);
    const alerts = await t.ok('alerts.list', { today: '2023-01-10' });
    const urgent = alerts.items.filter((a) => a.kind === 'urgent_referral');
    expect(urgent).toHaveLength(2);
    expect(urgent[0]).toMatchObject({ severity: 'high', label: 'Missing Co', inspectionId: inspection.id });
    // Urgent referrals come before every other alert.
    expect(alerts.items[0]!.kind).toBe('urgent_referral');
    for (const referral of recorded.referrals.filter((r) => r.urgent)) await t.ok('referrals.acknowledge', { id: referral.id });
    expect((await t.ok('alerts.list', { today: '2023-01-10', kinds: ['urgent_referral'] })).items).toEqual([]);
  });

  it('compares the declared workers with those found and lists the differences', async () => {
    const { t, campaign, onTime } = await setup();
    const [a, b, c] = [await worker(t, 'NGUYEN', 'C1234561'), await worker(t, 'TRAN', 'C1234562'), await worker(t, 'LE', 'C1234563')];
    await t.ok('declarations.record', {
      campaignId: campaign.id, targetId: onTime.id, receivedOn: '2023-01-10', skilledKm: 97, skilledForeign: 2,
      workers: [
        { personId: a.id, category: 'skilled', workStatus: 'valid_permit', permitNo: 'WP-1' },
        { personId: b.id, category: 'skilled', workStatus: 'valid_permit', permitNo: 'WP-2' },
      ],
    });
    const inspection = await t.ok('inspections.create', { campaignId: campaign.id, targetKind: 'employer', targetId: onTime.id, plannedOn: '2023-01-10' });
    const recorded = await t.ok('inspections.record', {
      id: inspection.id, inspectedOn: '2023-01-10', team: ['Sok Dara'], outcome: 'notice',
      persons: [{ personId: a.id, finding: 'permit_valid' }, { personId: c.id, finding: 'no_permit' }],
    });
    expect(recorded.declarationId).not.toBeNull();
    const diff = recorded.differences.map((d) => [d.kind, d.personId]);
    expect(diff).toEqual(expect.arrayContaining([['not_found', b.id], ['not_declared', c.id]]));
    expect(diff).not.toContainEqual(['not_found', a.id]);
    const wrong = await t.call('inspections.record', { id: inspection.id, inspectedOn: '2023-01-10', team: ['X'], outcome: 'compliant' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'inspections.alreadyRecorded' } });
  });

  it('numbers inspections by office unit, year and sequence, so two offices never issue the same number', async () => {
    const first = await setup();
    const other = await registerBackend();
    await other.ok('office.setup', { level: 'province', unitCode: '17', name: 'Siem Reap provincial police' });
    const siteThere = await other.ok('employers.create', { nameLatin: 'Angkor Hotel Works', sector: 'Construction', communeCode: '170101', workforceTotal: 20, cambodianCount: 20 });
    const numberOf = async (t: T, targetId: string, inspectedOn: string) => {
      const inspection = await t.ok('inspections.create', { targetKind: 'employer', targetId, plannedOn: inspectedOn });
      return (await t.ok('inspections.record', { id: inspection.id, inspectedOn, team: ['Sok Dara'], outcome: 'compliant' })).inspection.docNo;
    };
    expect(await numberOf(first.t, first.missing.id, '2023-01-10')).toBe('INS/12/2023/00001');
    expect(await numberOf(other, siteThere.id, '2023-01-10')).toBe('INS/17/2023/00001');
    expect(await numberOf(first.t, first.late.id, '2023-01-10')).toBe('INS/12/2023/00002');
    // A planned inspection has no number until it is recorded; a new year starts a new sequence.
    const planned = await first.t.ok('inspections.create', { targetKind: 'employer', targetId: first.onTime.id, plannedOn: '2023-01-10' });
    expect((await first.t.ok('inspections.get', { id: planned.id })).inspection.docNo).toBe('');
    setNow('2024-01-03T09:00:00+07:00');
    expect(await numberOf(first.t, first.onTime.id, '2024-01-03')).toBe('INS/12/2024/00001');
  });
});
