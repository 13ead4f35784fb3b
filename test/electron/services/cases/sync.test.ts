import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_CSV } from '../../../helpers/db.js';
import { enrol, exportOne, importAll, makeOffice, type Office } from '../../sync/world.js';
import { COMMUNE_OFFICER, passport, PROVINCIAL_OFFICER } from './fixtures.js';

async function call<N extends Parameters<Office['ok']>[0]>(office: Office, op: N, input: Parameters<Office['ok']>[1] & object, actor: typeof COMMUNE_OFFICER) {
  const result = await office.backend.call(op, input as never, actor);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as Awaited<ReturnType<Office['ok']>>;
}

describe('cases travel up by bundle', () => {
  it('a commune case reaches the province whole; the reporter and victims stay readable only by the allowed role there', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Phnom Penh', national);
    const commune = await makeOffice('commune', 'Tonle Basak', province);
    await enrol(national, [province, commune]);
    for (const office of [province, commune]) await office.ok('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER_CSV, 'utf8') });

    const hotel = await commune.ok('premises.create', { nameLatin: 'Frangipani Hotel', type: 'hotel', communeCode: '120101' });
    const complaint = await commune.ok('complaints.create', {
      receivedAt: '2026-03-03T21:15', channel: 'hotline', reporterName: 'Chan Sopheap', premisesId: hotel.id, category: 'human_trafficking', urgency: 'immediate',
    });
    const op = await commune.ok('operations.create', { heldOn: '2026-03-05', kind: 'raid_rescue', leadUnit: 'Military police', premisesId: hotel.id, complaintIds: [complaint.id] });
    const { fields, mrz } = passport(4);
    await commune.ok('operations.addPerson', { operationId: op.id, found: { how: 'register', fields, source: 'mrz', mrz }, declaredVictim: true, identifiedAs: 'trafficking', noReturn: true, referredTo: 'Shelter' });
    await commune.ok('operations.addPerson', { operationId: op.id, found: { how: 'described', described: 'Man with a tattoo', sex: 'M', nationality: 'THA' } });
    await commune.ok('operations.addSuspect', { operationId: op.id, name: 'Li Wei', sex: 'M', nationality: 'CHN', chargedOn: '2026-03-06' });
    await commune.ok('premises.close', { id: hotel.id, status: 'temporarily_closed', date: '2026-03-05', reason: 'Pending investigation', operationId: op.id });

    const [result] = await importAll(province, [await exportOne(commune)]);
    expect(result?.status, JSON.stringify(result?.error)).toBe('applied');
    for (const entity of ['complaint', 'operation', 'case_person', 'case_suspect', 'premises_action']) {
      expect(result?.summary.perEntity[entity]?.inserted, entity).toBeGreaterThan(0);
    }

    const seen = await call(province, 'complaints.get', { id: complaint.id }, PROVINCIAL_OFFICER) as { complaint: { reporterName: string; operationId: string }; timeline: { kind: string }[] };
    expect(seen.complaint).toMatchObject({ reporterName: 'Chan Sopheap', operationId: op.id });
    // The link is dated when it was recorded (today), the operation on its own day.
    expect(seen.timeline.map((e) => e.kind).sort()).toEqual(['linkedOperation', 'operation', 'outcome', 'premisesAction', 'received']);
    expect(seen.timeline[0]?.kind).toBe('received');
    const hidden = await call(province, 'complaints.get', { id: complaint.id }, COMMUNE_OFFICER) as { complaint: { reporterName: string; redacted: boolean } };
    expect(hidden.complaint).toMatchObject({ reporterName: '', redacted: true });
    const outcome = await call(province, 'operations.get', { id: op.id }, COMMUNE_OFFICER) as { persons: { redacted: boolean }[] };
    expect(outcome.persons.map((p) => p.redacted)).toEqual([true, false]);
    const full = await call(province, 'operations.get', { id: op.id }, PROVINCIAL_OFFICER) as { persons: { redacted: boolean; referredTo?: string }[] };
    expect(full.persons[0]).toMatchObject({ redacted: false, referredTo: 'Shelter' });

    const stats = await province.ok('cases.stats', { from: '2026-03-01', to: '2026-03-31', unitCode: '12' });
    expect(stats).toEqual(await commune.ok('cases.stats', { from: '2026-03-01', to: '2026-03-31', unitCode: '12' }));
    expect(stats).toMatchObject({ complaints: 1, personsFound: 2, identifiedVictims: { total: 1 }, suspectsCharged: 1, sitesClosedTemporarily: 1 });
    expect((await province.ok('premises.get', { id: hotel.id })).premises.status).toBe('temporarily_closed');
  });
});
