import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { applyRemote, deleteRecord, insertRecord, updateRecord, type WriteContext } from '../../../../electron/db/changes.js';
import { employerEntity, employmentEntity, FOREIGN_CAP } from '../../../../electron/db/employers.js';
import { personEntity } from '../../../../electron/db/persons.js';
import { premisesEntity } from '../../../../electron/db/premises.js';
import { stayEntity } from '../../../../electron/db/stays.js';
import { REPORT_QUERIES, runReport } from '../../../../electron/services/reports/index.js';
import { dashboard } from '../../../../electron/services/reports/dashboard.js';
import { figureRecords } from '../../../../electron/services/reports/records.js';
import { recordFigure } from '../../../../shared/contract/reports.js';
import { splitPeriod } from '../../../../electron/services/reports/counts.js';
import { monthsBetween } from '../../../../electron/services/reports/registration.js';
import { and, between, inUnit, ofNationality, where, type Where } from '../../../../electron/services/reports/sql.js';
import type { RawRow, ReportFilters, ReportQuery } from '../../../../electron/services/reports/types.js';
import type { Office } from '../../../../shared/contract/foundation.js';
import { LOCAL_OPERATOR } from '../../../../shared/actor.js';
import { registerBackend } from '../registration/fixtures.js';
import { countTables } from './counts-check.js';

/**
 * Migration 59's counts against the plain queries: random registers (local writes, edits,
 * departures, moves, deletions, merges and records applied from another office in any order), then
 * every register report under every filter, once through the counts and once through the plain
 * joins of the record tables below, must give the same result.
 */
const TODAY = '2026-03-01';
const STAYS = 'FROM stay s LEFT JOIN person p ON p.id = s.person_id LEFT JOIN premises pr ON pr.id = s.premises_id';
type Row = Record<string, number | string | null>;
const all = (db: Database, sql: string, w: Where) => db.prepare(sql).all(...w.params) as Row[];
const rows = (list: Row[]): RawRow[] => list.map(({ k, ...values }) => ({ key: k === null ? '' : String(k), values }));
const scope = (f: ReportFilters) => and(inUnit('pr.commune_code', f), ofNationality('p.nationality', f));
const arrivedOn = 'substr(s.arrived_at, 1, 10)';

const present = (k: (f: ReportFilters) => string): ReportQuery => (db, f) => {
  const w = and({ sql: 's.departed_on IS NULL', params: [] }, scope(f));
  return { main: rows(all(db, `SELECT ${k(f)} AS k, count(*) AS present ${STAYS} ${where(w)} GROUP BY k ORDER BY present DESC, k`, w)) };
};
const timeliness = (db: Database, f: ReportFilters, k: string) => {
  const w = and(between(arrivedOn, f.from, f.to), scope(f));
  return rows(all(db, `SELECT ${k} AS k, count(*) AS reported, count(*) - sum(s.late) AS onTime, sum(s.late) AS late ${STAYS} ${where(w)} GROUP BY k ORDER BY k`, w));
};

/** The register reports written as plain joins of stay, person and premises. */
const PLAIN: Record<string, ReportQuery> = {
  'foreigners-by-nationality': present(() => 'p.nationality'),
  'foreigners-by-unit': present((f) => `substr(pr.commune_code, 1, ${f.groupLength})`),
  'foreigners-by-premises-type': present(() => 'pr.type'),
  'foreigners-by-visa-type': present(() => "coalesce(p.visa_type, 'none')"),
  'arrivals-departures': (db, f) => {
    const count = (date: string) => {
      const w = and(between(date, f.from, f.to), scope(f));
      return new Map(all(db, `SELECT substr(${date}, 1, 7) AS k, count(*) AS n ${STAYS} ${where(w)} GROUP BY k`, w).map((r) => [r.k, r.n]));
    };
    const [arrivals, departures] = [count(arrivedOn), count('s.departed_on')];
    return { main: monthsBetween(f.from, f.to).map((m) => ({ key: m, values: { arrivals: arrivals.get(m) ?? 0, departures: departures.get(m) ?? 0 } })) };
  },
  timeliness: (db, f) => {
    const byMonth = new Map(timeliness(db, f, `substr(${arrivedOn}, 1, 7)`).map((r) => [r.key, r]));
    return {
      byUnit: timeliness(db, f, `substr(pr.commune_code, 1, ${f.groupLength})`),
      byMonth: monthsBetween(f.from, f.to).map((m) => byMonth.get(m) ?? { key: m, values: { reported: 0, onTime: 0, late: 0 } }),
    };
  },
  'foreigners-by-work-status': (db, f) => {
    const w = and({ sql: 'e.end_date IS NULL', params: [] }, inUnit('m.commune_code', f));
    const join = f.unit ? 'JOIN employer m ON m.id = e.employer_id' : '';
    return { main: rows(all(db, `SELECT e.work_status AS k, count(*) AS employed FROM employment e ${join} ${where(w)} GROUP BY k ORDER BY employed DESC, k`, w)) };
  },
  'employers-quota': (db, f) => {
    const w = and(inUnit('m.commune_code', f));
    const perEmployer = `SELECT m.id, m.name_latin, m.name_km, m.registration_no, m.commune_code, m.workforce_total AS workforce,
        max(0, m.workforce_total - m.cambodian_count) AS declared, coalesce(r.n, 0) AS registered
      FROM employer m LEFT JOIN (SELECT employer_id, count(*) AS n FROM employment WHERE end_date IS NULL GROUP BY employer_id) r ON r.employer_id = m.id
      ${where(w)}`;
    const cap = FOREIGN_CAP;
    const byUnit = all(db, `SELECT substr(commune_code, 1, ${f.groupLength}) AS k, count(*) AS employers, sum(workforce) AS workforce, sum(declared) AS foreignDeclared,
        sum(registered) AS foreignRegistered, sum(CAST(workforce * ${cap} AS INTEGER)) AS allowed, sum(CAST(workforce * 0.03 AS INTEGER)) AS allowedOffice,
        sum(CAST(workforce * 0.06 AS INTEGER)) AS allowedSkilled, sum(CAST(workforce * 0.01 AS INTEGER)) AS allowedUnskilled,
        sum(max(declared, registered) > workforce * ${cap}) AS overQuota
      FROM (${perEmployer}) GROUP BY k ORDER BY k`, w);
    const over = all(db, `SELECT id, name_latin, name_km, registration_no, workforce, max(declared, registered) AS foreignDeclared,
        CAST(workforce * ${cap} AS INTEGER) AS allowed, max(declared, registered) - CAST(workforce * ${cap} AS INTEGER) AS excess
      FROM (${perEmployer}) WHERE max(declared, registered) > workforce * ${cap} ORDER BY excess DESC, name_latin LIMIT 200`, w);
    return {
      byUnit: rows(byUnit),
      overQuota: over.map(({ id, name_latin, name_km, registration_no, ...values }) => ({
        key: String(id), label: { en: String(name_latin), km: String(name_km || name_latin) }, values: { registrationNo: registration_no ?? '', ...values },
      })),
    };
  },
  pledges: (db, f) => {
    const w = and({ sql: "status <> 'permanently_closed'", params: [] }, inUnit('commune_code', f));
    return {
      main: rows(all(db, `SELECT substr(commune_code, 1, ${f.groupLength}) AS k, count(*) AS premises, sum(pledge_status = 'signed') AS signed,
        sum(pledge_status = 'printed') AS printed, sum(pledge_status = 'none') AS none FROM premises ${where(w)} GROUP BY k ORDER BY k`, w)),
    };
  },
};

/** A report run with the plain queries in place of the counts. */
function plainRun(db: Database, request: Parameters<typeof runReport>[1]) {
  const saved = REPORT_QUERIES[request.name]!;
  REPORT_QUERIES[request.name] = PLAIN[request.name]!;
  try {
    return runReport(db, request);
  } finally {
    REPORT_QUERIES[request.name] = saved;
  }
}

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

// Three provinces; two districts of Phnom Penh with two communes each.
const COMMUNES = ['120101', '120109', '120201', '120202', '170101', '170102', '180101'];
const NATIONALITIES = ['CHN', 'VNM', 'D', 'DEU', 'THA', 'KOR'];
const VISAS = ['EB', 'T', 'ER', null];
const TYPES = ['hotel', 'guesthouse', 'factory', 'rental'];
// Around TODAY and the end of the 30-day window (2026-03-31), and far away.
const EXPIRIES = ['2026-02-28', '2026-03-01', '2026-03-15', '2026-03-31', '2026-04-01', '2030-01-01'];

const pad = (n: number) => String(n).padStart(2, '0');
let serial = 0;
const uuid = (n: number) => `0190f000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

async function randomRegister(seed: number) {
  const t = await registerBackend();
  const { db } = t;
  const r = random(seed);
  const local: WriteContext = { db, actor: LOCAL_OPERATOR, originOffice: 'local-office' };
  const premises: string[] = [];
  const persons: string[] = [];
  const stays: string[] = [];
  const day = () => `${r.pick(['2025', '2026'])}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`.replace(/^2026-(0[4-9]|1[0-2])/, '2026-03');
  const premisesRow = () => {
    const commune = r.pick(COMMUNES);
    return {
      name_latin: `Site ${++serial}`, type: r.pick(TYPES), province_code: commune.slice(0, 2), district_code: commune.slice(0, 4), commune_code: commune,
      status: r.pick(['open', 'open', 'temporarily_closed', 'permanently_closed']), pledge_status: r.pick(['none', 'printed', 'signed']), created_at: '2025-01-01T00:00:00+07:00',
    };
  };
  const personRow = () => {
    const nationality = r.pick(NATIONALITIES);
    const passport = `P${String(++serial).padStart(8, '0')}`;
    return {
      surname: `DOE${serial}`, given_names: 'JANE', sex: r.pick(['F', 'M']), birth_date: '1990-01-01', nationality, passport_no: passport, issuing_state: nationality,
      passport_expiry: r.pick(EXPIRIES), visa_type: r.pick(VISAS), visa_expiry: r.pick([null, ...EXPIRIES]), diplomatic: r.int(12) === 0 ? 1 : 0, source: 'manual', name_key: `doe${serial} jane`, passport_key: passport, created_at: '2025-01-01T00:00:00+07:00',
    };
  };
  const stayRow = (personId: string, premisesId: string) => {
    const arrived = day();
    const departed = r.int(3) === 0 ? arrived.replace(/-\d\d$/, '-28') : null;
    return { person_id: personId, premises_id: premisesId, arrived_at: `${arrived}T${pad(r.int(24))}:15:00+07:00`, reported_at: `${arrived}T23:59:00+07:00`, departed_on: departed, late: r.int(2) };
  };

  const employers: string[] = [];
  const jobs: string[] = [];
  const employerRow = () => {
    const commune = r.pick(COMMUNES);
    const workforce = 5 + r.int(60);
    return { name_latin: `Employer ${++serial}`, province_code: commune.slice(0, 2), district_code: commune.slice(0, 4), commune_code: commune,
      workforce_total: workforce, cambodian_count: workforce - r.int(8), created_at: '2025-01-01T00:00:00+07:00' };
  };
  const jobRow = (personId: string) => ({
    person_id: personId, employer_id: r.int(15) === 0 ? uuid(700_000 + serial) : r.pick(employers), start_date: '2025-01-01',
    end_date: r.int(4) === 0 ? '2026-01-31' : null, work_status: r.pick(['valid_permit', 'application_submitted', 'no_permit', 'exempt']),
  });
  for (let i = 0; i < 4; i++) { const id = uuid(++serial); insertRecord(local, employerEntity, id, employerRow()); employers.push(id); }
  for (let i = 0; i < 6; i++) { const id = uuid(++serial); insertRecord(local, premisesEntity, id, premisesRow()); premises.push(id); }
  for (let i = 0; i < 10; i++) { const id = uuid(++serial); insertRecord(local, personEntity, id, personRow()); persons.push(id); }
  for (let i = 0; i < 10; i++) { const id = uuid(++serial); insertRecord(local, employmentEntity, id, jobRow(r.pick(persons))); jobs.push(id); }

  // Records of another office arrive in any order: stays before their person or premises.
  const remote: { entity: typeof personEntity; change: Parameters<typeof applyRemote>[2] }[] = [];
  const remoteRevision = new Map<string, number>();
  const queueRemote = (entity: typeof personEntity, op: 'insert' | 'update' | 'delete', id: string, data: Row | null) => {
    const revision = (remoteRevision.get(id) ?? 0) + 1;
    remoteRevision.set(id, revision);
    remote.push({ entity, change: { op, id, origin: 'remote-office', revision, actor: 'remote-user', at: '2026-02-01T00:00:00Z', data } });
  };
  const remoteIds = { premises: [] as string[], persons: [] as string[], stays: [] as string[] };
  for (let i = 0; i < 3; i++) { const id = uuid(++serial); queueRemote(premisesEntity, 'insert', id, premisesRow()); remoteIds.premises.push(id); }
  for (let i = 0; i < 6; i++) { const id = uuid(++serial); queueRemote(personEntity, 'insert', id, personRow()); remoteIds.persons.push(id); }
  for (let i = 0; i < 12; i++) { const id = uuid(++serial); queueRemote(stayEntity, 'insert', id, stayRow(r.pick(remoteIds.persons), r.pick(remoteIds.premises))); remoteIds.stays.push(id); }
  for (const id of remoteIds.stays.slice(0, 4)) queueRemote(stayEntity, 'update', id, { departed_on: '2026-02-10', departed_at: '2026-02-10T10:00:00+07:00' });
  queueRemote(personEntity, 'update', remoteIds.persons[0]!, { nationality: 'LAO', issuing_state: 'LAO' });
  queueRemote(premisesEntity, 'update', remoteIds.premises[0]!, { commune_code: '170102', district_code: '1701', province_code: '17', type: 'factory' });
  queueRemote(stayEntity, 'delete', remoteIds.stays[5]!, null);
  // Inserts in shuffled order (each record's later revisions stay after its insert).
  const inserts = remote.filter((x) => x.change.op === 'insert').sort(() => r.next() - 0.5);
  const later = remote.filter((x) => x.change.op !== 'insert');
  let remoteAt = 0;
  const applyNextRemote = () => {
    const next = remoteAt < inserts.length ? inserts[remoteAt] : later[remoteAt - inserts.length];
    remoteAt++;
    if (next) applyRemote(local, next.entity, next.change);
  };

  for (let step = 0; step < 320; step++) {
    const roll = r.int(100);
    if (roll < 6) { const id = uuid(++serial); insertRecord(local, premisesEntity, id, premisesRow()); premises.push(id); }
    else if (roll < 14) { const id = uuid(++serial); insertRecord(local, personEntity, id, personRow()); persons.push(id); }
    else if (roll < 40) {
      const id = uuid(++serial);
      // Now and then a stay whose premises or person is not (yet) in the register.
      const personId = r.int(20) === 0 ? uuid(900_000 + step) : r.pick(persons);
      insertRecord(local, stayEntity, id, stayRow(personId, r.int(25) === 0 ? uuid(800_000 + step) : r.pick(premises)));
      stays.push(id);
    } else if (roll < 50 && stays.length) {
      const id = r.pick(stays);
      const departed = r.int(4) === 0 ? null : `2026-0${1 + r.int(2)}-${pad(1 + r.int(28))}`;
      updateRecord(local, stayEntity, id, { departed_on: departed, departed_at: departed ? `${departed}T09:00:00+07:00` : null });
    } else if (roll < 55 && stays.length) updateRecord(local, stayEntity, r.pick(stays), { premises_id: r.pick(premises) });
    else if (roll < 58 && stays.length) updateRecord(local, stayEntity, r.pick(stays), { late: r.int(2), arrived_at: `${day()}T08:00:00+07:00` });
    else if (roll < 64) updateRecord(local, personEntity, r.pick(persons), { nationality: r.pick(NATIONALITIES), visa_type: r.pick(VISAS) });
    else if (roll < 68) {
      const commune = r.pick(COMMUNES);
      updateRecord(local, premisesEntity, r.pick(premises), { commune_code: commune, district_code: commune.slice(0, 4), province_code: commune.slice(0, 2), type: r.pick(TYPES) });
    } else if (roll < 72) updateRecord(local, premisesEntity, r.pick(premises), { status: r.pick(['open', 'temporarily_closed', 'permanently_closed']), pledge_status: r.pick(['none', 'printed', 'signed']) });
    else if (roll < 75 && stays.length > 3) { const id = stays.splice(r.int(stays.length), 1)[0]!; deleteRecord(local, stayEntity, id); }
    else if (roll < 76 && persons.length > 3) { const id = persons.splice(r.int(persons.length), 1)[0]!; deleteRecord(local, personEntity, id); }
    else if (roll < 77 && premises.length > 3) { const id = premises.splice(r.int(premises.length), 1)[0]!; deleteRecord(local, premisesEntity, id); }
    else if (roll < 85 && persons.length > 3) {
      // Jobs: taken, ended, changed status or employer, deleted; an employer's workforce corrected.
      const pickJob = r.int(5);
      if (pickJob < 3 || jobs.length === 0) { const id = uuid(++serial); insertRecord(local, employmentEntity, id, jobRow(r.pick(persons))); jobs.push(id); }
      else if (pickJob === 3 && r.int(2)) updateRecord(local, employmentEntity, r.pick(jobs), { end_date: r.int(2) ? '2026-02-01' : null, work_status: r.pick(['valid_permit', 'no_permit']) });
      else if (pickJob === 3) updateRecord(local, employmentEntity, r.pick(jobs), { employer_id: r.pick(employers) });
      else { const id = jobs.splice(r.int(jobs.length), 1)[0]!; deleteRecord(local, employmentEntity, id); }
      if (r.int(6) === 0) { const id = uuid(++serial); insertRecord(local, employerEntity, id, employerRow()); employers.push(id); }
      if (r.int(6) === 0) updateRecord(local, employerEntity, r.pick(employers), { workforce_total: 10 + r.int(40), cambodian_count: 9 });
    } else if (roll < 89 && persons.length > 3) {
      // A merge through the service: the merged person's stays move to the kept one.
      const [keepId, mergeId] = [r.pick(persons), r.pick(persons)];
      if (keepId !== mergeId) {
        const result = await t.call('duplicates.merge', { keepId, mergeId, take: {} });
        if (result.ok) persons.splice(persons.indexOf(mergeId), 1);
      }
    } else applyNextRemote();
    if (step === 130) expect(countTables(db).held).toEqual(countTables(db).recounted);
  }
  while (remoteAt < inserts.length + later.length) applyNextRemote();
  return t;
}

const PERIODS: [string | undefined, string | undefined][] = [
  [undefined, undefined], ['2025-01-01', '2025-12-31'], ['2025-02-14', '2025-11-03'], ['2025-06-03', '2025-06-20'], ['2025-05-01', '2025-05-31'],
  ['2025-12-15', '2026-01-10'], ['2024-11-01', '2026-03-01'],
];
const UNITS = [undefined, '12', '1201', '120109', '17', '18', '01'];

describe('report counts (migration 59) give the same results as the plain queries', () => {
  it('splits a period into whole months and the days at either end', () => {
    expect(splitPeriod('2025-12-01', '2026-11-30')).toEqual({ months: ['2025-12', '2026-11'], edges: [] });
    expect(splitPeriod('2025-02-14', '2025-11-03')).toEqual({
      months: ['2025-03', '2025-10'],
      edges: [{ start: '2025-02-14', end: '2025-03-01', endIncluded: false }, { start: '2025-11-01', end: '2025-11-03', endIncluded: true }],
    });
    expect(splitPeriod('2025-06-03', '2025-06-20')).toEqual({ months: null, edges: [{ start: '2025-06-03', end: '2025-06-20', endIncluded: true }] });
    expect(splitPeriod('2024-02-01', '2024-02-29').months).toEqual(['2024-02', '2024-02']);
    expect(splitPeriod('2025-12-15', '2026-01-10').months).toBeNull();
  });

  it('employers over the quota: the 200 furthest over, ties by name, when more than 200 are over', async () => {
    const t = await registerBackend();
    const local: WriteContext = { db: t.db, actor: LOCAL_OPERATOR, originOffice: 'local-office' };
    const r = random(7);
    const employers: string[] = [];
    for (let i = 0; i < 420; i++) {
      const commune = r.pick(COMMUNES);
      const id = uuid(500_000 + i);
      // Few distinct excesses (many ties at the 200th), names not in id order.
      insertRecord(local, employerEntity, id, { name_latin: `Employer ${String(r.int(60)).padStart(2, '0')}`, province_code: commune.slice(0, 2), district_code: commune.slice(0, 4),
        commune_code: commune, workforce_total: 10 * (1 + r.int(3)), cambodian_count: 10 * (1 + r.int(3)) - r.int(6), created_at: '2025-01-01T00:00:00+07:00' });
      employers.push(id);
    }
    const person = uuid(600_000);
    insertRecord(local, personEntity, person, { surname: 'DOE', given_names: 'JO', sex: 'F', birth_date: '1990-01-01', nationality: 'CHN', passport_no: 'P1', issuing_state: 'CHN',
      passport_expiry: '2030-01-01', source: 'manual', name_key: 'doe jo', passport_key: 'P1', created_at: '2025-01-01T00:00:00+07:00' });
    for (let i = 0; i < 300; i++) insertRecord(local, employmentEntity, uuid(610_000 + i), { person_id: person, employer_id: r.pick(employers), start_date: '2025-01-01', end_date: null, work_status: 'no_permit' });
    for (const unit of [undefined, '12', '1201']) {
      const request = { name: 'employers-quota', today: TODAY, ...(unit && { unit }) };
      const counted = runReport(t.db, request);
      expect(counted, unit).toEqual(plainRun(t.db, request));
      if (!unit) expect(counted.tables.find((x) => x.id === 'overQuota')!.rows).toHaveLength(200);
    }
  });

  for (const seed of [1, 2, 3]) {
    it(`a random register (seed ${seed}): every register report under every filter, and the home figures`, async () => {
      const t = await randomRegister(seed);
      const { db } = t;
      expect(countTables(db).held).toEqual(countTables(db).recounted);
      const count = (sql: string) => db.prepare(sql).pluck().get() as number;
      expect(count('SELECT count(*) FROM stay')).toBeGreaterThan(50);
      // What the random run did: records from the other office, merges, departures, stays without their person or premises.
      expect(count("SELECT count(*) FROM stay WHERE origin_office = 'remote-office'")).toBeGreaterThan(5);
      expect(count('SELECT count(*) FROM person WHERE merged_into IS NOT NULL')).toBeGreaterThan(0);
      expect(count('SELECT count(*) FROM stay WHERE departed_on IS NOT NULL')).toBeGreaterThan(5);
      expect(count('SELECT count(*) FROM employment WHERE end_date IS NULL')).toBeGreaterThan(5);
      expect(count('SELECT count(*) FROM stay s WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = s.person_id)')).toBeGreaterThan(0);
      let compared = 0;
      for (const name of Object.keys(PLAIN)) {
        const definition = (await t.ok('reports.list', {})).find((d) => d.name === name)!;
        for (const unit of definition.params.includes('unit') ? UNITS : [undefined]) {
          for (const nationality of definition.params.includes('nationality') ? [undefined, 'DEU', 'CHN'] : [undefined]) {
            for (const [from, to] of definition.params.includes('period') ? PERIODS : [[undefined, undefined]]) {
              const request = { name, today: TODAY, ...(unit && { unit }), ...(nationality && { nationality }), ...(from && { from, to }) };
              const counted = runReport(db, request);
              expect(counted, JSON.stringify(request)).toEqual(plainRun(db, request));
              compared += counted.tables.reduce((n, x) => n + x.rows.length, 0);
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(200);

      // Home figures: per province at the national office, per commune at a province's.
      const staying = (length: number, unit: string) => Object.fromEntries((db.prepare(`SELECT substr(pr.commune_code, 1, ${length}) AS k, count(*) AS n, sum(s.late) AS late ${STAYS}
        WHERE s.departed_on IS NULL AND pr.commune_code LIKE ? GROUP BY k`).all(`${unit}%`) as { k: string; n: number; late: number }[]).map((x) => [x.k, [x.n, x.late]]));
      const unsigned = (length: number, unit: string) => Object.fromEntries((db.prepare(`SELECT substr(commune_code, 1, ${length}) AS k, count(*) AS n FROM premises
        WHERE status <> 'permanently_closed' AND pledge_status <> 'signed' AND commune_code LIKE ? GROUP BY k`).all(`${unit}%`) as { k: string; n: number }[]).map((x) => [x.k, x.n]));
      // Foreigners present (an open stay or an open employment), diplomats aside, with a passport or visa expiring from the office's
      // today to 30 days after, each once, at the commune of an open stay, else of the employer (the Home alerts' group counts the same).
      const expiring = (length: number, unit: string, day: string) => Object.fromEntries((db.prepare(`SELECT substr(place, 1, ${length}) AS k, count(*) AS n FROM (
          SELECT p.id, coalesce(
            (SELECT min(pr.commune_code) FROM stay s JOIN premises pr ON pr.id = s.premises_id WHERE s.person_id = p.id AND s.departed_on IS NULL),
            (SELECT min(em.commune_code) FROM employment e JOIN employer em ON em.id = e.employer_id WHERE e.person_id = p.id AND e.end_date IS NULL)) AS place
          FROM person p WHERE p.diplomatic = 0 AND p.merged_into IS NULL
            AND (p.passport_expiry BETWEEN ? AND date(?, '+30 days') OR p.visa_expiry BETWEEN ? AND date(?, '+30 days'))
            AND (EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.departed_on IS NULL) OR EXISTS (SELECT 1 FROM employment e WHERE e.person_id = p.id AND e.end_date IS NULL)))
        WHERE place LIKE ? GROUP BY k`)
        .all(day, day, day, day, `${unit}%`) as { k: string; n: number }[]).map((x) => [x.k, x.n]));
      for (const day of ['2026-02-28', TODAY, '2026-03-16']) {
        const board = dashboard(db, { level: 'province', unitCode: '12' } as unknown as Office, day);
        expect(Object.fromEntries(board.rows.filter((x) => x.documentsExpiring > 0).map((x) => [x.unit, x.documentsExpiring])), day).toEqual(expiring(6, '12', day));
      }
      expect(Object.values(expiring(2, '', TODAY)).reduce((a, b) => a + b, 0)).toBeGreaterThan(3);
      for (const [office, length, unit] of [[{ level: 'national' }, 2, ''], [{ level: 'province', unitCode: '12' }, 6, '12']] as const) {
        const board = dashboard(db, office as unknown as Office, TODAY);
        expect(Object.fromEntries(board.rows.filter((x) => x.documentsExpiring > 0).map((x) => [x.unit, x.documentsExpiring]))).toEqual(expiring(length, unit, TODAY));
        const seen = Object.fromEntries(board.rows.filter((x) => x.staying > 0).map((x) => [x.unit, [x.staying, x.lateStaying]]));
        expect(seen).toEqual(staying(length, unit));
        expect(Object.fromEntries(board.rows.filter((x) => x.premisesWithoutPledge > 0).map((x) => [x.unit, x.premisesWithoutPledge]))).toEqual(unsigned(length, unit));
        // Each figure opens its records: as many as the figure, per unit and for the office.
        for (const row of [...board.rows, board.total]) {
          for (const figure of recordFigure.options) {
            const shown = figure === 'reported30' ? row.reported30 : row[figure];
            expect(figureRecords(db, { figure, unit: row.unit || undefined, today: TODAY, after: null, limit: 5 }).total, `${row.unit} ${figure}`).toBe(shown);
          }
        }
      }
      // Page by page, the records are the total, each once; a nationality narrows them like the by-nationality report.
      for (const figure of recordFigure.options) {
        const seen: string[] = [];
        let after: (string | number)[] | null = null;
        for (;;) {
          const found = figureRecords(db, { figure, unit: '12', today: TODAY, after, limit: 7 });
          seen.push(...found.items.map((x) => x.id));
          if (!found.nextCursor) { expect(new Set(seen).size).toBe(found.total); expect(seen.length).toBe(found.total); break; }
          after = JSON.parse(Buffer.from(found.nextCursor, 'base64url').toString()) as (string | number)[];
        }
      }
      for (const nationality of ['DEU', 'CHN']) {
        const report = runReport(db, { name: 'foreigners-by-nationality', unit: '12', today: TODAY });
        const row = report.tables[0]!.rows.find((x) => x.key === nationality);
        expect(figureRecords(db, { figure: 'staying', unit: '12', nationality, today: TODAY, after: null, limit: 1 }).total).toBe(row ? row.cells[0] : 0);
      }
    }, 120_000);
  }
});
