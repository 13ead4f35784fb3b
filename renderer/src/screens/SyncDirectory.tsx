import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickedFile } from '../../../shared/contract/api.js';
import type { OpResponse } from '../../../shared/contract/index.js';
import type { DirectoryOfficeView } from '../../../shared/contract/sync.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FilePicker } from '../components/FilePicker.js';
import { Modal } from '../components/Modal.js';
import { useQuery } from '../hooks.js';
import { useFormat } from '../format.js';
import { saveOutputs, textFile } from '../save-files.js';
import { useSavedMessage } from './SyncKeys.js';

const text = (file: PickedFile) => new TextDecoder().decode(file.bytes);

function OfficesTable({ offices, onRevoke }: { offices: DirectoryOfficeView[]; onRevoke?: (office: DirectoryOfficeView) => void }) {
  const { t } = useTranslation();
  return (
    <table>
      <thead>
        <tr>
          <th>{t('syncsetup.name')}</th><th>{t('syncsetup.level')}</th><th>{t('syncsetup.above')}</th><th>{t('syncsetup.fingerprint')}</th>
          <th>{t('syncsetup.state')}</th>{onRevoke ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {offices.map((o) => (
          <tr key={`${o.officeId}-${o.signingKeyId}`}>
            <td>{o.name}</td><td>{t(`level.${o.level}`)}</td><td>{o.parentName ?? ''}</td><td className="mono">{o.signingKeyId}</td>
            <td>{t(`syncsetup.status.${o.status}`)}</td>
            {onRevoke ? (
              <td>{o.status === 'active' && o.level !== 'national' ? (
                <button type="button" className="secondary" onClick={() => onRevoke(o)}>{t('syncsetup.revoke')}</button>
              ) : null}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Card = OpResponse<'sync.cardCheck'>;
type DirectoryCheck = OpResponse<'sync.directoryCheck'>;

/**
 * The key directory by office name. Every office imports the national office's directory file
 * (the first time confirming the national fingerprint by phone); the national office adds offices
 * from their key card files (confirming both fingerprints by phone), revokes, signs and saves it.
 */
export function SyncDirectory({ passphrase, onDone }: { passphrase: string; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const savedMessage = useSavedMessage();
  const view = useQuery('sync.directoryView', {});
  const [error, setError] = useState<AppErrorShape>();
  const [message, setMessage] = useState<string>();
  const [directoryFile, setDirectoryFile] = useState<PickedFile>();
  const [pendingDirectory, setPendingDirectory] = useState<{ file: PickedFile; check: DirectoryCheck }>();
  const [cardFile, setCardFile] = useState<PickedFile>();
  const [pendingCard, setPendingCard] = useState<{ file: PickedFile; card: Card }>();
  const [revoking, setRevoking] = useState<DirectoryOfficeView>();
  const [confirmed, setConfirmed] = useState(false);
  const national = view.data?.next !== null && view.data?.next !== undefined;

  const done = (text: string) => {
    setMessage(text);
    setError(undefined);
    view.reload();
    onDone();
  };
  const fail = (e: AppErrorShape) => {
    setError(e);
    setMessage(undefined);
  };

  const importDirectory = async (file: PickedFile, trustNational: string | null) => {
    const result = await api['sync.directoryImport']({ fileName: file.name, json: text(file), trustNational });
    setPendingDirectory(undefined);
    if (!result.ok) return fail(result.error);
    return done(t(result.value.status === 'newer' ? 'syncsetup.directoryInstalled' : 'syncsetup.directorySame', { version: result.value.version }));
  };
  const checkDirectory = async () => {
    if (!directoryFile) return undefined;
    const check = await api['sync.directoryCheck']({ fileName: directoryFile.name, json: text(directoryFile) });
    if (!check.ok) return fail(check.error);
    if (!check.value.needsTrust) return importDirectory(directoryFile, null);
    setConfirmed(false);
    setPendingDirectory({ file: directoryFile, check: check.value });
    return undefined;
  };
  const checkCard = async () => {
    if (!cardFile) return undefined;
    const card = await api['sync.cardCheck']({ card: text(cardFile) });
    if (!card.ok) return fail(card.error);
    setConfirmed(false);
    setPendingCard({ file: cardFile, card: card.value });
    return undefined;
  };
  const addCard = async () => {
    if (!pendingCard) return undefined;
    const { card, file } = pendingCard;
    const result = await api['sync.directoryAdd']({ card: text(file), confirmed: { signingKeyId: card.signingKeyId, ageKeyId: card.ageKeyId } });
    setPendingCard(undefined);
    if (!result.ok) return fail(result.error);
    return done(t('syncsetup.added', { office: result.value.name }));
  };
  const revoke = async () => {
    if (!revoking) return undefined;
    const result = await api['sync.directoryRevoke']({ officeId: revoking.officeId, afterSequence: null });
    setRevoking(undefined);
    if (!result.ok) return fail(result.error);
    return done(t('syncsetup.revoked', { office: revoking.name }));
  };
  const sign = async () => {
    if (!passphrase) return fail({ code: 'syncdb.passphraseNeeded' });
    const result = await api['sync.directorySign']({ passphrase });
    if (!result.ok) return fail(result.error);
    return done(t('syncsetup.signed', { version: result.value.version }));
  };
  const saveDirectory = async () => {
    const result = await api['sync.directoryExport']({});
    if (!result.ok) return fail(result.error);
    const saved = await saveOutputs([textFile(`key-directory-v${result.value.version}.json`, result.value.signed)], {
      title: t('syncsetup.saveDirectory'), kinds: [{ label: t('syncsetup.directoryKind'), extensions: ['json'] }],
    });
    if (saved && !saved.ok) return fail(saved.error);
    if (saved) setMessage(savedMessage(saved));
    return undefined;
  };

  const data = view.data;
  return (
    <div>
      {view.error ? <ErrorMessage error={view.error} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {message ? <p role="status">{message}</p> : null}
      <section className="card">
        <h2>{t('syncsetup.directoryTitle')}</h2>
        {data && data.version > 0 ? (
          <>
            <p>{t('syncsetup.directoryIssued', { version: data.version, date: format.date(data.issuedAt) })}</p>
            <OfficesTable offices={data.offices} />
          </>
        ) : <p>{t('syncsetup.directoryNone')}</p>}
        {national ? null : (
          <>
            <FilePicker label={t('syncsetup.importDirectory')} extensions={['json']} onChange={setDirectoryFile} />
            <button type="button" disabled={!directoryFile} onClick={() => void checkDirectory()}>{t('syncsetup.importDirectoryButton')}</button>
          </>
        )}
      </section>
      {national && data?.next ? (
        <>
          <section className="card">
            <h2>{t('syncsetup.addCardTitle')}</h2>
            <FilePicker label={t('syncsetup.addCardFile')} extensions={['card', 'json']} onChange={setCardFile} />
            <button type="button" disabled={!cardFile} onClick={() => void checkCard()}>{t('syncsetup.addCardTitle')}</button>
          </section>
          <section className="card">
            <h2>{t('syncsetup.nextTitle')}</h2>
            <OfficesTable offices={data.next} onRevoke={setRevoking} />
            <p>{data.unsigned ? t('syncsetup.unsigned') : t('syncsetup.upToDate')}</p>
            <div className="button-row">
              <button type="button" disabled={!passphrase || !data.unsigned} onClick={() => void sign()}>{t('syncsetup.sign')}</button>
              <button type="button" className="secondary" disabled={data.version === 0} onClick={() => void saveDirectory()}>{t('syncsetup.saveDirectory')}</button>
            </div>
          </section>
        </>
      ) : null}
      {pendingDirectory ? (
        <Modal title={t('syncsetup.trustTitle')} onClose={() => setPendingDirectory(undefined)}>
          <p>{t('syncsetup.trustIntro', { office: pendingDirectory.check.issuerName })}</p>
          <p className="fingerprint" data-testid="national-fingerprint">{pendingDirectory.check.issuerSigningKeyId}</p>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('syncsetup.trustConfirm')}
          </label>
          <div className="button-row">
            <button type="button" disabled={!confirmed} onClick={() => void importDirectory(pendingDirectory.file, pendingDirectory.check.issuerSigningKeyId)}>
              {t('syncsetup.trustButton')}
            </button>
            <button type="button" className="secondary" onClick={() => setPendingDirectory(undefined)}>{t('syncsetup.cancel')}</button>
          </div>
        </Modal>
      ) : null}
      {pendingCard ? (
        <Modal title={t('syncsetup.checkCardTitle', { office: pendingCard.card.name })} onClose={() => setPendingCard(undefined)}>
          <p>{t(`level.${pendingCard.card.level}`)}{pendingCard.card.parentName ? ` · ${t('syncsetup.cardAbove', { office: pendingCard.card.parentName })}` : ''}</p>
          <p>{t('syncsetup.checkCardIntro', { office: pendingCard.card.name })}</p>
          <p>{t('sync.signingFingerprint')}</p>
          <p className="fingerprint" data-testid="card-signing">{pendingCard.card.signingKeyId}</p>
          <p>{t('sync.encryptionFingerprint')}</p>
          <p className="fingerprint" data-testid="card-encryption">{pendingCard.card.ageKeyId}</p>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('syncsetup.cardConfirm')}
          </label>
          <div className="button-row">
            <button type="button" disabled={!confirmed} onClick={() => void addCard()}>{t('syncsetup.addButton')}</button>
            <button type="button" className="secondary" onClick={() => setPendingCard(undefined)}>{t('syncsetup.cancel')}</button>
          </div>
        </Modal>
      ) : null}
      {revoking ? (
        <Modal title={t('syncsetup.revokeTitle', { office: revoking.name })} onClose={() => setRevoking(undefined)}>
          <p>{t('syncsetup.revokeIntro')}</p>
          <div className="button-row">
            <button type="button" onClick={() => void revoke()}>{t('syncsetup.revokeButton')}</button>
            <button type="button" className="secondary" onClick={() => setRevoking(undefined)}>{t('syncsetup.cancel')}</button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
