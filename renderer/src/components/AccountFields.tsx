import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/permissions.js';
import { LabelledControl } from './LabelledControl.js';

export interface AccountDraft {
  username: string;
  nameEn: string;
  nameKm: string;
  role: Role;
  password: string;
  passwordAgain: string;
}

export const EMPTY_ACCOUNT: AccountDraft = { username: '', nameEn: '', nameKm: '', role: 'commune-officer', password: '', passwordAgain: '' };

/** Ready to send: the two passwords agree and every field is filled. */
export function accountReady(draft: AccountDraft): boolean {
  return draft.username.trim().length >= 2 && draft.nameEn.trim() !== '' && draft.nameKm.trim() !== '' && draft.password.length >= 8 && draft.password === draft.passwordAgain;
}

/** Name in both languages, user name, role (unless fixed) and the password typed twice. */
export function AccountFields({ value, onChange, withRole = true }: { value: AccountDraft; onChange: (draft: AccountDraft) => void; withRole?: boolean }) {
  const { t } = useTranslation();
  const set = <K extends keyof AccountDraft>(key: K, v: AccountDraft[K]) => onChange({ ...value, [key]: v });
  const differ = value.passwordAgain !== '' && value.password !== value.passwordAgain;
  return (
    <>
      <LabelledControl label={t('accounts.field.nameKm')}>
        <input value={value.nameKm} lang="km" onChange={(e) => set('nameKm', e.target.value)} maxLength={200} required />
      </LabelledControl>
      <LabelledControl label={t('accounts.field.nameEn')}>
        <input value={value.nameEn} onChange={(e) => set('nameEn', e.target.value)} maxLength={200} required />
      </LabelledControl>
      <LabelledControl label={t('accounts.field.username')} hint={t('accounts.usernameHint')}>
        <input value={value.username} autoComplete="off" onChange={(e) => set('username', e.target.value.toLowerCase())} maxLength={32} required />
      </LabelledControl>
      {withRole ? (
        <LabelledControl label={t('accounts.field.role')}>
          <select value={value.role} onChange={(e) => set('role', e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`accounts.role.${r}`)}
              </option>
            ))}
          </select>
        </LabelledControl>
      ) : null}
      <LabelledControl label={t('accounts.field.password')} hint={t('accounts.passwordHint')}>
        <input type="password" value={value.password} autoComplete="new-password" onChange={(e) => set('password', e.target.value)} minLength={8} maxLength={200} required />
      </LabelledControl>
      <LabelledControl label={t('accounts.field.passwordAgain')}>
        <input type="password" value={value.passwordAgain} autoComplete="new-password" onChange={(e) => set('passwordAgain', e.target.value)} maxLength={200} required />
      </LabelledControl>
      {differ ? <p role="alert" className="error">{t('accounts.passwordsDiffer')}</p> : null}
    </>
  );
}
