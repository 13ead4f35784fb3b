import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyCardView } from '../../../shared/contract/sync.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useQuery } from '../hooks.js';
import { saveOutputs, textFile, type Saved } from '../save-files.js';

/** Which level the office above has. */
const ABOVE = { commune: 'province', province: 'national' } as const;

/** "Saved to <folder>" in the desktop app, "Downloaded: <file>" in the browser. */
export function useSavedMessage(): (saved: Exclude<Saved, null>) => string {
  const { t } = useTranslation();
  return (saved) => {
    if (!saved.ok) return '';
    return saved.place ? t('syncsetup.savedTo', { place: saved.place }) : t('syncsetup.downloaded', { file: saved.names.join(', ') });
  };
}

/**
 * Create the office keys under a passphrase, the office above chosen by name from the key
 * directory; then the key card as a file (for the national office) and as a PDF with QR code.
 */
export function SyncKeys({ passphrase, keys, onDone }: { passphrase: string; keys: KeyCardView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const savedMessage = useSavedMessage();
  const office = useQuery('office.get', {});
  const directory = useQuery('sync.directoryView', {});
  const [again, setAgain] = useState('');
  const [parent, setParent] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const [message, setMessage] = useState<string>();
  const level = office.data?.level;
  const aboveLevel = level && level !== 'national' ? ABOVE[level] : null;
  const candidates = (directory.data?.offices ?? []).filter((o) => o.status === 'active' && o.level === aboveLevel);
  const aboveName = (id: string | null) => (directory.data?.offices ?? []).find((o) => o.officeId === id)?.name ?? null;

  const create = async () => {
    setError(undefined);
    if (again !== passphrase) return setError({ code: 'syncdb.weakPassphrase', params: { min: 8 } });
    const result = await api['sync.keysCreate']({ passphrase, parentOfficeId: level === 'national' ? null : parent || null });
    if (!result.ok) return setError(result.error);
    onDone();
    directory.reload();
  };
  const save = async (what: 'file' | 'pdf') => {
    setError(undefined);
    setMessage(undefined);
    if (!passphrase) return setError({ code: 'syncdb.passphraseNeeded' });
    let saved: Saved;
    if (what === 'file') {
      const card = await api['sync.keyCard']({ passphrase });
      if (!card.ok) return setError(card.error);
      saved = await saveOutputs([textFile(`key-card-${card.value.unitCode}.card`, `${JSON.stringify(card.value, null, 2)}\n`)], {
        title: t('syncsetup.cardFile'), kinds: [{ label: t('syncsetup.keyCardKind'), extensions: ['card'] }],
      });
    } else {
      const pdf = await api['sync.keyCardPdf']({ passphrase });
      if (!pdf.ok) return setError(pdf.error);
      saved = await saveOutputs([pdf.value.file], { title: t('syncsetup.cardPdf'), kinds: [{ label: t('syncsetup.pdfKind'), extensions: ['pdf'] }] });
    }
    if (saved && !saved.ok) return setError(saved.error);
    if (saved) setMessage(savedMessage(saved));
    return undefined;
  };

  return (
    <div>
      {error ? <ErrorMessage error={error} /> : null}
      {keys ? (
        <section className="card">
          <dl>
            <dt>{t('sync.signingFingerprint')}</dt>
            <dd className="mono fingerprint">{keys.signingKeyId}</dd>
            <dt>{t('sync.encryptionFingerprint')}</dt>
            <dd className="mono fingerprint">{keys.ageKeyId}</dd>
            {keys.parentOfficeId ? (
              <>
                <dt>{t('syncsetup.above')}</dt>
                <dd>{aboveName(keys.parentOfficeId) ?? t('syncsetup.unknownOffice')}</dd>
              </>
            ) : null}
          </dl>
          <p className="hint">{t('syncsetup.cardHint')}</p>
          <div className="button-row">
            <button type="button" disabled={!passphrase} onClick={() => void save('file')}>{t('syncsetup.cardFile')}</button>
            <button type="button" className="secondary" disabled={!passphrase} onClick={() => void save('pdf')}>{t('syncsetup.cardPdf')}</button>
          </div>
          {message ? <p role="status">{message}</p> : null}
        </section>
      ) : (
        <section className="card">
          <p>{t('sync.keysNone')}</p>
          <label>
            {t('sync.passphraseAgain')}
            <input type="password" autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} />
          </label>
          {again && again !== passphrase ? <p role="alert">{t('sync.passphraseMismatch')}</p> : null}
          {level === 'national' ? <p className="hint">{t('syncsetup.aboveNotNeeded')}</p> : candidates.length === 0 ? (
            <p className="hint">{t('syncsetup.noAboveYet')}</p>
          ) : (
            <label>
              {t('syncsetup.above')}
              <select value={parent} onChange={(e) => setParent(e.target.value)}>
                <option value="">{t('syncsetup.chooseAbove')}</option>
                {candidates.map((o) => <option key={o.officeId} value={o.officeId}>{o.name}</option>)}
              </select>
            </label>
          )}
          <button
            type="button"
            disabled={!passphrase || again !== passphrase || (level !== 'national' && !parent)}
            onClick={() => void create()}
          >
            {t('sync.createKeys')}
          </button>
        </section>
      )}
    </div>
  );
}
