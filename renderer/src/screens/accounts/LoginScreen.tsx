import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { LabelledControl } from '../../components/LabelledControl.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useSession } from '../../session.js';

/** Sign in with one's own account; the transport keeps who is signed in. */
export function LoginScreen() {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api['session.login']({ username, password });
    setBusy(false);
    if (result.ok) setSession(result.value);
    else {
      setPassword('');
      setError(result.error);
    }
  };
  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('accounts.login.title')}</h1>
        <LanguageSwitch />
      </header>
      <p>{t('accounts.login.intro')}</p>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <LabelledControl label={t('accounts.field.username')}>
          <input value={username} autoComplete="username" autoFocus onChange={(e) => setUsername(e.target.value.toLowerCase())} maxLength={32} required />
        </LabelledControl>
        <LabelledControl label={t('accounts.field.password')}>
          <input type="password" value={password} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} maxLength={200} required />
        </LabelledControl>
        <button type="submit" disabled={busy || !username || !password}>
          {t('accounts.login.submit')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </main>
  );
}
