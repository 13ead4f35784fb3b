import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpResponse } from '../../../shared/contract/index.js';
import {
  IMPORT_EMPLOYMENT_FIELDS, IMPORT_PERSON_FIELDS, IMPORT_STAY_FIELDS, UPLOAD_CHUNK_BYTES, type ColumnMapping, type ImportField, type ImportTarget,
} from '../../../shared/contract/spreadsheet.js';

/** The columns that matter for what the rows are. */
const FIELDS_FOR: Record<ImportTarget['kind'], readonly ImportField[]> = {
  persons: IMPORT_PERSON_FIELDS,
  stays: [...IMPORT_PERSON_FIELDS, ...IMPORT_STAY_FIELDS],
  employment: [...IMPORT_PERSON_FIELDS, ...IMPORT_EMPLOYMENT_FIELDS],
};
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FilePicker } from '../components/FilePicker.js';
import { Choice } from '../components/FormFields.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { RecordPicker } from '../components/RecordPicker.js';
import { toBase64 } from '../files.js';
import type { PickedFile } from '../../../shared/contract/api.js';


/** Sends the file in 2 MiB chunks, so no request carries a giant payload. */
async function upload(file: PickedFile, onProgress: (percent: number) => void): Promise<string> {
  let uploadId: string | null = null;
  const size = file.bytes.length;
  for (let offset = 0; offset < size || offset === 0; offset += UPLOAD_CHUNK_BYTES) {
    const chunk = file.bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
    const r: Awaited<ReturnType<(typeof api)['spreadsheet.upload']>> = await api['spreadsheet.upload']({ uploadId, fileName: file.name, offset, base64: toBase64(chunk) });
    if (!r.ok) throw r.error;
    uploadId = r.value.uploadId;
    onProgress(Math.round((100 * Math.min(size, offset + UPLOAD_CHUNK_BYTES)) / Math.max(1, size)));
    if (size === 0) break;
  }
  return uploadId ?? '';
}

type Inspect = OpResponse<'spreadsheet.inspect'>;
type Outcome = OpResponse<'spreadsheet.import'>;

/** Choose a file, map its columns (suggested from the header), preview, check, then import all or nothing. */
export function SpreadsheetImport() {
  const { t } = useTranslation();
  const [uploadId, setUploadId] = useState('');
  const [info, setInfo] = useState<Inspect>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [kind, setKind] = useState<ImportTarget['kind']>('persons');
  const [recordId, setRecordId] = useState('');
  const [percent, setPercent] = useState<number>();
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<AppErrorShape>();
  const [outcome, setOutcome] = useState<Outcome>();
  const choose = async (file: PickedFile | undefined) => {
    if (!file) return;
    setError(undefined); setOutcome(undefined); setInfo(undefined);
    try {
      const id = await upload(file, setPercent);
      setUploadId(id);
      const r = await api['spreadsheet.inspect']({ source: { uploadId: id } });
      if (!r.ok) return setError(r.error);
      setInfo(r.value);
      setMapping(r.value.suggested);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setPercent(undefined);
    }
  };
  const target = (): ImportTarget =>
    kind === 'stays' ? { kind, premisesId: recordId } : kind === 'employment' ? { kind, employerId: recordId } : { kind: 'persons' };
  const run = async (dryRun: boolean) => {
    const id = crypto.randomUUID();
    setJobId(id); setError(undefined); setOutcome(undefined);
    const r = await api['spreadsheet.import']({ source: { uploadId }, sheet: info?.sheet ?? null, target: target(), mapping, dryRun, jobId: id });
    setJobId(undefined);
    if (r.ok) setOutcome(r.value);
    else setError(r.error);
  };
  const columnOptions = [{ value: '', label: t('reg.import.notMapped') }, ...(info?.headers ?? []).map((h, i) => ({ value: String(i), label: h || String(i + 1) }))];
  return (
    <section>
      <h1>{t('reg.import.title')}</h1>
      <FilePicker label={t('reg.import.file')} extensions={['csv', 'xlsx']} onChange={(file) => void choose(file)} />
      {percent !== undefined ? <p role="status">{t('reg.import.uploading', { percent })}</p> : null}
      {info ? (
        <>
          <Choice
            label={t('reg.import.target')} value={kind} onChange={(v) => { setKind(v as ImportTarget['kind']); setRecordId(''); }}
            options={[
              { value: 'persons', label: t('reg.import.targetPersons') },
              { value: 'stays', label: t('reg.import.targetStays') },
              { value: 'employment', label: t('reg.import.targetEmployment') },
            ]}
          />
          {kind !== 'persons' ? (
            <RecordPicker kind={kind === 'stays' ? 'premises' : 'employer'} label={t(kind === 'stays' ? 'reg.import.premisesId' : 'reg.import.employerId')} value={recordId} onChange={setRecordId} />
          ) : null}
          <fieldset className="mapping grid">
            <legend>{t('reg.import.mapping')}</legend>
            {FIELDS_FOR[kind].map((field: ImportField) => (
              <Choice
                key={field} label={t('reg.import.column', { field: t(`reg.field.${field}`) })} value={mapping[field]?.toString() ?? ''} options={columnOptions}
                onChange={(v) => setMapping({ ...mapping, [field]: v === '' ? null : Number(v) })}
              />
            ))}
          </fieldset>
          <table aria-label={t('reg.import.preview')}>
            <thead>
              <tr><th>{t('reg.import.row')}</th>{info.headers.map((h, i) => <th key={i}>{h}</th>)}</tr>
            </thead>
            <tbody>
              {info.preview.map((r) => (
                <tr key={r.row}><td>{r.row}</td>{info.headers.map((_, i) => <td key={i}>{r.cells[i] ?? ''}</td>)}</tr>
              ))}
            </tbody>
          </table>
          <div className="toolbar">
            <button type="button" disabled={!!jobId || (kind !== 'persons' && !recordId)} onClick={() => void run(true)}>{t('reg.import.check')}</button>
            <button type="button" disabled={!!jobId || (kind !== 'persons' && !recordId)} onClick={() => void run(false)}>{t('reg.import.run')}</button>
          </div>
        </>
      ) : null}
      {jobId ? <ProgressBar jobId={jobId} label={t('reg.import.run')} /> : null}
      {outcome ? (
        <p role="status" className="success">
          {outcome.status === 'valid'
            ? t('reg.import.valid', { rows: outcome.rows })
            : t('reg.import.done', { rows: outcome.rows, created: outcome.personsCreated, existing: outcome.personsExisting })}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
