import { v7 as uuidv7 } from 'uuid';
import { actorHas, PERSONAL_SETTINGS } from '../../shared/permissions.js';
import { AppError } from '../../shared/errors.js';
import { isTimeZone, TIME_ZONE_SETTING } from '../../shared/local-time.js';
import { CODE_LISTS, CODE_LISTS_VERSION } from '../../shared/reference/codelists.js';
import { NATIONALITIES } from '../../shared/reference/nationalities.js';
import { APP_VERSION } from '../../shared/version.js';
import type { HandlerTable } from '../backend/context.js';
import { insertRecord, nowIso, readRecord, updateRecord } from '../db/changes.js';
import { getUnit, listUnits, referenceVersions } from '../db/gazetteer.js';
import { recordHistory } from '../db/history.js';
import { getOffice, officeEntity } from '../db/office.js';
import { schemaVersion } from '../db/open.js';
import { settingEntity } from '../db/settings.js';
import { gazetteerImportHandler } from './gazetteer-import.js';
import { historyFor } from './cases/protect.js';
import { BUNDLE_LATE_DAYS_SETTING, MAX_BUNDLE_LATE_DAYS, parseBundleLateDays } from '../../shared/reports/bundles.js';

const UNIT_LEVEL_FOR_OFFICE = { commune: 'commune', province: 'province', national: null } as const;

/** Tables counted by `info.get`; features add theirs. */
export const COUNTED_TABLES = ['admin_unit', 'change_log', 'premises', 'owner', 'person', 'stay', 'employer', 'employment', 'duplicate_review'];

type FoundationOp =
  | 'app.info' | 'office.get' | 'office.setup' | 'info.get' | 'settings.get' | 'settings.set'
  | 'reference.codeLists' | 'reference.nationalities' | 'reference.versions'
  | 'gazetteer.units' | 'gazetteer.import' | 'history.forRecord' | 'jobs.cancel';

export const foundationHandlers: Pick<HandlerTable, FoundationOp> = {
  'app.info': (ctx) => ({ appVersion: APP_VERSION, schemaVersion: schemaVersion(ctx.db) }),

  'office.get': (ctx) => ctx.office(),

  'office.setup': (ctx, request) => {
    if (ctx.office()) throw new AppError('office.alreadySetUp');
    const expectedLevel = UNIT_LEVEL_FOR_OFFICE[request.level];
    if (expectedLevel) {
      const unit = getUnit(ctx.db, request.unitCode);
      if (!unit) throw new AppError('office.unknownUnit', { code: request.unitCode });
      if (unit.level !== expectedLevel) throw new AppError('office.unitLevelMismatch', { code: request.unitCode, level: request.level });
    }
    const id = uuidv7();
    const createdAt = nowIso();
    // The office is its own origin: its id is what every later record it creates carries.
    insertRecord({ ...ctx.writer(), originOffice: id }, officeEntity, id, {
      level: request.level,
      unit_code: expectedLevel ? request.unitCode : '',
      name: request.name,
      name_km: request.nameKm,
      created_at: createdAt,
    });
    const office = getOffice(ctx.db);
    if (!office) throw new AppError('internal', { op: 'office.setup', message: 'office not stored' });
    return office;
  },

  'info.get': (ctx) => {
    const counts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const exists = ctx.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
      if (exists) counts[table] = (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return { office: ctx.office(), schemaVersion: schemaVersion(ctx.db), counts, referenceVersions: referenceVersionsWithCodeLists(ctx.db) };
  },

  'settings.get': (ctx, request) => {
    const row = readRecord(ctx.db, settingEntity, request.key);
    return row ? String(row.value) : null;
  },

  'settings.set': (ctx, request) => {
    if (!PERSONAL_SETTINGS.includes(request.key) && !actorHas(ctx.actor, 'settings.office')) throw new AppError('boundary.forbidden', { op: 'settings.set' });
    if (request.key === TIME_ZONE_SETTING && !isTimeZone(request.value)) throw new AppError('stays.timeZone', { value: request.value });
    if (request.key === BUNDLE_LATE_DAYS_SETTING && parseBundleLateDays(request.value) === null) {
      throw new AppError('reports.bundleLateDays', { value: request.value, max: MAX_BUNDLE_LATE_DAYS });
    }
    const writer = ctx.writer();
    if (readRecord(ctx.db, settingEntity, request.key)) updateRecord(writer, settingEntity, request.key, { value: request.value });
    else insertRecord(writer, settingEntity, request.key, { value: request.value });
    return { key: request.key, value: request.value };
  },

  'reference.codeLists': () => ({ version: CODE_LISTS_VERSION, lists: CODE_LISTS }),

  'reference.nationalities': () => [...NATIONALITIES],

  'reference.versions': (ctx) => referenceVersionsWithCodeLists(ctx.db),

  'gazetteer.units': (ctx, request) => listUnits(ctx.db, request),

  'gazetteer.import': gazetteerImportHandler,

  'history.forRecord': (ctx, request) => historyFor(ctx, request.entity, request.recordId, recordHistory(ctx.db, request.entity, request.recordId)),

  'jobs.cancel': (ctx, request) => ({ cancelled: ctx.jobs.cancel(request.jobId) }),
};

function referenceVersionsWithCodeLists(db: Parameters<typeof referenceVersions>[0]) {
  return [
    ...referenceVersions(db),
    { list: 'code-lists', version: CODE_LISTS_VERSION, importedAt: 'builtin', rowCount: Object.values(CODE_LISTS).reduce((n, l) => n + l.length, 0) },
    { list: 'nationalities', version: 'i18n-iso-countries+icao9303', importedAt: 'builtin', rowCount: NATIONALITIES.length },
  ];
}
