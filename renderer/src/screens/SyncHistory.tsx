import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useQuery } from '../hooks.js';

/** Bundles sent and received, held bundles waiting for a missing one, and alerts. */
export function SyncHistory() {
  const { t } = useTranslation();
  const history = useQuery('sync.history', {});
  if (history.error) return <ErrorMessage error={history.error} />;
  const data = history.data;
  if (!data) return <p>{t('common.loading')}</p>;
  return (
    <div>
      <h2>{t('sync.held')}</h2>
      {data.held.length === 0 ? <p>{t('sync.none')}</p> : (
        <ul>
          {data.held.map((h) => (
            <li key={`${h.fromOffice}-${h.kind}-${h.seq}`}>
              {h.fileName} · {h.fromOffice} · {t('sync.seq')} {h.seq} · {t('sync.waitingFor', { seq: h.waitingFor })}
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
          <tr><th>{t('sync.kind')}</th><th>{t('sync.seq')}</th><th>{t('sync.office')}</th><th>{t('sync.changes')}</th><th>{t('sync.file')}</th><th>{t('sync.date')}</th><th>{t('sync.acknowledged')}</th></tr>
        </thead>
        <tbody>
          {data.sent.map((s) => (
            <tr key={`${s.kind}-${s.seq}`}>
              <td>{s.kind}</td><td>{s.seq}</td><td className="mono">{s.toOffice}</td><td>{s.changes}</td><td>{s.fileName}</td><td>{s.createdAt}</td><td>{s.ackedAt ?? t('sync.notYet')}</td>
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
              <td>{r.kind}</td><td>{r.seq}</td><td className="mono">{r.fromOffice}</td>
              <td>{t('sync.counts', { inserted: r.inserted, updated: r.updated, deleted: r.deleted, skipped: r.skipped, conflicts: r.conflicts })}</td>
              <td>{r.fileName}</td><td>{r.importedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
