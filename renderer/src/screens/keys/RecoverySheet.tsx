import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { saveOutputs } from '../../save-files.js';

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * Makes a new recovery key and shows the recovery sheet (Khmer, then English) to print or save.
 * `confirm`: a recovery key exists already, and this one will replace it.
 */
export function RecoverySheet({ confirm, onMade, label }: { confirm: boolean; onMade?: () => void; label?: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape>();

  async function make(): Promise<void> {
    setAsking(false);
    setBusy(true);
    setError(undefined);
    const result = await api['keys.recoverySheet']({ lang: 'km+en' });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setSheet(result.value.pdfBase64 ?? '');
    onMade?.();
  }

  return (
    <div className="recovery-sheet">
      {asking ? (
        <div role="alertdialog" aria-label={t('keys.printSheet')} className="confirm">
          <p>{t('keys.confirmNew')}</p>
          <button type="button" onClick={() => void make()}>{t('keys.printSheet')}</button>{' '}
          <button type="button" className="secondary" onClick={() => setAsking(false)}>{t('keys.later')}</button>
        </div>
      ) : (
        <button type="button" disabled={busy} onClick={() => (confirm ? setAsking(true) : void make())}>
          {label ?? t('keys.printSheet')}
        </button>
      )}
      {error ? <ErrorMessage error={error} /> : null}
      {busy || sheet !== null ? <SheetPreview base64={busy ? null : sheet} /> : null}
    </div>
  );
}

/**
 * A recovery sheet just made: shown, printed or saved now (its key is on this sheet only). `null`: still
 * being made. The preview keeps one fixed size from the moment it is asked for (`.sheet-preview`), so the
 * page below it (Continue, at set-up) does not move while the sheet is made and its PDF loads.
 */
export function SheetPreview({ base64 }: { base64: string | null }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<AppErrorShape>();
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (base64 === null) return undefined;
    const made = pdfUrl(base64);
    setUrl(made);
    return () => {
      setUrl(undefined);
      URL.revokeObjectURL(made);
    };
  }, [base64]);

  async function save(): Promise<void> {
    if (base64 === null) return;
    const saved = await saveOutputs([{ name: 'banhchi-recovery-sheet.pdf', base64 }], { title: t('keys.save'), kinds: [{ label: 'PDF', extensions: ['pdf'] }] });
    if (saved && !saved.ok) setError(saved.error);
  }

  return (
    <div className="sheet-preview">
      <p role="status">{base64 === null ? t('keys.sheetMaking') : t('keys.sheetReady')}</p>
      <p>
        <button type="button" disabled={!url} onClick={() => frame.current?.contentWindow?.print()}>{t('print.ui.print')}</button>{' '}
        <button type="button" disabled={base64 === null} onClick={() => void save()}>{t('keys.save')}</button>
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {url ? <iframe ref={frame} className="pdf-preview" title={t('keys.sheetTitle')} src={url} /> : <div className="pdf-preview pdf-waiting" aria-hidden="true" />}
    </div>
  );
}
