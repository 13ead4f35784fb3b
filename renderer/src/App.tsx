import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../shared/contract/foundation.js';
import type { AppErrorShape } from '../../shared/errors.js';
import { officeName } from '../../shared/display.js';
import { api } from './api.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { WorkerNotice } from './components/WorkerNotice.js';
import { unitName } from './components/UnitPicker.js';
import { useQuery } from './hooks.js';
import { useLanguage } from './i18n.js';
import { navigate, useRoute } from './router.js';
import { SetupScreen } from './screens/SetupScreen.js';
import { sections } from './sections.js';

export function App() {
  return (
    <>
      <WorkerNotice />
      <Screens />
    </>
  );
}

function Screens() {
  const { t } = useTranslation();
  const [office, setOffice] = useState<Office | null>();
  const [error, setError] = useState<AppErrorShape>();
  useEffect(() => {
    void api['office.get']({}).then((result) => (result.ok ? setOffice(result.value) : setError(result.error)));
  }, []);
  if (error) return <ErrorMessage error={error} />;
  if (office === undefined) return <p>{t('common.loading')}</p>;
  if (office === null) return <SetupScreen onDone={setOffice} />;
  return <Shell office={office} />;
}

function Shell({ office }: { office: Office }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [sectionId = 'home', ...rest] = useRoute();
  const section = sections.find((s) => s.id === sectionId) ?? sections[0]!;
  const unit = useQuery('gazetteer.units', { codes: office.unitCode ? [office.unitCode] : [] });
  const Screen = section.component;
  return (
    <div className="shell">
      <header className="office-header">
        <div>
          <strong>{t('app.name')}</strong>
          <span className="office-name">{t('header.office', { name: officeName(office, language), level: t(`level.${office.level}`) })}</span>
          {unit.data?.[0] ? <span className="office-unit">{t('header.unit', { unit: unitName(unit.data[0], language) })}</span> : null}
        </div>
        <LanguageSwitch />
      </header>
      <nav aria-label={t('nav.label')}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === section.id ? 'page' : undefined} onClick={() => navigate(s.id)}>
                {t(`nav.${s.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <Screen path={rest} />
      </main>
    </div>
  );
}
