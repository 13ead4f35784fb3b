import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useQuery } from '../hooks.js';
import { useFormat } from '../format.js';

/** Bundles sent and received (office names, local dates, where each was written), held bundles and alerts. */
export function SyncHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery('sync.history', {});
  if (history.error) return <ErrorMessage error={history.error} />;
  const data = history.data;
  if (!data) return <p>{t('common.loading')}</p>;
  const when = (iso: string | null) => format.date(iso);
  const office = (name: string | null) => name ?? t('syncsetup.unknownOffice');
  const kind = (k: string) => (['changes', 'receipt', 'reference'].includes(k) ? t(`syncsetup.kind.${k as 'changes'}`) : k);
  return (
    <div>
      <h2>{t('sync.held')}</h2>
      {data.held.length === 0 ? <p>{t('sync.none')}</p> : (
        <ul>
          {data.held.map((h) => (
            <li key={`${h.fromOffice}-${h.kind}-${h.seq}`}>
              {h.fileName} · {office(h.fromOfficeName)} · {t('sync.seq')} {h.seq} · {t('sync.waitingFor', { seq: h.waitingFor })} · {when(h.heldAt)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('sync.alerts')}</h2>
      {data.alerts.length === 0 ? <p>{t('sync.none')}</p> : (
        <ul>{data.alerts.map((a, i) => <li key={i} className="mono">{JSON.stringify(a)}</li>)}</ul>
      )}
      <h2>{t('sync.sent')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('sync.kind')}</th><th>{t('sync.seq')}</th><th>{t('sync.office')}</th><th>{t('sync.changes')}</th><th>{t('sync.file')}</th>
            <th>{t('sync.date')}</th><th>{t('syncsetup.where')}</th><th>{t('sync.acknowledged')}</th>
          </tr>
        </thead>
        <tbody>
          {data.sent.map((s) => (
            <tr key={`${s.kind}-${s.seq}`}>
              <td>{kind(s.kind)}</td><td>{s.seq}</td><td>{office(s.toOfficeName)}</td><td>{s.changes}</td><td>{s.fileName}</td><td>{when(s.createdAt)}</td>
              <td>{s.writtenTo ? t('syncsetup.writtenTo', { place: s.writtenTo }) : s.writtenAt ? t('syncsetup.downloadedAt') : t('syncsetup.notWritten')}</td>
              <td>{s.ackedAt ? when(s.ackedAt) : t('sync.notYet')}</td>
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
              <td>{kind(r.kind)}</td><td>{r.seq}</td><td>{office(r.fromOfficeName)}</td>
              <td>{t('sync.counts', { inserted: r.inserted, updated: r.updated, deleted: r.deleted, skipped: r.skipped, conflicts: r.conflicts })}</td>
              <td>{r.fileName}</td><td>{when(r.importedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
