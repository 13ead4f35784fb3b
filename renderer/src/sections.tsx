import type { ComponentType } from 'react';
import { HomeAlerts } from './components/HomeAlerts.js';
import { UrgentReferrals } from './components/UrgentReferrals.js';
import { CampaignsSection } from './screens/CampaignsSection.js';
import { ForeignersSection } from './screens/ForeignersSection.js';
import { DocumentsScreen } from './screens/DocumentsScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { PremisesSection } from './screens/PremisesSection.js';
import { ReportsScreen } from './screens/ReportsScreen.js';
import { Dashboard } from './reports/Dashboard.js';
import { SettingsScreen } from './screens/SettingsScreen.js';
import { SyncSection } from './screens/SyncSection.js';
import { CasesSection } from './screens/cases/CasesSection.js';
import { BackupReminder } from './screens/backup/BackupScreen.js';
import { Can } from './session.js';
import { AuditScreen } from './screens/AuditScreen.js';
import type { OpName } from '../../shared/contract/index.js';

/** Props every section screen gets: the route segments after its own id (`#/premises/ID` → ['ID']). */
export interface SectionProps {
  path: string[];
}

export interface Section {
  id: 'home' | 'premises' | 'foreigners' | 'cases' | 'documents' | 'campaigns' | 'sync' | 'reports' | 'audit' | 'settings';
  component: ComponentType<SectionProps>;
  /** Shown in the navigation only to roles that may call one of these (none: to everyone). */
  uses?: OpName[];
}

/** The navigation, in order. A feature replaces its placeholder here with its own screen. */
export const sections: Section[] = [
  { id: 'home', component: HomeScreen },
  { id: 'premises', component: PremisesSection },
  { id: 'foreigners', component: ForeignersSection },
  { id: 'cases', component: CasesSection },
  { id: 'documents', component: DocumentsScreen },
  { id: 'campaigns', component: CampaignsSection, uses: ['campaigns.create', 'declarations.record', 'inspections.record', 'campaigns.sendDown'] },
  { id: 'sync', component: SyncSection },
  { id: 'reports', component: ReportsScreen },
  { id: 'audit', component: AuditScreen, uses: ['audit.list'] },
  { id: 'settings', component: SettingsScreen },
];

/** Panels shown on the home screen (alerts, pending work); features append theirs. */
export const homeWidgets: ComponentType[] = [UrgentReferrals, AdminBackupReminder, Dashboard, HomeAlerts];

/** The backup reminder, for the administrator only (the only role that can back up). */
function AdminBackupReminder() {
  return (
    <Can op="backup.status">
      <BackupReminder />
    </Can>
  );
}
