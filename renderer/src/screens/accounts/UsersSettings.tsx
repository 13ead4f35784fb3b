import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/contract/accounts.js';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { userName } from '../../../../shared/user-name.js';
import { api } from '../../api.js';
import { AccountFields, accountReady, EMPTY_ACCOUNT } from '../../components/AccountFields.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { LabelledControl } from '../../components/LabelledControl.js';
import { useDigitsText } from '../../digits-text.js';
import { useQuery } from '../../hooks.js';
import { useLanguage } from '../../i18n.js';
import { useSession } from '../../session.js';

/** The administrator's part of Settings: accounts (create, reset password, deactivate) and the idle lock. */
export function UsersSettings() {
  const { t } = useTranslation();
  const language = useLanguage();
  const users = useQuery('accounts.list', {});
  const self = useSession().session.user?.id;
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState(EMPTY_ACCOUNT);
  const [resetting, setResetting] = useState<User>();
  const [error, setError] = useState<AppErrorShape>();
  const [notice, setNotice] = useState('');

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const { passwordAgain: _again, ...input } = draft;
    const result = await api['accounts.create'](input);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setNotice(t('accounts.users.created', { name: userName(result.value, language) }));
    setDraft(EMPTY_ACCOUNT);
    setAdding(false);
    users.reload();
  };
  const setActive = async (user: User, active: boolean) => {
    const result = await api['accounts.setActive']({ id: user.id, active });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setNotice(t(active ? 'accounts.users.reactivated' : 'accounts.users.deactivated', { name: userName(user, language) }));
    users.reload();
  };

  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">{t('accounts.users.title')}</h2>
      <p className="hint">{t('accounts.users.intro')}</p>
      {users.error ? <ErrorMessage error={users.error} /> : null}
      <table aria-label={t('accounts.users.list')}>
        <thead>
          <tr>
            <th>{t('accounts.field.nameKm')}</th>
            <th>{t('accounts.field.nameEn')}</th>
            <th>{t('accounts.field.username')}</th>
            <th>{t('accounts.field.role')}</th>
            <th>{t('accounts.users.status')}</th>
            <th>{t('accounts.users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((user) => (
            <tr key={user.id}>
              <td lang="km">{user.nameKm}</td>
              <td>{user.nameEn}</td>
              <td className="mono">{user.username}</td>
              <td>{t(`accounts.role.${user.role}`)}</td>
              <td>{t(user.active ? 'accounts.users.active' : 'accounts.users.inactive')}</td>
              <td className="actions">
                <button type="button" className="secondary" onClick={() => setResetting(user)}>
                  {t('accounts.users.resetPassword')}
                </button>
                {user.id === self ? null : (
                  <button type="button" className="secondary" onClick={() => void setActive(user, !user.active)}>
                    {t(user.active ? 'accounts.users.deactivate' : 'accounts.users.reactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {notice ? <p role="status">{notice}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {resetting ? (
        <ResetPassword
          user={resetting}
          onDone={(message) => {
            setResetting(undefined);
            if (message) setNotice(message);
          }}
        />
      ) : null}
      {adding ? (
        <form onSubmit={(e) => void create(e)} aria-label={t('accounts.users.add')}>
          <h3>{t('accounts.users.add')}</h3>
          <AccountFields value={draft} onChange={setDraft} />
          <div className="actions">
            <button type="submit" disabled={!accountReady(draft)}>
              {t('accounts.users.create')}
            </button>
            <button type="button" className="secondary" onClick={() => setAdding(false)}>
              {t('accounts.users.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('accounts.users.add')}
        </button>
      )}
      <IdleSetting />
    </section>
  );
}

function ResetPassword({ user, onDone }: { user: User; onDone: (message?: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const name = userName(user, language);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api['accounts.resetPassword']({ id: user.id, password });
    if (!result.ok) return setError(result.error);
    onDone(t('accounts.users.passwordReset', { name }));
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-label={t('accounts.users.newPassword', { name })}>
      <h3>{t('accounts.users.newPassword', { name })}</h3>
      <LabelledControl label={t('accounts.field.password')} hint={t('accounts.passwordHint')}>
        <input type="password" value={password} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} minLength={8} maxLength={200} required />
      </LabelledControl>
      <LabelledControl label={t('accounts.field.passwordAgain')}>
        <input type="password" value={again} autoComplete="new-password" onChange={(e) => setAgain(e.target.value)} maxLength={200} required />
      </LabelledControl>
      {again && again !== password ? <p role="alert" className="error">{t('accounts.passwordsDiffer')}</p> : null}
      <div className="actions">
        <button type="submit" disabled={password.length < 8 || password !== again}>
          {t('accounts.users.savePassword')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone()}>
          {t('accounts.users.cancel')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}

function IdleSetting() {
  const { t } = useTranslation();
  const { session, setSession } = useSession();
  const minutes = useDigitsText(session.idleMinutes);
  const [error, setError] = useState<AppErrorShape>();
  const [saved, setSaved] = useState('');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api['accounts.setIdleMinutes']({ minutes: Number(minutes.latin()) });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    minutes.reset();
    // The window's idle timer takes the new time before the change is reported as saved.
    const current = await api['session.current']({});
    if (current.ok) setSession(current.value);
    setSaved(t('accounts.idle.saved', { count: result.value.minutes }));
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="idle-title">
      <h3 id="idle-title">{t('accounts.idle.title')}</h3>
      <LabelledControl label={t('accounts.idle.label')}>
        <input className="digits" inputMode="numeric" maxLength={3} value={minutes.text} onChange={(e) => minutes.type(e.target.value)} required />
      </LabelledControl>
      <button type="submit">{t('accounts.idle.save')}</button>
      {saved ? <p role="status">{saved}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}
