import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../shared/khmer.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { GazetteerImport } from '../components/GazetteerImport.js';
import { TimeZoneSetting } from '../components/TimeZoneSetting.js';
import { BundleLateSetting } from '../components/BundleLateSetting.js';
import { useQuery } from '../hooks.js';
import { useLanguage } from '../i18n.js';
import { Can, useHas } from '../session.js';
import { UsersSettings } from './accounts/UsersSettings.js';
import { KeySettings } from './keys/KeySettings.js';
import { BackupScreen } from './backup/BackupScreen.js';
import type { SectionProps } from '../sections.js';

const KNOWN_LISTS = ['gazetteer', 'code-lists', 'nationalities'] as const;

export function SettingsScreen({ path }: Partial<SectionProps> = {}) {
  if (path?.[0] === 'backup') return <BackupScreen />;
  return <OfficeSettings />;
}

function OfficeSettings() {
  const { t } = useTranslation();
  const language = useLanguage();
  const info = useQuery('info.get', {});
  const office = info.data?.office;
  const officeSettings = useHas('settings.office');
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      {info.error ? <ErrorMessage error={info.error} /> : null}
      {office ? (
        <section className="card" aria-labelledby="office-title">
          <h2 id="office-title">{t('settings.office')}</h2>
          <dl>
            <dt>{t('setup.name')}</dt>
            <dd>{language === 'km' && office.nameKm ? office.nameKm : office.name}</dd>
            <dt>{t('setup.level')}</dt>
            <dd>{t(`level.${office.level}`)}</dd>
            <dt>{t('settings.officeId')}</dt>
            <dd className="mono">{office.id}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{info.data ? formatNumber(info.data.schemaVersion, language) : null}</dd>
          </dl>
        </section>
      ) : null}
      <Can op="accounts.list">
        <UsersSettings />
      </Can>
      <Can op="keys.status">
        <KeySettings />
      </Can>
      <Can op="backup.status">
        <section className="card" aria-labelledby="backup-open">
          <h2 id="backup-open">{t('backup.title')}</h2>
          <p className="hint">{t('backup.openHint')}</p>
          <a href="#/settings/backup">{t('backup.open')}</a>
        </section>
      </Can>
      {officeSettings ? <TimeZoneSetting /> : null}
      {officeSettings && office && office.level !== 'commune' ? <BundleLateSetting /> : null}
      <section className="card" aria-labelledby="reference-title">
        <h2 id="reference-title">{t('settings.reference')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('settings.list')}</th>
              <th>{t('settings.version')}</th>
              <th>{t('settings.importedAt')}</th>
              <th>{t('settings.rows')}</th>
            </tr>
          </thead>
          <tbody>
            {(info.data?.referenceVersions ?? []).map((v) => (
              <tr key={v.list}>
                <td>{(KNOWN_LISTS as readonly string[]).includes(v.list) ? t(`settings.lists.${v.list as (typeof KNOWN_LISTS)[number]}`) : v.list}</td>
                <td className="mono">{v.version}</td>
                <td>{v.importedAt === 'builtin' || v.importedAt.startsWith('1970') ? t('settings.builtin') : formatDate(v.importedAt, language)}</td>
                <td>{formatNumber(v.rowCount, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Can op="gazetteer.import">
        <GazetteerImport onImported={info.reload} />
      </Can>
    </section>
  );
}
