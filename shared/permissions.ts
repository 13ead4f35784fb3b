import type { Actor } from './actor.js';
import type { OpName } from './contract/index.js';

/** The roles a user account can have. */
export const ROLES = ['administrator', 'commune-officer', 'clerk', 'provincial-officer', 'national-analyst'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role may do besides calling an operation: things checked inside operations
 * (reading a record marked sensitive, seeing a complaint's reporter).
 */
export const CAPABILITIES = ['sensitive.read', 'settings.office'] as const;
export type Capability = (typeof CAPABILITIES)[number];

const EVERYONE: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ['administrator'];
/** Enter and correct registrations and print. */
const REGISTRARS: readonly Role[] = ['commune-officer', 'clerk', 'provincial-officer'];
/** Decisions a clerk may not take: merges, closures, deletions. */
const OFFICERS: readonly Role[] = ['commune-officer', 'provincial-officer'];
/** Run inspections (a province's work on the ground). */
const CAMPAIGNERS: readonly Role[] = ['provincial-officer'];
/**
 * Make and close declaration campaigns: a province for its own units, the national office (its analysts,
 * who publish what goes down to every office) for the whole country. The scope is checked against the office.
 */
const CAMPAIGN_PLANNERS: readonly Role[] = ['provincial-officer', 'national-analyst'];
/** Move bundles between offices. */
const COURIERS: readonly Role[] = ['administrator', 'commune-officer', 'provincial-officer'];

/**
 * The one permission table: every operation names the roles that may call it. The type makes a
 * new operation without an entry a compile error; the boundary checks it on every call, and the
 * screens use it to hide what a role cannot do.
 */
export const OPERATION_ROLES = {
  'app.info': EVERYONE,
  'office.get': EVERYONE,
  'office.setup': ADMIN,
  'info.get': EVERYONE,
  'settings.get': EVERYONE,
  // Everyone keeps their language; the office's settings need `settings.office` (checked by the handler).
  'settings.set': EVERYONE,
  'reference.codeLists': EVERYONE,
  'reference.nationalities': EVERYONE,
  'reference.versions': EVERYONE,
  'gazetteer.units': EVERYONE,
  'gazetteer.import': ADMIN,
  'gazetteer.bundled': EVERYONE,
  'gazetteer.importBundled': ADMIN,
  'history.forRecord': EVERYONE,
  'jobs.cancel': EVERYONE,
  'passports.list': EVERYONE,
  'passports.add': REGISTRARS,
  'persons.compareScan': REGISTRARS,
  'print.pledge': REGISTRARS,
  'print.declarationCard': REGISTRARS,
  'print.receipt': REGISTRARS,
  'print.batch': REGISTRARS,
  'pledge.recordSigned': REGISTRARS,
  'print.verifyReceipt': EVERYONE,
  'premises.create': REGISTRARS,
  'premises.update': REGISTRARS,
  'premises.close': OFFICERS,
  'premises.reopen': OFFICERS,
  'premises.get': EVERYONE,
  'premises.list': EVERYONE,
  'owners.create': REGISTRARS,
  'owners.update': REGISTRARS,
  'owners.get': EVERYONE,
  'owners.list': EVERYONE,
  'owners.link': REGISTRARS,
  'owners.unlink': REGISTRARS,
  'persons.register': REGISTRARS,
  'persons.update': REGISTRARS,
  'persons.get': EVERYONE,
  'persons.list': EVERYONE,
  'persons.search': EVERYONE,
  'employers.create': REGISTRARS,
  'employers.update': REGISTRARS,
  'employers.get': EVERYONE,
  'employers.list': EVERYONE,
  'employment.record': REGISTRARS,
  'employment.update': REGISTRARS,
  'employment.end': REGISTRARS,
  'duplicates.list': EVERYONE,
  'duplicates.compare': EVERYONE,
  'duplicates.merge': OFFICERS,
  'duplicates.dismiss': OFFICERS,
  'alerts.list': EVERYONE,
  'mrz.parse': EVERYONE,
  'registration.stats': EVERYONE,
  'registration.demo': ADMIN,
  'sync.status': EVERYONE,
  'sync.keysCreate': ADMIN,
  'sync.keyCard': ADMIN,
  'sync.keyCardPdf': ADMIN,
  'sync.cardCheck': ADMIN,
  'sync.directoryAdd': ADMIN,
  'sync.directoryRevoke': ADMIN,
  'sync.directorySign': ADMIN,
  'sync.directoryView': EVERYONE,
  'sync.directoryCheck': ADMIN,
  'sync.directoryImport': ADMIN,
  'sync.directoryExport': ADMIN,
  'sync.export': COURIERS,
  'sync.import': COURIERS,
  'sync.bundlesWritten': EVERYONE,
  'sync.writeAgain': COURIERS,
  'sync.inspect': COURIERS,
  'sync.history': EVERYONE,
  'sync.conflicts': EVERYONE,
  'sync.resolveConflict': OFFICERS,
  'sync.annotate': OFFICERS,
  'sync.annotations': EVERYONE,
  'sync.recordState': EVERYONE,
  'spreadsheet.upload': REGISTRARS,
  'spreadsheet.inspect': REGISTRARS,
  'spreadsheet.import': REGISTRARS,
  'stays.arrive': REGISTRARS,
  'stays.move': REGISTRARS,
  'stays.checkIn': REGISTRARS,
  'stays.depart': REGISTRARS,
  'stays.undoDeparture': REGISTRARS,
  'stays.correct': REGISTRARS,
  'stays.delete': OFFICERS,
  // Campaigns and inspections (issue 12): a province or the national office makes campaigns, a province
  // inspects, the offices below record what comes back.
  'campaigns.create': CAMPAIGN_PLANNERS,
  'campaigns.close': CAMPAIGN_PLANNERS,
  'campaigns.list': EVERYONE,
  'campaigns.get': EVERYONE,
  'campaigns.targets': EVERYONE,
  'declarations.record': REGISTRARS,
  'declarations.get': EVERYONE,
  'inspections.plan': CAMPAIGNERS,
  'inspections.create': CAMPAIGNERS,
  'inspections.record': CAMPAIGNERS,
  'inspections.proof': CAMPAIGNERS,
  'inspections.refer': CAMPAIGNERS,
  'referrals.acknowledge': CAMPAIGNERS,
  'inspections.get': EVERYONE,
  'inspections.list': EVERYONE,
  'print.inspectionReport': REGISTRARS,
  'print.campaignNotice': REGISTRARS,
  'campaigns.sendDown': COURIERS,
  // Cases (complaints, operations, closures): intake at any office; decisions and outcomes by officers.
  // Reporters and possible victims are further narrowed by the capability `sensitive.read`.
  'complaints.create': REGISTRARS,
  'complaints.triage': OFFICERS,
  'complaints.close': OFFICERS,
  'complaints.get': EVERYONE,
  'complaints.list': EVERYONE,
  'operations.create': OFFICERS,
  'operations.get': EVERYONE,
  'operations.list': EVERYONE,
  'operations.addPerson': OFFICERS,
  'operations.updatePerson': OFFICERS,
  'operations.addSuspect': OFFICERS,
  'operations.updateSuspect': OFFICERS,
  'cases.premisesActions': EVERYONE,
  'cases.stats': EVERYONE,
  // Reports: everyone reads them, the national analyst above all.
  'reports.list': EVERYONE,
  'reports.run': EVERYONE,
  'reports.dashboard': EVERYONE,
  'reports.records': EVERYONE,
  // Accounts: the session operations are answered by the transport for whoever is signed in.
  'session.current': EVERYONE,
  'session.login': EVERYONE,
  'session.logout': EVERYONE,
  'session.lock': EVERYONE,
  'session.unlock': EVERYONE,
  'accounts.status': EVERYONE,
  'accounts.authenticate': EVERYONE,
  // Refused by the handler once any account exists.
  'accounts.createFirstAdmin': EVERYONE,
  'accounts.list': ADMIN,
  'accounts.create': ADMIN,
  'accounts.update': ADMIN,
  'accounts.resetPassword': ADMIN,
  'accounts.setActive': ADMIN,
  'accounts.setIdleMinutes': ADMIN,
  'reports.export': EVERYONE,
  // The register's key and backups (issue 11 items 4–5): the office administrator only. A locked
  // register is opened before anyone can sign in: whoever holds the recovery key or a passphrase.
  'keys.unlockState': EVERYONE,
  'keys.unlock': EVERYONE,
  'keys.status': ADMIN,
  'keys.recoverySheet': ADMIN,
  'keys.rotate': ADMIN,
  'backup.status': ADMIN,
  'backup.create': ADMIN,
  'backup.restore': ADMIN,
  'backup.setReminder': ADMIN,
  // The audit of reads and writes (issue 11): the administrator filters, exports and verifies it.
  'audit.list': ADMIN,
  'audit.verify': ADMIN,
  'audit.export': ADMIN,
  // The chain of offices: which office made a record (screens mark records received from another office).
  'records.origin': EVERYONE,
} as const satisfies Record<OpName, readonly Role[]>;

export const CAPABILITY_ROLES = {
  'sensitive.read': ['provincial-officer', 'national-analyst', 'administrator'],
  'settings.office': ['administrator'],
} as const satisfies Record<Capability, readonly Role[]>;

export function roleMayCall(role: Role, op: OpName): boolean {
  return (OPERATION_ROLES[op] as readonly Role[]).includes(role);
}

export function roleHas(role: Role, capability: Capability): boolean {
  return (CAPABILITY_ROLES[capability] as readonly Role[]).includes(role);
}

/**
 * Whether this actor may run this operation. An actor with a role is held to the table; the
 * role-less local operator and system actors (before accounts exist on an installation) may do all.
 */
export function canPerform(actor: Actor, op: OpName): boolean {
  if (actor.role) return roleMayCall(actor.role, op);
  // A signed-in user always has a role; one without is refused everything.
  return actor.kind === 'local-operator' || actor.kind === 'cli' || actor.kind === 'system';
}

/** Settings each person may change for themselves; every other setting is the office's (`settings.office`). */
export const PERSONAL_SETTINGS: readonly string[] = ['ui.language'];

/** Whether this actor has a capability checked inside operations. */
export function actorHas(actor: Actor, capability: Capability): boolean {
  if (actor.role) return roleHas(actor.role, capability);
  // Before accounts exist the one local operator is the whole office, as in `canPerform`.
  return actor.kind === 'local-operator' || actor.kind === 'cli' || actor.kind === 'system';
}
