import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from '../../../shared/contract/common.js';
import { useFormat, type Format } from '../format.js';
import { useQuery } from '../hooks.js';
import { i18n } from '../i18n.js';
import { userName } from '../../../shared/user-name.js';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Columns that are bookkeeping, not something a person changed. */
const HIDDEN = new Set(['id', 'revision', 'origin_office', 'name_key', 'passport_key', 'created_at', 'source']);
const DATE_COLUMN = /(_date|_expiry|_on|_at|_issued|^since)$/;
/** Columns whose value is a code of a translated list: column → i18n prefix. */
const CODED: Record<string, string> = {
  sex: 'reg.sex', pledge_status: 'reg.pledge', status: 'reg.premisesStatus', type: 'reg.premisesType', role: 'reg.role',
  id_kind: 'reg.idKind', work_status: 'reg.workStatus',
};
const BOOLEAN = new Set(['diplomatic', 'late']);
const LINKED: Record<string, string> = { merged_into: 'foreigners', person_id: 'foreigners', premises_id: 'premises', employer_id: 'foreigners/employers' };

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A logged column (`pledge_status`) by its form label (`Pledge`). */
export function fieldLabel(t: T, column: string): string {
  for (const key of [`reg.field.${camel(column)}`, `display.field.${camel(column)}`]) if (i18n.exists(key)) return t(key);
  return camel(column).replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** Who made a change, in words: the office operator, the command line, Banhchi itself, or another office. */
export function actorName(t: T, actor: string, name?: { en: string; km: string } | null): string {
  if (name) return userName({ nameEn: name.en, nameKm: name.km }, i18n.language === 'km' ? 'km' : 'en');
  if (actor === 'local-operator' || actor === 'system') return t(`display.actor.${actor}`);
  if (actor.startsWith('cli:')) return t('display.actor.cli', { user: actor.slice(4) });
  // A user account whose name has not reached this office: never its id.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(actor)) return t('accounts.unknownUser');
  return actor;
}

function valueText(t: T, f: Format, column: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (LINKED[column]) return t('display.value.mergedRecord');
  if (BOOLEAN.has(column) || typeof value === 'boolean') return t(value === true || value === 1 ? 'display.value.yes' : 'display.value.no');
  if (column === 'nationality' || column === 'issuing_state') return f.nationality(String(value));
  if (column === 'visa_type') return f.code('visaType', String(value));
  const coded = CODED[column];
  if (coded && i18n.exists(`${coded}.${String(value)}`)) return t(`${coded}.${String(value)}`);
  if (typeof value === 'string' && DATE_COLUMN.test(column)) return f.date(value);
  if (typeof value === 'number') return f.number(value);
  if (column === 'room') return f.digits(String(value));
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One changed field; a change pointing at another record (a merge) links to it. */
function Change({ column, before, after, t, f }: { column: string; before: unknown; after: unknown; t: T; f: Format }) {
  const text = t('reg.history.change', { field: fieldLabel(t, column), from: valueText(t, f, column, before), to: valueText(t, f, column, after) });
  const section = LINKED[column];
  return <li>{section && typeof after === 'string' && after ? <a href={`#/${section}/${after}`}>{text}</a> : text}</li>;
}

function changedFields(entry: ChangeEntry): string[] {
  if (entry.op !== 'update') return [];
  return Object.keys(entry.after ?? {}).filter((column) => !HIDDEN.has(column));
}

/** Who changed which field from what to what, and when, from the change log — in words, not columns. */
export function HistoryList({ entity, recordId }: { entity: string; recordId: string }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as T;
  const f = useFormat();
  const history = useQuery('history.forRecord', { entity, recordId });
  const entries = history.data ?? [];
  return (
    <section className="card" aria-label={t('reg.history.title')}>
      <h2>{t('reg.history.title')}</h2>
      {entries.length === 0 ? <p className="hint">{t('reg.history.empty')}</p> : null}
      <ol className="history">
        {entries.map((entry) => {
          const before = entry.before ?? {};
          const after = entry.after ?? {};
          return (
            <li key={entry.seq}>
              {t('reg.history.line', { when: f.date(entry.at), who: actorName(t, entry.actor, entry.actorName), op: t(`reg.history.op.${entry.op}`) })}
              {changedFields(entry).length > 0 ? (
                <ul>
                  {changedFields(entry).map((column) => (
                    <Change key={column} column={column} before={before[column]} after={after[column]} t={t} f={f} />
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
