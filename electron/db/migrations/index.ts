import { foundation } from './001_foundation.js';
import { builtinProvinces } from './002_builtin_provinces.js';
import { printing } from './020_printing.js';
import { registration } from './010_registration.js';
import { search } from './011_search.js';
import { syncState } from './030_sync.js';
import { stayTimes } from './040_stay_times.js';
import { passports } from './041_passports.js';
import { officeNameKm } from './044_office_name_km.js';
import { syncWritten } from './045_sync_written.js';
import { receipts } from './046_receipts.js';
import { accounts } from './050_accounts.js';
import { campaigns } from './053_campaigns.js';
import { cases } from './054_cases.js';
import { reportFacts } from './055_report_facts.js';
import { audit } from './056_audit.js';
import { backupLog } from './057_backup_log.js';
import { reportCounts } from './059_report_counts.js';
import { reportEmployment } from './060_report_employment.js';
import { syncRanges } from './061_sync_ranges.js';
import { syncMissing } from './062_sync_missing.js';
import { syncRelay } from './063_sync_relay.js';
import { reportEmployer } from './064_report_employer.js';
import { auditIndexes } from './066_audit_indexes.js';
import { changeLogTime } from './067_change_log_time.js';
import { restoreContinuation } from './068_restore_continuation.js';
import { checkRegistry, type Migration } from './registry.js';

/** Every schema change, in order. Append only: a published migration never changes. */
export const migrations: readonly Migration[] = [
  foundation, builtinProvinces, registration, search, printing, syncState, stayTimes, passports, officeNameKm, syncWritten, receipts, accounts, campaigns, cases, reportFacts, audit, backupLog, reportCounts, reportEmployment, syncRanges, syncMissing, syncRelay, reportEmployer, auditIndexes, changeLogTime, restoreContinuation,
];

checkRegistry(migrations);

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
