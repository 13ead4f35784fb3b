import enCommon from './en/common.json' with { type: 'json' };
import kmCommon from './km/common.json' with { type: 'json' };
import enPrint from './en/print.json' with { type: 'json' };
import kmPrint from './km/print.json' with { type: 'json' };
import enSpreadsheet from './en/spreadsheet.json' with { type: 'json' };
import kmSpreadsheet from './km/spreadsheet.json' with { type: 'json' };
import enRegistrationUi from './en/registration-ui.json' with { type: 'json' };
import kmRegistrationUi from './km/registration-ui.json' with { type: 'json' };
import enSyncFormat from './en/sync-format.json' with { type: 'json' };
import kmSyncFormat from './km/sync-format.json' with { type: 'json' };
import enSync from './en/sync.json' with { type: 'json' };
import kmSync from './km/sync.json' with { type: 'json' };
import enSynctrust from './en/synctrust.json' with { type: 'json' };
import kmSynctrust from './km/synctrust.json' with { type: 'json' };
import enRegistration from './en/registration.json' with { type: 'json' };
import kmRegistration from './km/registration.json' with { type: 'json' };
import enEmployersUi from './en/employers-ui.json' with { type: 'json' };
import kmEmployersUi from './km/employers-ui.json' with { type: 'json' };
import enStays from './en/stays.json' with { type: 'json' };
import kmStays from './km/stays.json' with { type: 'json' };
import enDisplay from './en/display.json' with { type: 'json' };
import kmDisplay from './km/display.json' with { type: 'json' };
import enPackaging from './en/packaging.json' with { type: 'json' };
import kmPackaging from './km/packaging.json' with { type: 'json' };
import enInput from './en/input.json' with { type: 'json' };
import kmInput from './km/input.json' with { type: 'json' };
import enSyncflow from './en/syncflow.json' with { type: 'json' };
import kmSyncflow from './km/syncflow.json' with { type: 'json' };
import enPersons from './en/persons.json' with { type: 'json' };
import kmPersons from './km/persons.json' with { type: 'json' };
import enSyncSetup from './en/syncsetup.json' with { type: 'json' };
import kmSyncSetup from './km/syncsetup.json' with { type: 'json' };
import enCampaigns from './en/campaigns.json' with { type: 'json' };
import kmCampaigns from './km/campaigns.json' with { type: 'json' };
import enCases from './en/cases.json' with { type: 'json' };
import kmCases from './km/cases.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import kmReports from './km/reports.json' with { type: 'json' };
import enAtrest from './en/atrest.json' with { type: 'json' };
import kmAtrest from './km/atrest.json' with { type: 'json' };
import enAccounts from './en/accounts.json' with { type: 'json' };
import kmAccounts from './km/accounts.json' with { type: 'json' };
import enKeys from './en/keys.json' with { type: 'json' };
import kmKeys from './km/keys.json' with { type: 'json' };
import enBackup from './en/backup.json' with { type: 'json' };
import kmBackup from './km/backup.json' with { type: 'json' };
import enAudit from './en/audit.json' with { type: 'json' };
import kmAudit from './km/audit.json' with { type: 'json' };
import enReportRecords from './en/report-records.json' with { type: 'json' };
import kmReportRecords from './km/report-records.json' with { type: 'json' };
import enUpgrade from './en/upgrade.json' with { type: 'json' };
import kmUpgrade from './km/upgrade.json' with { type: 'json' };
import enChain from './en/chain.json' with { type: 'json' };
import kmChain from './km/chain.json' with { type: 'json' };
import enWords from './en/words.json' with { type: 'json' };
import kmWords from './km/words.json' with { type: 'json' };

/**
 * Each feature keeps its strings in its own file (`en/<feature>.json`, `km/<feature>.json`)
 * and its own keys (a shared subtree such as `errors` is fine); they are deep-merged into one
 * namespace and a key defined twice is an error. Add a feature's pair here.
 */
export const FEATURE_FILES = {
  en: [enCommon, enPrint, enSpreadsheet, enRegistrationUi, enSyncFormat, enSync, enSynctrust, enRegistration, enEmployersUi, enStays, enDisplay, enPackaging, enInput, enSyncflow, enPersons, enSyncSetup, enCampaigns, enCases, enReports, enAtrest, enAccounts, enKeys, enBackup, enAudit, enReportRecords, enUpgrade, enChain, enWords],
  km: [kmCommon, kmPrint, kmSpreadsheet, kmRegistrationUi, kmSyncFormat, kmSync, kmSynctrust, kmRegistration, kmEmployersUi, kmStays, kmDisplay, kmPackaging, kmInput, kmSyncflow, kmPersons, kmSyncSetup, kmCampaigns, kmCases, kmReports, kmAtrest, kmAccounts, kmKeys, kmBackup, kmAudit, kmReportRecords, kmUpgrade, kmChain, kmWords],
} as const;

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
/** One plain object type (not an intersection of the files): i18next's key types stay within the compiler's depth limit. */
type Simplify<T> = T extends string ? T : { [K in keyof T]: Simplify<T[K]> };
export type Messages = Simplify<UnionToIntersection<(typeof FEATURE_FILES.en)[number]>>;

export const LANGUAGES = ['km', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function mergeInto(target: Record<string, unknown>, source: object, prefix: string): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing === undefined) {
      if (typeof value === 'object' && value !== null) {
        target[key] = {};
        mergeInto(target[key] as Record<string, unknown>, value, `${prefix}${key}.`);
      } else {
        target[key] = value;
      }
    } else if (typeof existing === 'object' && existing !== null && typeof value === 'object' && value !== null) {
      mergeInto(existing as Record<string, unknown>, value, `${prefix}${key}.`);
    } else {
      throw new Error(`i18n: key "${prefix}${key}" is defined by two feature files`);
    }
  }
}

function merge(files: readonly object[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const file of files) mergeInto(merged, file, '');
  return merged;
}

export const resources = {
  en: { translation: merge(FEATURE_FILES.en) as Messages },
  km: { translation: merge(FEATURE_FILES.km) as Messages },
};
