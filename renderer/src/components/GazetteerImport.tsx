import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from './FilePicker.js';
import type { OpResponse } from '../../../shared/contract/index.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from './ErrorMessage.js';
import { ProgressBar } from './ProgressBar.js';

/** Choose the gazetteer CSV and import it; all or nothing, every bad line listed. */
export function GazetteerImport({ onImported }: { onImported?: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [jobId, setJobId] = useState<string>();
  const [result, setResult] = useState<OpResponse<'gazetteer.import'>>();
  const [error, setError] = useState<{ file: string; error: AppErrorShape }>();

  const run = async () => {
    if (!file) return;
    const id = crypto.randomUUID();
    setJobId(id);
    setResult(undefined);
    setError(undefined);
    const outcome = await api['gazetteer.import']({ fileName: file.name, csv: await file.text(), jobId: id });
    setJobId(undefined);
    if (outcome.ok) {
      setResult(outcome.value);
      onImported?.();
    } else {
      setError({ file: file.name, error: outcome.error });
    }
  };

  return (
    <section aria-labelledby="gazetteer-import-title" className="card">
      <h2 id="gazetteer-import-title">{t('gazetteer.title')}</h2>
      <p className="hint">{t('gazetteer.help')}</p>
      <FilePicker label={t('gazetteer.file')} accept=".csv,text/csv" onChange={setFile} />
      <button type="button" disabled={!file || jobId !== undefined} onClick={() => void run()}>
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
