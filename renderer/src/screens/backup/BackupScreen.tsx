import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickedFile } from '../../../../shared/contract/api.js';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api, nativeDialogs } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FilePicker } from '../../components/FilePicker.js';
import { LabelledControl } from '../../components/LabelledControl.js';
import { toBase64 } from '../../files.js';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';
import { saveOutputs } from '../../save-files.js';

function size(bytes: number, f: ReturnType<typeof useFormat>): string {
  return bytes >= 1024 * 1024 ? `${f.number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${f.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** When a backup was made, in the office's local time as recorded (`2026-11-30T15:23…`). */
function when(local: string, f: ReturnType<typeof useFormat>): string {
  return `${f.date(local.slice(0, 10))} ${f.digits(local.slice(11, 16))}`;
}

/**
 * The administrator's backups (issue 11 item 5): back up now (native save dialog in the app, a
 * download in the browser), the last backups, the reminder, and restoring a backup file.
 */
export function BackupScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useQuery('backup.status', {});
  const s = status.data;
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const [made, setMade] = useState<string>();
  const [error, setError] = useState<AppErrorShape>();
  const [days, setDays] = useState<string>();
  const [reminderOn, setReminderOn] = useState<boolean>();
  const [reminderSaved, setReminderSaved] = useState(false);
  const [file, setFile] = useState<PickedFile>();
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [restored, setRestored] = useState<string>();
  const [restoreError, setRestoreError] = useState<AppErrorShape>();

  const shownDays = days ?? String(s?.reminderDays ?? 7);
  const shownOn = reminderOn ?? (s ? s.reminderDays !== null : true);

  async function backUp(): Promise<void> {
    setBusy('backup');
    setError(undefined);
    setMade(undefined);
    const result = await api['backup.create']({});
    if (!result.ok) {
      setBusy(null);
      return setError(result.error);
    }
    const b = result.value;
    const saved = await saveOutputs([{ name: b.name, base64: b.base64 ?? '' }], { title: t('backup.now.saveTitle'), kinds: [{ label: 'Banhchi backup', extensions: ['bkp'] }] });
    setBusy(null);
    if (saved && !saved.ok) setError(saved.error);
    const line = t('backup.now.done', { name: b.name, persons: f.number(b.persons), size: size(b.bytes, f) });
    setMade(saved?.ok && saved.place ? `${line} ${t('backup.now.doneWhere', { place: saved.place })}` : line);
    status.reload();
  }

  async function saveReminder(): Promise<void> {
    setReminderSaved(false);
    setError(undefined);
    const value = shownOn ? Number(shownDays) : null;
    const result = await api['backup.setReminder']({ days: value });
    if (!result.ok) return setError(result.error);
    setReminderSaved(true);
    status.reload();
  }

  async function restore(): Promise<void> {
    if (!file) return;
    setConfirming(false);
    setBusy('restore');
    setRestoreError(undefined);
    setRestored(undefined);
    const result = await api['backup.restore']({
      base64: toBase64(file.bytes),
      name: file.name,
      ...(passphrase ? { passphrase } : {}),
      ...(recoveryKey ? { recoveryKey } : {}),
    });
    setBusy(null);
    setPassphrase('');
    setRecoveryKey('');
    if (!result.ok) return setRestoreError(result.error);
    const r = result.value;
    setRestored(t('backup.restore.done', { name: r.name, date: f.date(r.created), persons: f.number(r.persons) }));
    status.reload();
  }

  return (
    <section>
      <h1>{t('backup.title')}</h1>
      <p className="hint">{t('backup.intro')}</p>
      {status.error ? <ErrorMessage error={status.error} /> : null}

      <section className="card" aria-labelledby="backup-now">
        <h2 id="backup-now">{t('backup.now.title')}</h2>
        <p className="hint">{nativeDialogs ? t('backup.now.hintNative') : t('backup.now.hintWeb')}</p>
        {s ? <p>{s.daysSince === null ? t('backup.reminder.never') : t('backup.reminder.since', { days: f.number(s.daysSince) })}</p> : null}
        <button type="button" disabled={busy !== null} onClick={() => void backUp()}>{t('backup.now.button')}</button>
        {busy === 'backup' ? <p role="status">{t('backup.now.working')}</p> : null}
        {made ? <p role="status">{made}</p> : null}
        {error ? <ErrorMessage error={error} /> : null}
      </section>

      <section className="card" aria-labelledby="backup-list">
        <h2 id="backup-list">{t('backup.list.title')}</h2>
        {s && s.backups.length === 0 ? <p>{t('backup.list.empty')}</p> : null}
        {s && s.backups.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th>{t('backup.list.when')}</th>
                <th>{t('backup.list.name')}</th>
                <th>{t('backup.list.place')}</th>
                <th>{t('backup.list.persons')}</th>
                <th>{t('backup.list.size')}</th>
                <th>{t('backup.list.by')}</th>
              </tr>
            </thead>
            <tbody>
              {s.backups.map((b) => (
                <tr key={`${b.created}-${b.name}`}>
                  <td>{when(b.createdLocal, f)}</td>
                  <td className="mono">{b.name}</td>
                  <td>{b.place ?? t('backup.list.download')}</td>
                  <td>{f.number(b.persons)}</td>
                  <td>{size(b.bytes, f)}</td>
                  <td>{f.language === 'km' ? b.byNameKm || b.byNameEn : b.byNameEn || b.byNameKm}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="card" aria-labelledby="backup-reminder">
        <h2 id="backup-reminder">{t('backup.reminder.title')}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={shownOn} onChange={(e) => { setReminderOn(e.target.checked); setReminderSaved(false); }} /> {t('backup.reminder.on')}
        </label>
        {shownOn ? (
          <LabelledControl label={t('backup.reminder.days')}>
            <input type="number" min={1} max={365} value={shownDays} onChange={(e) => { setDays(e.target.value); setReminderSaved(false); }} />
          </LabelledControl>
        ) : null}
        <button type="button" onClick={() => void saveReminder()}>{t('backup.reminder.save')}</button>
        {reminderSaved ? <p role="status">{t('backup.reminder.saved')}</p> : null}
      </section>

      <section className="card" aria-labelledby="backup-restore">
        <h2 id="backup-restore">{t('backup.restore.title')}</h2>
        <p className="hint">{t('backup.restore.intro')}</p>
        <FilePicker label={t('backup.restore.choose')} extensions={['bkp']} onChange={(picked) => { setFile(picked); setRestored(undefined); setRestoreError(undefined); }} />
        <LabelledControl label={t('backup.restore.passphrase')}>
          <input type="password" value={passphrase} autoComplete="off" maxLength={200} onChange={(e) => setPassphrase(e.target.value)} />
        </LabelledControl>
        <LabelledControl label={t('backup.restore.recoveryKey')}>
          <input value={recoveryKey} autoComplete="off" spellCheck={false} className="mono" maxLength={200} onChange={(e) => setRecoveryKey(e.target.value)} />
        </LabelledControl>
        {confirming && file ? (
          <div role="alertdialog" aria-label={t('backup.restore.title')} className="confirm">
            <p>{t('backup.restore.confirm', { name: file.name })}</p>
            <button type="button" onClick={() => void restore()}>{t('backup.restore.button')}</button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t('backup.restore.cancel')}</button>
          </div>
        ) : (
          <button type="button" disabled={!file || busy !== null} onClick={() => setConfirming(true)}>{t('backup.restore.button')}</button>
        )}
        {busy === 'restore' ? <p role="status">{t('backup.restore.working')}</p> : null}
        {restored ? <p role="status">{restored}</p> : null}
        {restoreError ? <ErrorMessage error={restoreError} /> : null}
      </section>
    </section>
  );
}

/** On the home screen, for the administrator: the reminder, when the last backup is older than the days set. */
export function BackupReminder() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useQuery('backup.status', {});
  const s = status.data;
  if (!s?.due) return null;
  return (
    <section role="alert" className="card backup-reminder" aria-label={t('backup.alert.title')}>
      <h2>{t('backup.alert.title')}</h2>
      <p>{s.daysSince === null ? t('backup.alert.never') : t('backup.alert.old', { days: f.number(s.daysSince), limit: f.number(s.reminderDays ?? 0) })}</p>
      <a href="#/settings/backup">{t('backup.alert.go')}</a>
    </section>
  );
}
