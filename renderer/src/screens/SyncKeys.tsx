import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyCardView } from '../../../shared/contract/sync.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';

/** Create the office keys under a passphrase; show fingerprints and the public card for the office above. */
export function SyncKeys({ passphrase, keys, onDone }: { passphrase: string; keys: KeyCardView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [again, setAgain] = useState('');
  const [parent, setParent] = useState('');
  const [card, setCard] = useState<KeyCardView>();
  const [error, setError] = useState<AppErrorShape>();
  const create = async () => {
    if (again !== passphrase) return setError({ code: 'syncdb.weakPassphrase', params: { min: 8 } });
    const result = await api['sync.keysCreate']({ passphrase, parentOfficeId: parent || null });
    if (!result.ok) return setError(result.error);
    setCard(result.value);
    onDone();
  };
  const show = async () => {
    const result = await api['sync.keyCard']({ passphrase });
    if (!result.ok) return setError(result.error);
    setCard(result.value);
  };
  return (
    <div>
      {error ? <ErrorMessage error={error} /> : null}
      {keys ? (
        <dl>
          <dt>{t('sync.signingFingerprint')}</dt>
          <dd className="mono">{keys.signingKeyId}</dd>
          <dt>{t('sync.encryptionFingerprint')}</dt>
          <dd className="mono">{keys.ageKeyId}</dd>
        </dl>
      ) : (
        <section className="card">
          <p>{t('sync.keysNone')}</p>
          <label>
            {t('sync.passphraseAgain')}
            <input type="password" autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} />
          </label>
          {again && again !== passphrase ? <p role="alert">{t('sync.passphraseMismatch')}</p> : null}
          <label>
            {t('sync.parentOffice')}
            <input value={parent} onChange={(e) => setParent(e.target.value)} />
          </label>
          <button type="button" disabled={!passphrase || again !== passphrase} onClick={() => void create()}>
            {t('sync.createKeys')}
          </button>
        </section>
      )}
      {keys ? (
        <button type="button" disabled={!passphrase} onClick={() => void show()}>
          {t('sync.showCard')}
        </button>
      ) : null}
      {card ? (
        <section className="card">
          <p>{t('sync.cardHint')}</p>
          <textarea readOnly rows={8} className="mono" value={JSON.stringify(card, null, 2)} />
        </section>
      ) : null}
    </div>
  );
}
