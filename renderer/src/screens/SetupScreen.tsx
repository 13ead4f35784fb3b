import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LabelledControl } from '../components/LabelledControl.js';
import type { Office, OfficeLevel } from '../../../shared/contract/foundation.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { GazetteerImport } from '../components/GazetteerImport.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { EMPTY_UNIT_SELECTION, UnitPicker } from '../components/UnitPicker.js';
import { username as usernameSchema } from '../../../shared/contract/accounts.js';
import { AccountFields, accountReady, EMPTY_ACCOUNT } from '../components/AccountFields.js';
import { useSession } from '../session.js';
import { RecoverySheet } from './keys/RecoverySheet.js';

const LEVELS: OfficeLevel[] = ['commune', 'province', 'national'];

/** First run: which office this installation is. */
export function SetupScreen({ onDone }: { onDone: (office: Office) => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<OfficeLevel>('commune');
  const [units, setUnits] = useState(EMPTY_UNIT_SELECTION);
  const [name, setName] = useState('');
  const [nameKm, setNameKm] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const [pickerKey, setPickerKey] = useState(0);
  // The first run also makes the office administrator, who is then signed in.
  const { session, setSession } = useSession();
  const withAdmin = session.needsAdmin;
  const [admin, setAdmin] = useState({ ...EMPTY_ACCOUNT, role: 'administrator' as const });
  // Once the administrator exists, the recovery sheet is offered before the app opens.
  const [madeOffice, setMadeOffice] = useState<Office | null>(null);

  const unitCode = level === 'commune' ? units.commune : level === 'province' ? units.province : '00';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (withAdmin && !usernameSchema.safeParse(admin.username).success) {
      return setError({ code: 'validation.badFormat', params: { field: 'username', entity: 'accounts' } });
    }
    const result = await api['office.setup']({ level, unitCode, name, nameKm });
    if (!result.ok) return setError(result.error);
    if (withAdmin) {
      const created = await api['accounts.createFirstAdmin']({ username: admin.username, nameEn: admin.nameEn, nameKm: admin.nameKm, password: admin.password });
      if (!created.ok) setError(created.error);
      const current = await api['session.current']({});
      if (created.ok) return setMadeOffice(result.value);
      if (current.ok) setSession(current.value);
    }
    onDone(result.value);
  };

  const finish = async (office: Office) => {
    const current = await api['session.current']({});
    if (current.ok) setSession(current.value);
    onDone(office);
  };

  if (madeOffice) {
    return (
      <main className="setup">
        <header className="setup-header">
          <h1>{t('keys.sheetTitle')}</h1>
          <LanguageSwitch />
        </header>
        <section className="card">
          <p>{t('keys.setupOfferIntro')}</p>
          <RecoverySheet confirm={false} label={t('keys.setupOffer')} />
          <p>
            <button type="button" className="secondary" onClick={() => void finish(madeOffice)}>{t('keys.continue')}</button>
          </p>
        </section>
      </main>
    );
  }

  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('setup.title')}</h1>
        <LanguageSwitch />
      </header>
      <p>{t('setup.intro')}</p>
      <form onSubmit={(e) => void submit(e)} className="card">
        <LabelledControl label={t('setup.level')}>
          <select value={level} onChange={(e) => setLevel(e.target.value as OfficeLevel)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </LabelledControl>
        {level !== 'national' ? (
          <UnitPicker key={pickerKey} value={units} onChange={setUnits} depth={level === 'province' ? 'province' : 'commune'} />
        ) : null}
        {level === 'commune' ? <p className="hint">{t('setup.importHint')}</p> : null}
        <LabelledControl label={t('display.office.nameKm')}>
          <input value={nameKm} lang="km" onChange={(e) => setNameKm(e.target.value)} placeholder={t('display.office.nameKmPlaceholder')} maxLength={200} />
        </LabelledControl>
        <p className="hint">{t('display.office.nameKmHint')}</p>
        <LabelledControl label={t('setup.name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('setup.namePlaceholder')} required />
        </LabelledControl>
        {withAdmin ? (
          <fieldset className="admin-fields">
            <legend>{t('accounts.admin.title')}</legend>
            <p className="hint">{t('accounts.admin.intro')}</p>
            <AccountFields value={admin} onChange={(d) => setAdmin({ ...d, role: 'administrator' })} withRole={false} />
          </fieldset>
        ) : null}
        <button type="submit" disabled={!unitCode || !name.trim() || (withAdmin && !accountReady(admin))}>
          {t('setup.submit')}
        </button>
        {error ? <ErrorMessage error={error} /> : null}
      </form>
      <GazetteerImport onImported={() => setPickerKey((k) => k + 1)} />
    </main>
  );
}
