import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { AccountFields, accountReady, EMPTY_ACCOUNT } from '../../components/AccountFields.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useSession } from '../../session.js';

/** An office set up before accounts existed (or whose set-up stopped half-way): the administrator first. */
export function CreateAdminScreen() {
  const { t } = useTranslation();
  const { setSession } = useSession();
  const [draft, setDraft] = useState({ ...EMPTY_ACCOUNT, role: 'administrator' as const });
  const [error, setError] = useState<AppErrorShape>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await api['accounts.createFirstAdmin']({ username: draft.username, nameEn: draft.nameEn, nameKm: draft.nameKm, password: draft.password });
    if (!created.ok) return setError(created.error);
    const session = await api['session.current']({});
    if (session.ok) setSession(session.value);
  };
  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('accounts.admin.createTitle')}</h1>
        <LanguageSwitch />
      </header>
      <p>{t('accounts.admin.createIntro')}</p>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <AccountFields value={draft} onChange={(d) => setDraft({ ...d, role: 'administrator' })} withRole={false} />
        <button type="submit" disabled={!accountReady(draft)}>
          {t('accounts.admin.create')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </main>
  );
}
