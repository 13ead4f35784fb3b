import { useTranslation } from 'react-i18next';
import { useQuery } from '../hooks.js';
import { i18n } from '../i18n.js';

function show(value: unknown): string {
  return value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A logged column (`passport_expiry`) by its form label when there is one. */
function fieldLabel(t: ReturnType<typeof useTranslation>['t'], column: string): string {
  const key = `reg.field.${column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;
  return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : column;
}

/** Who changed which field from what to what, and when, from the change log. */
export function HistoryList({ entity, recordId }: { entity: string; recordId: string }) {
  const { t } = useTranslation();
  const history = useQuery('history.forRecord', { entity, recordId });
  const entries = history.data ?? [];
  return (
    <section className="card" aria-label={t('reg.history.title')}>
      <h2>{t('reg.history.title')}</h2>
      {entries.length === 0 ? <p className="hint">{t('reg.history.empty')}</p> : null}
      <ol className="history">
        {entries.map((entry) => {
          const after = entry.after ?? {};
          const before = entry.before ?? {};
          const fields = entry.op === 'update' ? Object.keys(after) : [];
          return (
            <li key={entry.seq}>
              {t('reg.history.line', { when: entry.at.slice(0, 16).replace('T', ' '), who: entry.actor, op: t(`reg.history.op.${entry.op}`) })}
              {fields.length > 0 ? (
                <ul>
                  {fields.map((field) => (
                    <li key={field}>{t('reg.history.change', { field: fieldLabel(t, field), from: show(before[field]), to: show(after[field]) })}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
