import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useQuery } from '../hooks.js';

/** The same person registered by two offices with differing legal fields: a person decides, nothing is merged silently. */
export function SyncConflicts() {
  const { t } = useTranslation();
  const conflicts = useQuery('sync.conflicts', { status: 'open' });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppErrorShape>();
  if (conflicts.error) return <ErrorMessage error={conflicts.error} />;
  if (!conflicts.data) return <p>{t('common.loading')}</p>;
  if (conflicts.data.length === 0) return <p>{t('sync.none')}</p>;
  const resolve = async (id: string) => {
    const result = await api['sync.resolveConflict']({ id, resolution: notes[id] ?? '' });
    if (!result.ok) return setError(result.error);
    conflicts.reload();
  };
  return (
    <div>
      {error ? <ErrorMessage error={error} /> : null}
      {conflicts.data.map((c) => (
        <section key={c.id} className="card">
          <h2>{c.entity}</h2>
          <table>
            <thead>
              <tr><th>{t('sync.field')}</th><th>{t('sync.recordA')} ({c.officeA})</th><th>{t('sync.recordB')} ({c.officeB})</th></tr>
            </thead>
            <tbody>
              {c.fields.map((f) => (
                <tr key={f.field}><td>{f.field}</td><td>{String(f.a ?? '')}</td><td>{String(f.b ?? '')}</td></tr>
              ))}
            </tbody>
          </table>
          <label>
            {t('sync.resolution')}
            <input value={notes[c.id] ?? ''} onChange={(e) => setNotes({ ...notes, [c.id]: e.target.value })} />
          </label>
          <button type="button" disabled={!notes[c.id]} onClick={() => void resolve(c.id)}>
            {t('sync.resolveButton')}
          </button>
        </section>
      ))}
    </div>
  );
}
