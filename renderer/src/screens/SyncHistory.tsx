import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useQuery } from '../hooks.js';
import { useFormat } from '../format.js';
import { saveOutputs } from '../save-files.js';

/** Bundles sent and received (office names, local dates, where each was written), held bundles and alerts. */
export function SyncHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery('sync.history', {});
  const bundleKinds = [{ label: t('syncsetup.bundleFiles'), extensions: ['bchb'] }];
  const [written, setWritten] = useState<{ file: string; text?: string; error?: AppErrorShape }>();
  const writeAgain = async (fileName: string) => {
    const result = await api['sync.writeAgain']({ fileName });
    if (!result.ok) return setWritten({ file: fileName, error: result.error });
    const saved = await saveOutputs(result.value.bundles, { title: t('sync.writeAgain'), kinds: bundleKinds, bundles: true });
    if (saved && !saved.ok) return setWritten({ file: fileName, error: saved.error });
    if (saved) {
      setWritten({ file: fileName, text: t('sync.writtenAgain', { seq: result.value.seq }) });
      history.reload();
    }
  };
  if (history.error) return <ErrorMessage error={history.error} />;
  const data = history.data;
  if (!data) return <p>{t('common.loading')}</p>;
  const when = (iso: string | null) => format.date(iso);
  // An office by its name in the UI language (the backend gives both), never its id.
  const office = (name: string | null, nameKm?: string | null) => (format.language === 'km' && nameKm) || name || t('syncsetup.unknownOffice');
  // Each alert in words; one of a kind this version does not know is still shown, with its date.
  const alertText = (a: Record<string, unknown>) => {
    const at = when(typeof a.at === 'string' ? a.at : null);
    const seq = typeof a.seq === 'number' ? a.seq : 0;
    if (a.kind === 'restoredContinued') return t('sync.alert.restoredContinued', { at, seq });
    if (a.kind === 'sequenceReused') return t('sync.alert.sequenceReused', { at, seq, file: String(a.file ?? ''), office: office(typeof a.fromName === 'string' ? a.fromName : null, typeof a.fromNameKm === 'string' ? a.fromNameKm : null) });
    return t('sync.alert.other', { at });
  };
  const kind = (k: string) => (['changes', 'receipt', 'reference', 'campaigns'].includes(k) ? t(`syncsetup.kind.${k as 'changes'}`) : k);
  return (
    <div>
      <h2>{t('sync.held')}</h2>
      {data.held.length === 0 ? <p>{t('sync.none')}</p> : (
        <ul>
          {data.held.map((h) => (
            <li key={`${h.fromOffice}-${h.kind}-${h.seq}`}>
              {h.fileName} · {office(h.fromOfficeName, h.fromOfficeNameKm)} · {t('sync.seq')} {format.number(h.seq)} · {t('sync.waitingFor', { seq: h.waitingFor })} · {when(h.heldAt)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('sync.alerts')}</h2>
      {data.alerts.length === 0 ? <p>{t('sync.none')}</p> : (
        <ul>{data.alerts.map((a, i) => <li key={i}>{alertText(a)}</li>)}</ul>
      )}
      <h2>{t('sync.sent')}</h2>
      {written?.error ? <ErrorMessage error={written.error} /> : null}
      {written?.text ? <p role="status">{written.text}</p> : null}
      <table>
        <thead>
          <tr>
            <th>{t('sync.kind')}</th><th>{t('sync.seq')}</th><th>{t('sync.office')}</th><th>{t('sync.changes')}</th><th>{t('sync.file')}</th>
            <th>{t('sync.date')}</th><th>{t('syncsetup.where')}</th><th>{t('sync.acknowledged')}</th><th />
          </tr>
        </thead>
        <tbody>
          {data.sent.map((s) => (
            <tr key={`${s.kind}-${s.seq}`}>
              <td>{kind(s.kind)}</td><td>{format.number(s.seq)}</td><td>{office(s.toOfficeName, s.toOfficeNameKm)}</td><td>{format.number(s.changes)}</td><td>{s.fileName}</td><td>{when(s.createdAt)}</td>
              <td>{s.writtenTo ? t('syncsetup.writtenTo', { place: s.writtenTo }) : s.writtenAt ? t('syncsetup.downloadedAt') : t('syncsetup.notWritten')}</td>
              <td>
                {s.ackedAt ? when(s.ackedAt) : t('sync.notYet')}
                {s.missing ? <p className="hint" role="note">{t('sync.missingAbove', s.missing)}</p> : null}
              </td>
              <td>{s.kept ? <button type="button" onClick={() => void writeAgain(s.fileName)}>{t('sync.writeAgain')}</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('sync.received')}</h2>
      <table>
        <thead>
          <tr><th>{t('sync.kind')}</th><th>{t('sync.seq')}</th><th>{t('sync.office')}</th><th>{t('sync.changes')}</th><th>{t('sync.file')}</th><th>{t('sync.date')}</th></tr>
        </thead>
        <tbody>
          {data.received.map((r) => (
            <tr key={`${r.fromOffice}-${r.kind}-${r.seq}`}>
              <td>{kind(r.kind)}</td><td>{format.number(r.seq)}</td><td>{office(r.fromOfficeName, r.fromOfficeNameKm)}</td>
              <td>
                {t('sync.counts', { inserted: r.inserted, updated: r.updated, deleted: r.deleted, skipped: r.skipped, conflicts: r.conflicts })}
                {r.stoodInFor ? <> · {t('sync.stoodInForShort', { ...r.stoodInFor, context: r.stoodInFor.from === r.stoodInFor.to ? 'single' : undefined })}</> : null}
              </td>
              <td>{r.fileName}</td><td>{when(r.importedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
