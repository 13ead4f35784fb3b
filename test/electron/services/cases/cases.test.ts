import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLERK, COMMUNE_OFFICER, hotlineCase, passport, premises, PROVINCIAL_OFFICER, registerBackend } from './fixtures.js';

/** The office clock: 10 March 2026, Phnom Penh. */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T09:00:00+07:00'));
});
afterEach(() => vi.useRealTimers());

describe('complaints', () => {
  it('takes in a hotline complaint about a premises; the named reporter is redacted for roles without sensitive.read', async () => {
    const t = await registerBackend();
    const { hotel, complaint } = await hotlineCase(t);
    expect(complaint).toMatchObject({
      receivedAt: '2026-03-03T21:15:00+07:00', channel: 'hotline', status: 'received', premisesName: 'Frangipani Hotel',
      unitCode: hotel.communeCode, sensitive: true, redacted: false, reporterName: 'Chan Sopheap',
    });
    const asCommune = await t.ok('complaints.get', { id: complaint.id }, COMMUNE_OFFICER);
    expect(asCommune.complaint).toMatchObject({ reporterName: '', reporterContact: '', redacted: true, narrative: 'People held for ransom on the third floor.' });
    const asProvince = await t.ok('complaints.get', { id: complaint.id }, PROVINCIAL_OFFICER);
    expect(asProvince.complaint).toMatchObject({ reporterName: 'Chan Sopheap', reporterContact: '012 345 678', redacted: false });
    const listed = await t.ok('complaints.list', { from: '2026-03-01', to: '2026-03-31' }, CLERK);
    expect(listed.items.map((c) => [c.id, c.reporterName])).toEqual([[complaint.id, '']]);
    // The record's history does not give the reporter away either.
    const history = await t.ok('history.forRecord', { entity: 'complaint', recordId: complaint.id }, COMMUNE_OFFICER);
    expect(JSON.stringify(history)).not.toContain('Sopheap');
    expect(JSON.stringify(await t.ok('history.forRecord', { entity: 'complaint', recordId: complaint.id }, PROVINCIAL_OFFICER))).toContain('Sopheap');
  });

  it('an anonymous complaint is not sensitive; intake refuses what cannot be acted on, changing nothing', async () => {
    const t = await registerBackend();
    const anonymous = await t.ok('complaints.create', {
      receivedAt: '2026-03-04', channel: 'letter', anonymous: true, about: 'Compound behind the market, blue gate', category: 'online_scams',
    });
    expect(anonymous).toMatchObject({ sensitive: false, redacted: false, urgency: 'normal', receivedAt: '2026-03-04T00:00:00+07:00' });
    expect(await t.call('complaints.create', { receivedAt: '2026-03-04', channel: 'letter', anonymous: true, reporterName: 'X', about: 'y', category: 'drugs' }))
      .toMatchObject({ ok: false, error: { code: 'cases.anonymousNamed' } });
    expect(await t.call('complaints.create', { receivedAt: '2026-03-04', channel: 'walk_in', category: 'drugs' }))
      .toMatchObject({ ok: false, error: { code: 'cases.complaintAboutWhat' } });
    expect(await t.call('complaints.create', { receivedAt: '2026-03-11T08:00', channel: 'hotline', about: 'x', category: 'drugs' }))
      .toMatchObject({ ok: false, error: { code: 'cases.future.receivedAt' } });
    expect(await t.call('complaints.create', { receivedAt: '2026-03-04', channel: 'fax' as never, about: 'x', category: 'drugs' }))
      .toMatchObject({ ok: false, error: { code: 'validation.invalid', details: [{ code: 'validation.badChoice', params: { field: 'channel' } }] } });
    expect((await t.ok('complaints.list', {})).items).toHaveLength(1);
  });

  it('is triaged, linked, closed with a reason; its timeline tells the story; a closed complaint stays closed', async () => {
    const t = await registerBackend();
    const { complaint } = await hotlineCase(t);
    vi.setSystemTime(new Date('2026-03-04T08:00:00+07:00'));
    const assigned = await t.ok('complaints.triage', { id: complaint.id, assignedTo: 'Anti-trafficking unit, Chamkar Mon' });
    expect(assigned.status).toBe('assigned');
    expect(await t.call('complaints.triage', { id: complaint.id, assignedTo: 'Someone' }, CLERK)).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    expect(await t.call('complaints.close', { id: complaint.id, date: '2026-03-02', reason: 'unfounded' })).toMatchObject({ ok: false, error: { code: 'cases.closedBeforeReceived' } });
    expect(await t.call('complaints.close', { id: complaint.id, date: '2026-03-04', reason: 'other' })).toMatchObject({ ok: false, error: { code: 'cases.closeNoteRequired' } });
    vi.setSystemTime(new Date('2026-03-05T16:00:00+07:00'));
    const closed = await t.ok('complaints.close', { id: complaint.id, date: '2026-03-05', reason: 'referred_elsewhere', note: 'Sent to the provincial task force' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-03-05', closeReason: 'referred_elsewhere' });
    expect(await t.call('complaints.triage', { id: complaint.id, assignedTo: 'Other' })).toMatchObject({ ok: false, error: { code: 'cases.complaintClosed' } });
    const { timeline } = await t.ok('complaints.get', { id: complaint.id });
    expect(timeline.map((e) => [e.kind, e.at.slice(0, 10)])).toEqual([['received', '2026-03-03'], ['assigned', '2026-03-04'], ['closed', '2026-03-05']]);
    expect(timeline[2]!.detail).toMatchObject({ reason: 'referred_elsewhere' });
  });
});

describe('operations', () => {
  it('records what a raid found: registered by MRZ, described, victims and suspects; possible victims are redacted by role', async () => {
    const t = await registerBackend();
    const { hotel, complaint } = await hotlineCase(t);
    const op = await t.ok('operations.create', {
      heldOn: '2026-03-05', kind: 'raid_rescue', leadUnit: 'Phnom Penh military police', partners: 'Chamkar Mon district police',
      premisesId: hotel.id, complaintIds: [complaint.id],
    });
    expect(op).toMatchObject({ premisesName: 'Frangipani Hotel', unitCode: hotel.communeCode, personsFound: 0 });
    expect((await t.ok('complaints.get', { id: complaint.id })).complaint).toMatchObject({ status: 'assigned', operationId: op.id });

    const { fields, mrz } = passport(1);
    const byMrz = await t.ok('operations.addPerson', {
      operationId: op.id, found: { how: 'register', fields, source: 'mrz', mrz }, declaredVictim: true, identifiedAs: 'detention',
      referredTo: 'Department of Social Affairs shelter', noReturn: true,
    });
    expect(byMrz).toMatchObject({ redacted: false, sensitive: true, personName: `${fields.surname} ANNA MARIA`, nationality: 'MYS', noReturn: true });
    expect(await t.call('operations.addPerson', { operationId: op.id, found: { how: 'register', fields, source: 'mrz', mrz } }))
      .toMatchObject({ ok: false, error: { code: 'cases.personAlreadyFound' } });
    // A passport already in the register finds that person instead of registering a second one.
    const known = await t.ok('persons.register', { fields: passport(3).fields });
    const again = await t.ok('operations.addPerson', { operationId: op.id, found: { how: 'register', fields: passport(3).fields } });
    expect(again).toMatchObject({ redacted: false, sensitive: false, personId: known.person.id, personName: 'TESTERD ANNA MARIA' });
    const described = await t.ok('operations.addPerson', {
      operationId: op.id, found: { how: 'described', described: 'Woman, about 25, no papers', sex: 'F', nationality: 'VNM' }, declaredVictim: true,
    });
    expect(await t.call('operations.addPerson', { operationId: op.id, found: { how: 'register', fields, source: 'mrz', mrz: { line1: mrz.line1, line2: mrz.line2.replace(/.$/, '0') } } }))
      .toMatchObject({ ok: false });

    const suspect = await t.ok('operations.addSuspect', { operationId: op.id, name: 'Li Wei', sex: 'M', nationality: 'CHN', chargedOn: '2026-03-06' });
    expect(await t.call('operations.addSuspect', { operationId: op.id, sex: 'M', nationality: 'CHN' })).toMatchObject({ ok: false, error: { code: 'cases.suspectName' } });
    expect(await t.call('operations.updateSuspect', { id: suspect.id, patch: { courtOn: '2026-03-04' } })).toMatchObject({ ok: false, error: { code: 'cases.courtBeforeCharge' } });
    expect(await t.call('operations.addSuspect', { operationId: op.id, name: 'X', sex: 'M', nationality: 'CHN', chargedOn: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'cases.chargedBeforeOperation' } });
    expect(await t.ok('operations.updateSuspect', { id: suspect.id, patch: { courtOn: '2026-03-07' } })).toMatchObject({ chargedOn: '2026-03-06', courtOn: '2026-03-07' });

    const full = await t.ok('operations.get', { id: op.id }, PROVINCIAL_OFFICER);
    expect(full.operation).toMatchObject({ personsFound: 3, declaredVictims: 2, identifiedVictims: 1, suspects: 1, suspectsCharged: 1 });
    expect(full.persons.filter((p) => !p.redacted)).toHaveLength(3);
    const limited = await t.ok('operations.get', { id: op.id }, COMMUNE_OFFICER);
    expect(limited.persons.map((p) => p.redacted)).toEqual([true, false, true]);
    expect(JSON.stringify(limited.persons)).not.toMatch(/Woman, about 25|shelter|TESTERB/);
    expect(limited.complaints[0]).toMatchObject({ redacted: true, reporterName: '' });
    const history = await t.ok('history.forRecord', { entity: 'case_person', recordId: described.id }, COMMUNE_OFFICER);
    expect(history).toHaveLength(1);
    expect(JSON.stringify(history)).not.toContain('Woman');
    // A person found becomes protected once identified, and stays so.
    const later = await t.ok('operations.updatePerson', { id: again.id, patch: { identifiedAs: 'forced_labour' } }, COMMUNE_OFFICER);
    expect(later).toEqual({ id: again.id, operationId: op.id, redacted: true, sensitive: true });
  });

  it('closes the site temporarily with its legal reason and operation; the premises then refuses new stays until reopened', async () => {
    const t = await registerBackend();
    const { hotel } = await hotlineCase(t);
    const op = await t.ok('operations.create', { heldOn: '2026-03-05', kind: 'raid', leadUnit: 'Provincial police', premisesId: hotel.id });
    await t.ok('premises.close', { id: hotel.id, status: 'temporarily_closed', date: '2026-03-05', reason: 'Law on Suppression of Human Trafficking, art. 15', operationId: op.id });
    const { fields } = passport(2);
    expect(await t.call('stays.checkIn', { premisesId: hotel.id, arrivedAt: '2026-03-06T10:00', fields })).toMatchObject({
      ok: false, error: { code: 'cases.premisesClosedTemporarily', params: { name: 'Frangipani Hotel', date: '2026-03-05' } },
    });
    const person = await t.ok('persons.register', { fields });
    expect(await t.call('stays.arrive', { personId: person.person.id, premisesId: hotel.id, arrivedAt: '2026-03-06T10:00' }))
      .toMatchObject({ ok: false, error: { code: 'cases.premisesClosedTemporarily' } });
    expect((await t.ok('operations.get', { id: op.id })).premisesActions).toMatchObject([
      { action: 'closed_temporarily', onDate: '2026-03-05', legalReason: 'Law on Suppression of Human Trafficking, art. 15', operationId: op.id },
    ]);
    expect(await t.call('premises.reopen', { id: hotel.id, operationId: '019cbad0-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'record.notFound' } });
    expect((await t.ok('premises.get', { id: hotel.id })).premises.status).toBe('temporarily_closed');
    await t.ok('premises.reopen', { id: hotel.id, date: '2026-03-09', reason: 'Investigation closed by the prosecutor' });
    expect(await t.ok('stays.checkIn', { premisesId: hotel.id, arrivedAt: '2026-03-09T10:00', fields })).toMatchObject({ personStatus: 'existing' });
    expect((await t.ok('cases.premisesActions', { premisesId: hotel.id })).map((a) => a.action)).toEqual(['reopened', 'closed_temporarily']);
    expect(await t.call('operations.create', { heldOn: '2026-03-05', kind: 'raid', leadUnit: 'X' })).toMatchObject({ ok: false, error: { code: 'cases.operationTarget' } });
    expect(await t.call('operations.create', { heldOn: '2026-03-11', kind: 'raid', leadUnit: 'X', target: 'y' })).toMatchObject({ ok: false, error: { code: 'cases.future.heldOn' } });
  });
});

describe('statistics', () => {
  it('counts complaints per month, declared vs identified victims by sex, suspects charged by nationality, sites closed, for a period and unit', async () => {
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
    await t.ok('operations.addSuspect', { operationId: op.id, name: 'A', sex: 'M', nationality: 'CHN', chargedOn: '2026-03-06' });
    await t.ok('operations.addSuspect', { operationId: op.id, name: 'B', sex: 'M', nationality: 'CHN', chargedOn: '2026-03-06', courtOn: '2026-03-08' });
    await t.ok('operations.addSuspect', { operationId: op.id, name: 'C', sex: 'F', nationality: 'KHM', chargedOn: '2026-03-07' });
    await t.ok('operations.addSuspect', { operationId: op.id, name: 'D', sex: 'M', nationality: 'VNM' });
    await t.ok('premises.close', { id: hotel.id, status: 'temporarily_closed', date: '2026-03-05', reason: 'pending investigation', operationId: op.id });
    await t.ok('premises.close', { id: other.id, status: 'permanently_closed', date: '2026-03-06', reason: 'court order' });

    const march = await t.ok('cases.stats', { from: '2026-03-01', to: '2026-03-31', unitCode: hotel.provinceCode });
    expect(march).toMatchObject({
      complaints: 1, complaintsByMonth: [{ month: '2026-03', count: 1 }], operations: 1, personsFound: 4,
      declaredVictims: { M: 2, F: 1, X: 0, total: 3 }, identifiedVictims: { M: 1, F: 1, X: 0, total: 2 }, identifiedByKind: [{ kind: 'trafficking', count: 2 }],
      referredNoReturn: 2, suspectsCharged: 3, suspectsChargedByNationality: [{ nationality: 'CHN', count: 2 }, { nationality: 'KHM', count: 1 }],
      suspectsSentToCourt: 1, sitesClosedPermanently: 1, sitesClosedTemporarily: 1, sitesReopened: 0,
    });
    const twoMonths = await t.ok('cases.stats', { from: '2026-02-01', to: '2026-03-31' });
    expect(twoMonths.complaintsByMonth).toEqual([{ month: '2026-02', count: 1 }, { month: '2026-03', count: 1 }]);
    const elsewhere = await t.ok('cases.stats', { from: '2026-03-01', to: '2026-03-31', unitCode: '01' });
    expect(elsewhere).toMatchObject({ complaints: 0, personsFound: 0, suspectsCharged: 0, sitesClosedPermanently: 0, sitesClosedTemporarily: 0 });
    const oneDay = await t.ok('cases.stats', { from: '2026-03-06', to: '2026-03-06' });
    expect(oneDay).toMatchObject({ suspectsCharged: 2, sitesClosedPermanently: 1, sitesClosedTemporarily: 0, personsFound: 0 });
    expect(await t.call('cases.stats', { from: '2026-03-31', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'cases.periodOrder' } });
    // Counts are not sensitive: every role gets the same figures.
    expect(await t.ok('cases.stats', { from: '2026-03-01', to: '2026-03-31' }, CLERK)).toEqual(await t.ok('cases.stats', { from: '2026-03-01', to: '2026-03-31' }, PROVINCIAL_OFFICER));
  });
});

describe('cases errors people can read', () => {
  it('has a message in English and Khmer for every cases error the backend throws', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { resources } = await import('../../../../shared/i18n/resources.js');
    const dir = new URL('../../../../electron/services/cases/', import.meta.url);
    const source = [...readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8')), readFileSync(new URL('../registration/stays.ts', dir), 'utf8')].join('\n');
    const codes = new Set<string>();
    for (const m of source.matchAll(/AppError\(['`]cases\.([\w.]+?)(\.\$\{field\})?['`]/g)) {
      if (m[2]) for (const field of ['receivedAt', 'heldOn', 'chargedOn', 'courtOn', 'closedOn']) codes.add(`${m[1]}.${field}`);
      else codes.add(m[1]!);
    }
    codes.delete('badTime.heldOn'); codes.delete('badTime.chargedOn'); codes.delete('badTime.courtOn'); codes.delete('badTime.closedOn');
    expect(codes.size).toBeGreaterThan(15);
    for (const lang of ['en', 'km'] as const) {
      const errors = (resources[lang].translation as { errors: { cases: Record<string, unknown> } }).errors.cases;
      for (const code of codes) {
        const message = code.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors);
        expect(typeof message, `${lang}: errors.cases.${code}`).toBe('string');
      }
    }
  });
});
