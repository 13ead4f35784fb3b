import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilesPicker } from '../components/FilePicker.js';
import type { ImportResultView } from '../../../shared/contract/sync.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ProgressBar } from '../components/ProgressBar.js';

async function toBase64(file: File): Promise<{ name: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(binary) };
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
                {entity}: {t('sync.counts', { ...c, conflicts: 0 })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.receipt ? <div>{t('sync.receiptWritten', { file: result.receipt })}</div> : null}
      {result.receiptError ? <ErrorMessage error={result.receiptError} /> : null}
      {result.released.length > 0 ? <ul>{result.released.map((r) => <ResultLine key={r.file} result={r} />)}</ul> : null}
    </li>
  );
}

/** Only bundle files count, whether chosen one by one or found in a folder on the stick. */
const isBundle = (file: File) => file.name.endsWith('.bchb');

/** Export to a folder; import chosen files or a whole folder, dry run first, then apply. */
export function SyncExchange({ passphrase, onDone }: { passphrase: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [dir, setDir] = useState('');
  const [receiptDir, setReceiptDir] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<AppErrorShape>();
  const [exported, setExported] = useState<string>();
  const [results, setResults] = useState<ImportResultView[]>();

  const runExport = async () => {
    const id = crypto.randomUUID();
    setJobId(id);
    setError(undefined);
    const result = await api['sync.export']({ passphrase, dir, jobId: id });
    setJobId(undefined);
    if (!result.ok) return setError(result.error);
    setExported(result.value.status === 'nothing' ? t('sync.nothingToSend') : t('sync.exported', { file: result.value.files[0] ?? '', changes: result.value.changes }));
    onDone();
  };

  const runImport = async (dryRun: boolean) => {
    const id = crypto.randomUUID();
    setJobId(id);
    setError(undefined);
    const payload = await Promise.all(files.map(toBase64));
    const result = await api['sync.import']({ passphrase, files: payload, dryRun, receiptDir: receiptDir || null, jobId: id });
    setJobId(undefined);
    if (!result.ok) return setError(result.error);
    setResults(result.value);
    onDone();
  };

  return (
    <div>
      {error ? <ErrorMessage error={error} /> : null}
      {jobId ? <ProgressBar jobId={jobId} label={t('sync.progress.import')} /> : null}
      <section className="card">
        <h2>{t('sync.exportTitle')}</h2>
        <label>
          {t('sync.exportFolder')}
          <input value={dir} onChange={(e) => setDir(e.target.value)} />
        </label>
        <button type="button" disabled={!dir || !passphrase || !!jobId} onClick={() => void runExport()}>
          {t('sync.exportButton')}
        </button>
        {exported ? <p role="status">{exported}</p> : null}
      </section>
      <section className="card">
        <h2>{t('sync.importTitle')}</h2>
        <FilesPicker label={t('sync.importFiles')} accept=".bchb" multiple keep={isBundle} onChange={setFiles} />
        <FilesPicker label={t('sync.importFolder')} folder keep={isBundle} onChange={setFiles} />
        <label>
          {t('sync.receiptFolder')}
          <input value={receiptDir} onChange={(e) => setReceiptDir(e.target.value)} />
        </label>
        <button type="button" className="secondary" disabled={files.length === 0 || !passphrase || !!jobId} onClick={() => void runImport(true)}>
          {t('sync.dryRunButton')}
        </button>
        <button type="button" disabled={files.length === 0 || !passphrase || !!jobId} onClick={() => void runImport(false)}>
          {t('sync.applyButton')}
        </button>
        {results ? <ul>{results.map((r) => <ResultLine key={r.file} result={r} />)}</ul> : null}
      </section>
    </div>
  );
}
