import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { LabelledControl } from '../../components/LabelledControl.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';

/**
 * The register is encrypted and this computer's key store could not give its key (a new Windows
 * profile, a moved disk): it opens with the recovery key or an administrator's passphrase. A wrong
 * one is refused and nothing changes; the right one opens the register and the app starts.
 */
export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<'recovery' | 'passphrase'>('recovery');
  const [secret, setSecret] = useState('');
  const [username, setUsername] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await api['keys.unlock']({ method, secret, ...(method === 'passphrase' && username ? { username } : {}) });
    setBusy(false);
    if (result.ok) return onUnlocked();
    setSecret('');
    setError(result.error);
  };
  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('keys.unlock.title')}</h1>
        <LanguageSwitch />
      </header>
      <p>{t('keys.unlock.intro')}</p>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <LabelledControl label={t('keys.unlock.method')}>
          <select value={method} onChange={(e) => { setMethod(e.target.value as 'recovery' | 'passphrase'); setError(undefined); }}>
            <option value="recovery">{t('keys.unlock.methodRecovery')}</option>
            <option value="passphrase">{t('keys.unlock.methodPassphrase')}</option>
          </select>
        </LabelledControl>
        {method === 'passphrase' ? (
          <LabelledControl label={t('keys.unlock.username')} hint={t('keys.unlock.usernameHint')}>
            <input value={username} autoComplete="username" onChange={(e) => setUsername(e.target.value.toLowerCase())} maxLength={32} />
          </LabelledControl>
        ) : null}
        <LabelledControl label={method === 'recovery' ? t('keys.unlock.recoveryKey') : t('keys.unlock.passphrase')}>
          <input
            type={method === 'recovery' ? 'text' : 'password'}
            value={secret}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            className={method === 'recovery' ? 'mono' : undefined}
            placeholder={method === 'recovery' ? 'XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX' : undefined}
            onChange={(e) => setSecret(e.target.value)}
            maxLength={200}
            required
          />
        </LabelledControl>
        <button type="submit" disabled={busy || !secret.trim()}>
          {t('keys.unlock.submit')}
        </button>
        {busy ? <p role="status">{t('common.loading')}</p> : null}
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </main>
  );
}
