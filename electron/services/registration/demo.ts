import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors.js';
import { buildTd3, parseTd3 } from '../../../shared/mrz.js';
import type { HandlerContext, HandlerTable } from '../../backend/context.js';
import { addDays } from '../../db/alerts.js';
import { insertRecord, nowIso, type WriteContext } from '../../db/changes.js';
import { employerEntity, employmentEntity } from '../../db/employers.js';
import { ownerEntity, premisesOwnerEntity } from '../../db/owners.js';
import { nameKey, passportKey, personEntity } from '../../db/persons.js';
import { premisesEntity } from '../../db/premises.js';
import { stayEntity } from '../../db/stays.js';
import { today } from './common.js';
import * as words from './demo-data.js';

const BATCH = 5000;

/** Small, fast, seeded PRNG (mulberry32): the same seed gives the same register. */
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
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const weighted = <T extends [unknown, number, ...unknown[]]>(list: readonly T[]): T => {
    let r = next() * list.reduce((s, e) => s + e[1], 0);
    for (const entry of list) if ((r -= entry[1]) < 0) return entry;
    return list[0]!;
  };
  return { next, int, pick, weighted };
}

function communes(ctx: HandlerContext) {
  const all = (ctx.db.prepare("SELECT id FROM admin_unit WHERE level = 'commune' AND retired = 0 ORDER BY id").all() as { id: string }[]).map((r) => r.id);
  if (all.length === 0) throw new AppError('registration.demo.noCommunes');
  // Foreigners cluster in Phnom Penh, Preah Sihanouk and Siem Reap.
  const hot = (p: string) => all.filter((c) => c.startsWith(p));
  return { all, pp: hot('12'), ps: hot('18'), sr: hot('17') };
}

export const demoHandlers: Pick<HandlerTable, 'registration.demo'> = {
  'registration.demo': (ctx, request) => {
    const started = performance.now();
    const day = today(ctx.db, request);
    const rnd = random(request.seed);
    const places = communes(ctx);
    const commune = () => {
      const r = rnd.next();
      const list = r < 0.4 ? places.pp : r < 0.65 ? places.ps : r < 0.75 ? places.sr : places.all;
      return rnd.pick(list.length > 0 ? list : places.all);
    };
    const writer: WriteContext = { ...ctx.writer(), now: () => createdAt };
    let createdAt = nowIso();
    const db = ctx.db;
    // Seeded ids: the same seed gives the same register, and no system-random call per record.
    const idBytes = new Uint8Array(16);
    const newId = () => {
      for (let i = 0; i < 16; i++) idBytes[i] = rnd.int(256);
      return uuidv7({ random: idBytes });
    };
    db.pragma('cache_size = -65536');
    const total = request.persons;
    const counts = { persons: 0, premises: 0, owners: 0, employers: 0, stays: 0, employments: 0 };
    const premisesIds: string[] = [];
    const employerIds: string[] = [];
    const offset = (db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n;

    const addPremises = () => {
      const [type, , typeEn, typeKm] = rnd.weighted(words.PREMISES_TYPES);
      const w = rnd.int(words.PREMISES_WORDS.length);
      const code = commune();
      const id = newId();
      const row = {
        name_latin: `${words.PREMISES_WORDS[w]} ${rnd.pick(words.PREMISES_WORDS)} ${typeEn}`, name_km: `${typeKm}${words.PREMISES_WORDS_KM[w]}`,
        type, province_code: code.slice(0, 2), district_code: code.slice(0, 4), commune_code: code, village: `Phum ${1 + rnd.int(12)}`,
        street: `Street ${1 + rnd.int(600)}`, house_no: String(1 + rnd.int(300)), latitude: null, longitude: null,
        rooms: 5 + rnd.int(80), beds: null, business_reg_no: `${10000 + rnd.int(89999)}`, phone: '', status: 'open', closed_on: null,
        close_reason: '', pledge_status: rnd.weighted([['signed', 55], ['printed', 15], ['none', 30]] as const)[0], created_at: createdAt,
      };
      insertRecord(writer, premisesEntity, id, row);
      const ownerId = newId();
      const owner = {
        surname: rnd.pick(words.OWNER_SURNAMES), given_names: rnd.pick(words.OWNER_GIVEN), name_km: '', sex: rnd.next() < 0.5 ? 'M' : 'F',
        birth_date: addDays('1955-01-01', rnd.int(14000)), nationality: 'KHM', id_kind: 'khmer_id', id_number: String(100000000 + rnd.int(899999999)), phone: `0${12 + rnd.int(87)}${100000 + rnd.int(899999)}`, created_at: createdAt,
      };
      insertRecord(writer, ownerEntity, ownerId, owner);
      insertRecord(writer, premisesOwnerEntity, newId(), { owner_id: ownerId, premises_id: id, role: rnd.next() < 0.8 ? 'owner' : 'manager', since: null });
      premisesIds.push(id);
      counts.premises++;
      counts.owners++;
    };

    const addEmployer = () => {
      const code = commune();
      const id = newId();
      const totalStaff = 20 + rnd.int(2000);
      const row = {
        name_latin: `${rnd.pick(words.PREMISES_WORDS)} ${rnd.pick(words.PREMISES_WORDS)} Co., Ltd.`, name_km: `ក្រុមហ៊ុន ${rnd.pick(words.PREMISES_WORDS_KM)}`,
        registration_no: `000${10000 + rnd.int(89999)}`, sector: rnd.pick(words.SECTORS), province_code: code.slice(0, 2), district_code: code.slice(0, 4),
        commune_code: code, village: '', street: `Street ${1 + rnd.int(600)}`, house_no: String(1 + rnd.int(300)),
        workforce_total: totalStaff, cambodian_count: Math.round(totalStaff * (0.8 + rnd.next() * 0.19)), phone: '', created_at: createdAt,
      };
      insertRecord(writer, employerEntity, id, row);
      employerIds.push(id);
      counts.employers++;
    };

    const addPerson = (i: number) => {
      const [nationality, , prefix] = rnd.weighted(words.NATIONALITY_WEIGHTS);
      const names = words.namesFor(nationality);
      const surname = rnd.pick(names.surnames);
      const given = rnd.next() < 0.5 ? rnd.pick(names.given) : `${rnd.pick(names.given)} ${rnd.pick(names.given)}`;
      const sex = rnd.next() < 0.62 ? 'M' : 'F';
      const birth = addDays('1960-01-01', rnd.int(16000));
      // Unique per index: 7919 is prime to 10^8.
      const passportNo = `${prefix}${String(((i + 1) * 7919 + request.seed * 104729) % 100_000_000).padStart(8, '0')}`;
      const expiryRoll = rnd.next();
      const expiry = addDays(day, expiryRoll < 0.03 ? -1 - rnd.int(400) : expiryRoll < 0.05 ? rnd.int(30) : 31 + rnd.int(3600));
      const mrz = buildTd3({ issuingState: nationality, surname, givenNames: given, documentNumber: passportNo, nationality, birthDate: birth, sex, expiryDate: expiry });
      if (i % 10_000 === 0 && !parseTd3(mrz.line1, mrz.line2, day).valid) throw new AppError('internal', { op: 'registration.demo', message: 'invalid MRZ' });
      const [visaType] = rnd.weighted(words.VISA_TYPES);
      const diplomatic = rnd.next() < 0.003 ? 1 : 0;
      const khmer = words.KHMER_NAMES[surname];
      const firstGiven = given.split(' ')[0]!;
      const id = newId();
      const row = {
        surname, given_names: given, name_km: khmer && words.KHMER_NAMES[firstGiven] ? `${khmer} ${words.KHMER_NAMES[firstGiven]}` : '', sex, birth_date: birth,
        nationality, passport_no: passportNo, issuing_state: nationality, passport_issued: addDays(expiry, -3652), passport_expiry: expiry,
        visa_type: diplomatic ? 'D' : visaType, visa_no: `V${String(rnd.int(1e8)).padStart(8, '0')}`, visa_expiry: addDays(day, -20 + rnd.int(380)),
        entry_date: addDays(day, -rnd.int(700)), entry_point: rnd.pick(words.ENTRY_POINTS), diplomatic, phone: '', note: '', source: 'demo',
        merged_into: null, name_key: nameKey(surname, given), passport_key: passportKey(passportNo), created_at: createdAt,
      };
      insertRecord(writer, personEntity, id, row);
      counts.persons++;
      const arrived = addDays(row.entry_date, rnd.int(10));
      const lateRoll = rnd.next();
      const reported = `${addDays(arrived, lateRoll < 0.05 ? 2 + rnd.int(10) : rnd.int(2) * 0)}T${String(15 + rnd.int(9)).padStart(2, '0')}:00:00+07:00`;
      const departed = rnd.next() < 0.12 ? addDays(arrived, 1 + rnd.int(200)) : null;
      const departedOn = departed && departed < day ? departed : null;
      // Office local times (+07:00): arrival in the morning, report the same afternoon unless late.
      insertRecord(writer, stayEntity, newId(), {
        person_id: id, premises_id: rnd.pick(premisesIds), room: String(100 + rnd.int(500)), arrived_at: `${arrived}T${String(6 + rnd.int(8)).padStart(2, '0')}:00:00+07:00`,
        reported_at: reported, departed_on: departedOn, departed_at: departedOn ? `${departedOn}T11:00:00+07:00` : null, late: lateRoll < 0.05 ? 1 : 0, change_reason: '',
      });
      counts.stays++;
      if (rnd.next() < 0.6) {
        const [status] = rnd.weighted([['valid_permit', 70], ['application_submitted', 15], ['no_permit', 10], ['exempt', 5]] as const);
        insertRecord(writer, employmentEntity, newId(), {
          person_id: id, employer_id: rnd.pick(employerIds), job_title: rnd.pick(words.JOB_TITLES), start_date: arrived, end_date: null,
          work_permit_no: status === 'valid_permit' ? `WP${String(rnd.int(1e8)).padStart(8, '0')}` : '',
          work_permit_expiry: status === 'valid_permit' ? addDays(day, -15 + rnd.int(380)) : null, employment_card_no: '',
          work_status: status, receipt_no: status === 'application_submitted' && rnd.next() < 0.9 ? `R${rnd.int(1e7)}` : '',
        });
        counts.employments++;
      }
    };

    for (let done = 0; done < total; done += BATCH) {
      if (ctx.cancelled()) throw new AppError('registration.demo.cancelled', { done });
      createdAt = nowIso();
      const end = Math.min(total, done + BATCH);
      db.transaction(() => {
        if (premisesIds.length === 0) addPremises();
        if (employerIds.length === 0) addEmployer();
        for (let i = done; i < end; i++) {
          if (rnd.next() < 0.2) addPremises();
          if (rnd.next() < 0.05) addEmployer();
          addPerson(offset + i);
        }
      })();
      ctx.progress(end, total, 'progress.saving');
    }
    return { ...counts, ms: Math.round(performance.now() - started) };
  },
};
