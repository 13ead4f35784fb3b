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
import type { Session } from '../../shared/contract/accounts.js';
import { userName } from '../../shared/user-name.js';
import { CreateAdminScreen } from './screens/accounts/CreateAdminScreen.js';
import { LockScreen } from './screens/accounts/LockScreen.js';
import { LoginScreen } from './screens/accounts/LoginScreen.js';
import { SessionContext, useCanCheck, useIdleLock, useSession } from './session.js';
import { UnlockScreen } from './screens/keys/UnlockScreen.js';

export function App() {
  return (
    <>
      <WorkerNotice />
      <Screens />
    </>
  );
}

/** The register first: locked (its key must be typed, keys.unlock) or open, then the screens. */
function Screens() {
  const { t } = useTranslation();
  const [locked, setLocked] = useState<boolean>();
  useEffect(() => {
    void api['keys.unlockState']({}).then((result) => setLocked(result.ok && result.value.locked));
  }, []);
  if (locked === undefined) return <p>{t('common.loading')}</p>;
  if (locked) return <UnlockScreen onUnlocked={() => setLocked(false)} />;
  return <OpenScreens />;
}

function OpenScreens() {
  const { t } = useTranslation();
  const [office, setOffice] = useState<Office | null>();
  const [session, setSession] = useState<Session>();
  const [error, setError] = useState<AppErrorShape>();
  const signedIn = session?.user?.id ?? null;
  useEffect(() => {
    void api['session.current']({}).then((result) => (result.ok ? setSession(result.value) : setError(result.error)));
  }, []);
  useEffect(() => {
    // Read again on every sign-in: signed out, only the office's name is readable.
    void api['office.get']({}).then((result) => (result.ok ? setOffice(result.value) : setError(result.error)));
  }, [signedIn]);
  if (error) return <ErrorMessage error={error} />;
  if (office === undefined || session === undefined) return <p>{t('common.loading')}</p>;
  return (
    <SessionContext.Provider value={{ session, setSession }}>
      {office === null && (session.needsAdmin || session.user) ? (
        <SetupScreen onDone={setOffice} />
      ) : session.needsAdmin ? (
        <CreateAdminScreen />
      ) : !session.user ? (
        <LoginScreen />
      ) : session.locked ? (
        <LockScreen />
      ) : office === null ? (
        <SetupScreen onDone={setOffice} />
      ) : (
        <Shell office={office} />
      )}
    </SessionContext.Provider>
  );
}

/** Who is signed in, with Lock and Switch user. */
function UserBar() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session, setSession } = useSession();
  useIdleLock();
  if (!session.user) return null;
  const run = async (op: 'session.lock' | 'session.logout') => {
    const result = await api[op]({});
    if (result.ok) setSession(result.value);
  };
  return (
    <div className="user-bar">
      <span>{t('accounts.header.user', { name: userName(session.user, language), role: t(`accounts.role.${session.user.role}`) })}</span>
      <button type="button" onClick={() => void run('session.lock')}>
        {t('accounts.header.lock')}
      </button>
      <button type="button" onClick={() => void run('session.logout')}>
        {t('accounts.header.switch')}
      </button>
    </div>
  );
}

function Shell({ office }: { office: Office }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [sectionId = 'home', ...rest] = useRoute();
  const section = sections.find((s) => s.id === sectionId) ?? sections[0]!;
  const unit = useQuery('gazetteer.units', { codes: office.unitCode ? [office.unitCode] : [] });
  const Screen = section.component;
  const can = useCanCheck();
  return (
    <div className="shell">
      <header className="office-header">
        <div>
          <strong>{t('app.name')}</strong>
          <span className="office-name">{t('header.office', { name: officeName(office, language), level: t(`level.${office.level}`) })}</span>
          {unit.data?.[0] ? <span className="office-unit">{t('header.unit', { unit: unitName(unit.data[0], language) })}</span> : null}
        </div>
        <div className="header-end">
          <UserBar />
          <LanguageSwitch />
        </div>
      </header>
      <nav aria-label={t('nav.label')}>
        <ul>
          {sections.filter((s) => !s.uses || s.uses.some(can)).map((s) => (
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
