import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { userName } from '../../../../shared/user-name.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { LabelledControl } from '../../components/LabelledControl.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useLanguage } from '../../i18n.js';
import { useSession } from '../../session.js';

/** The window after the idle time: the same user unlocks with the password, or another signs in. */
export function LockScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session, setSession } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api['session.unlock']({ password });
    setPassword('');
    if (result.ok) setSession(result.value);
    else {
      setError(result.error);
      const current = await api['session.current']({});
      if (current.ok && !current.value.user) setSession(current.value);
    }
  };
  const switchUser = async () => {
    const result = await api['session.logout']({});
    if (result.ok) setSession(result.value);
  };
  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('accounts.lock.title')}</h1>
        <LanguageSwitch />
      </header>
      <p>{t('accounts.lock.intro', { name: session.user ? userName(session.user, language) : '' })}</p>
      <form className="card" onSubmit={(e) => void unlock(e)}>
        <LabelledControl label={t('accounts.field.password')}>
          <input type="password" value={password} autoComplete="current-password" autoFocus onChange={(e) => setPassword(e.target.value)} maxLength={200} required />
        </LabelledControl>
        <div className="actions">
          <button type="submit" disabled={!password}>
            {t('accounts.lock.unlock')}
          </button>
          <button type="button" className="secondary" onClick={() => void switchUser()}>
            {t('accounts.lock.switch')}
          </button>
        </div>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </main>
  );
}
