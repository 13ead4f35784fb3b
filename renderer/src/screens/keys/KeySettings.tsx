import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { LabelledControl } from '../../components/LabelledControl.js';
import { RecoverySheet, SheetPreview } from './RecoverySheet.js';

/** The administrator's view of the register's key: which ways open it (no secret), and a new recovery sheet. */
export function KeySettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useQuery('keys.status', {});
  const s = status.data;
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <p className="hint">{t('keys.intro')}</p>
      {status.error ? <ErrorMessage error={status.error} /> : null}
      {s ? (
        <dl>
          <dt>{t('keys.passphrases')}</dt>
          <dd>{s.passphrases.join(', ') || t('keys.none')}</dd>
          <dt>{t('keys.recovery')}</dt>
          <dd>{s.recovery ? f.date(s.recovery) : t('keys.none')}</dd>
          <dt>{t('keys.os')}</dt>
          <dd>{s.os ? t('keys.yes') : t('keys.no')}</dd>
        </dl>
      ) : null}
      <p className="hint">{t('keys.printSheetHint')}</p>
      <RecoverySheet confirm={s?.recovery != null} onMade={status.reload} />
      <RotateKey onDone={status.reload} />
    </section>
  );
}

/** A new key for the register (keys.rotate): the administrator's own password seals it; a new recovery sheet follows. */
function RotateKey({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape>();
  async function rotate(): Promise<void> {
    setBusy(true);
    setError(undefined);
    setSheet(null);
    const result = await api['keys.rotate']({ password, lang: 'km+en' });
    setBusy(false);
    setPassword('');
    if (!result.ok) return setError(result.error);
    setSheet(result.value.pdfBase64 ?? '');
    onDone();
  }
  return (
    <section aria-labelledby="rotate-title">
      <h3 id="rotate-title">{t('keys.rotateTitle')}</h3>
      <p className="hint">{t('keys.rotateHint')}</p>
      <LabelledControl label={t('keys.rotatePassword')}>
        <input type="password" value={password} autoComplete="current-password" maxLength={200} onChange={(e) => setPassword(e.target.value)} />
      </LabelledControl>
      <button type="button" disabled={busy || !password} onClick={() => void rotate()}>{t('keys.rotate')}</button>
      {busy ? <p role="status">{t('keys.rotating')}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {sheet !== null ? (
        <>
          <p role="status">{t('keys.rotated')}</p>
          <SheetPreview base64={sheet} />
        </>
      ) : null}
    </section>
  );
}
