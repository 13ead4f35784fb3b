import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickedFile } from '../../../shared/contract/api.js';
import type { FileOutput, ImportResultView } from '../../../shared/contract/sync.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FilesPicker } from '../components/FilePicker.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { formatDate } from '../../../shared/khmer.js';
import { toBase64 } from '../files.js';
import { i18n } from '../i18n.js';
import { saveOutputs } from '../save-files.js';
import { useSavedMessage } from './SyncKeys.js';

/** A kind of synced record in words (`person` → "foreigners"), never the table name. */
export function entityWords(t: (key: string) => string, entity: string): string {
  const key = `chain.entity.${entity}`;
  return i18n.exists(key) ? t(key) : t('chain.entity.other');
}

function ResultLine({ result }: { result: ImportResultView }) {
  const { t } = useTranslation();
  if (result.status === 'error' && result.error) return <ErrorMessage error={result.error} />;
  const s = result.summary;
  return (
    <li>
      <strong>{result.file}</strong>: {t(`sync.status.${result.status}`, { seq: result.seq, waitingFor: result.waitingFor ?? 0 })}
      {result.status === 'applied' || result.status === 'dry-run' ? (
        <>
          {' — '}
          {t('sync.counts', { inserted: s.inserted, updated: s.updated, deleted: s.deleted, skipped: s.skipped, conflicts: s.conflicts })}
          <ul>
            {Object.entries(s.perEntity).map(([entity, c]) => (
              <li key={entity}>
                {entityWords(t as unknown as (key: string) => string, entity)}: {t('sync.counts', { ...c, conflicts: 0 })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.stoodInFor ? <> — {t('sync.stoodInFor', { ...result.stoodInFor, context: result.stoodInFor.from === result.stoodInFor.to ? 'single' : undefined })}</> : null}
      {result.senderClockAhead ? (
        <p className="notice" role="alert">
          {t('sync.senderClockAhead', { count: result.senderClockAhead.days, date: formatDate(result.senderClockAhead.createdAt.slice(0, 10), i18n.language === 'km' ? 'km' : 'en') })}
        </p>
      ) : null}
      {result.receiptError ? <ErrorMessage error={result.receiptError} /> : null}
      {result.released.length > 0 ? <ul>{result.released.map((r) => <ResultLine key={r.file} result={r} />)}</ul> : null}
    </li>
  );
}

/** Every receipt made while importing (released bundles included), to carry back to their senders. */
function receiptsOf(results: ImportResultView[]): FileOutput[] {
  return results.flatMap((r) => [...(r.receiptFile ? [r.receiptFile] : []), ...receiptsOf(r.released)]);
}

/**
 * Export: the bundle is made by the backend and saved through a folder dialog (desktop) or a
 * download (browser). Import: bundle files or a whole folder are chosen, checked, then applied;
 * receipts are saved the same way. No folder is ever typed.
 */
export function SyncExchange({ passphrase, onDone }: { passphrase: string; onDone: () => void }) {
  const { t } = useTranslation();
  const savedMessage = useSavedMessage();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<AppErrorShape>();
  const [exported, setExported] = useState<string[]>();
  const [results, setResults] = useState<ImportResultView[]>();
  const [receiptsSaved, setReceiptsSaved] = useState<string>();
  const bundleKinds = [{ label: t('syncsetup.bundleFiles'), extensions: ['bchb'] }];

  const runExport = async () => {
    const id = crypto.randomUUID();
    setJobId(id);
    setError(undefined);
    setExported(undefined);
    const result = await api['sync.export']({ passphrase, jobId: id });
    setJobId(undefined);
    onDone();
    if (!result.ok) return setError(result.error);
    const value = result.value;
    if (value.status === 'nothing') return setExported([t('sync.nothingToSend')]);
    const lines = [value.seq > 0 ? t('syncsetup.exported', { seq: value.seq, changes: value.changes }) : value.files.join(', ')];
    const saved = await saveOutputs(value.bundles, { title: t('sync.exportTitle'), kinds: bundleKinds, bundles: true });
    if (saved && !saved.ok) setError(saved.error);
    else lines.push(saved ? savedMessage(saved) : t('syncsetup.notWritten'));
    setExported(lines);
    onDone();
    return undefined;
  };

  const runImport = async (dryRun: boolean) => {
    const id = crypto.randomUUID();
    setJobId(id);
    setError(undefined);
    setReceiptsSaved(undefined);
    const payload = files.map((f) => ({ name: f.name, base64: toBase64(f.bytes) }));
    const result = await api['sync.import']({ passphrase, files: payload, dryRun, jobId: id });
    setJobId(undefined);
    if (!result.ok) return setError(result.error);
    setResults(result.value);
    onDone();
    return undefined;
  };

  const receipts = results ? receiptsOf(results) : [];
  const saveReceipts = async () => {
    const saved = await saveOutputs(receipts, { title: t('syncsetup.saveReceipts', { count: receipts.length }), kinds: bundleKinds, bundles: true });
    if (saved && !saved.ok) return setError(saved.error);
    if (saved) setReceiptsSaved(savedMessage(saved));
    return undefined;
  };

  return (
    <div>
      {error ? <ErrorMessage error={error} /> : null}
      {jobId ? <ProgressBar jobId={jobId} label={t('sync.progress.import')} /> : null}
      <section className="card">
        <h2>{t('sync.exportTitle')}</h2>
        <button type="button" disabled={!passphrase || !!jobId} onClick={() => void runExport()}>
          {t('sync.exportButton')}
        </button>
        {exported ? <p role="status">{exported.join(' · ')}</p> : null}
      </section>
      <section className="card">
        <h2>{t('sync.importTitle')}</h2>
        <FilesPicker label={t('sync.importFiles')} extensions={['bchb']} multiple onChange={setFiles} />
        <FilesPicker label={t('sync.importFolder')} extensions={['bchb']} folder onChange={setFiles} />
        {files.length === 0 ? <p className="hint">{t('chain.import.chooseFirst')}</p> : null}
        <div className="button-row">
          <button type="button" className="secondary" disabled={files.length === 0 || !passphrase || !!jobId} onClick={() => void runImport(true)}>
            {t('sync.dryRunButton')}
          </button>
          <button type="button" disabled={files.length === 0 || !passphrase || !!jobId} onClick={() => void runImport(false)}>
            {t('sync.applyButton')}
          </button>
        </div>
        {results ? <ul>{results.map((r) => <ResultLine key={r.file} result={r} />)}</ul> : null}
        {receipts.length > 0 ? (
          <>
            <p className="hint">{t('syncsetup.receiptsHint')}</p>
            <button type="button" onClick={() => void saveReceipts()}>{t('syncsetup.saveReceipts', { count: receipts.length })}</button>
            {receiptsSaved ? <p role="status">{receiptsSaved}</p> : null}
          </>
        ) : null}
      </section>
    </div>
  );
}
