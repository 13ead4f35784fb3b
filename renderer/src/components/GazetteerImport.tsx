import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from './FilePicker.js';
import type { PickedFile } from '../../../shared/contract/api.js';
import type { OpResponse } from '../../../shared/contract/index.js';
import type { AppErrorShape, Result } from '../../../shared/errors.js';
import { api } from '../api.js';
import { useQuery } from '../hooks.js';
import { ErrorMessage } from './ErrorMessage.js';
import { ProgressBar } from './ProgressBar.js';

type ImportResult = OpResponse<'gazetteer.import'>;

/**
 * The gazetteer: first the one that came with Banhchi (the backend knows where it is; the page
 * sends no path), then "choose a file" for a newer one from the national office. All or nothing,
 * every bad line listed.
 */
export function GazetteerImport({ onImported }: { onImported?: () => void }) {
  const { t } = useTranslation();
  const bundled = useQuery('gazetteer.bundled', {});
  const [file, setFile] = useState<PickedFile>();
  const [jobId, setJobId] = useState<string>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<{ file: string; error: AppErrorShape }>();

  const execute = async (source: string, start: (jobId: string) => Promise<Result<ImportResult>>) => {
    const id = crypto.randomUUID();
    setJobId(id);
    setResult(undefined);
    setError(undefined);
    const outcome = await start(id);
    setJobId(undefined);
    if (outcome.ok) {
      setResult(outcome.value);
      bundled.reload();
      onImported?.();
    } else {
      setError({ file: source, error: outcome.error });
    }
  };
  const importFile = async () => {
    if (!file) return;
    const csv = new TextDecoder().decode(file.bytes);
    await execute(file.name, (id) => api['gazetteer.import']({ fileName: file.name, csv, jobId: id }));
  };
  const importBundled = () => execute('cambodia-admin-units.csv', (id) => api['gazetteer.importBundled']({ jobId: id }));

  const shipped = bundled.data?.bundled;
  const shippedInUse = shipped && bundled.data?.importedVersion === shipped.version;
  return (
    <section aria-labelledby="gazetteer-import-title" className="card">
      <h2 id="gazetteer-import-title">{t('gazetteer.title')}</h2>
      {shipped && !shippedInUse ? (
        <p>
          <button type="button" className="primary" disabled={jobId !== undefined} onClick={() => void importBundled()}>
            {t('gazetteerBundled.use', { version: shipped.version, units: shipped.units })}
          </button>
        </p>
      ) : null}
      {shipped && shippedInUse && !result ? <p className="hint">{t('gazetteerBundled.inUse', { version: shipped.version })}</p> : null}
      <p className="hint">{shipped ? t('gazetteerBundled.orChoose') : t('gazetteer.help')}</p>
      <FilePicker label={t('gazetteer.file')} extensions={['csv']} onChange={setFile} />
      <button type="button" disabled={!file || jobId !== undefined} onClick={() => void importFile()}>
        {jobId ? t('gazetteer.importing') : t('gazetteer.import')}
      </button>
      {jobId ? <ProgressBar jobId={jobId} label={t('gazetteer.importing')} /> : null}
      {result ? (
        <p role="status" className="success">
          {result.status === 'unchanged' ? t('gazetteer.unchanged', result) : t('gazetteer.imported', result)}
        </p>
      ) : null}
      {error ? <ErrorMessage title={t('gazetteer.rejected', { file: error.file })} error={error.error} /> : null}
    </section>
  );
}
