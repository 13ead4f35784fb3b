import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilterDto, AuditRowDto, ChainReportDto } from '../../../shared/contract/audit.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { recordKind } from '../../../shared/i18n/record-kind.js';
import { DateField } from '../components/DateField.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { api } from '../api.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { i18n, useLanguage } from '../i18n.js';
import { actorName } from '../components/HistoryList.js';
import { saveOutputs } from '../save-files.js';
import type { SectionProps } from '../sections.js';

const PAGE = 50;
const WRITES = ['insert', 'update', 'delete'] as const;
/** Entities the audit names in words; any other shows as "Record (name)". */
const NAMED_ENTITIES = ['person', 'complaint', 'case_person'];

interface Filters { user: string; from: string; to: string; operation: string }
const NO_FILTERS: Filters = { user: '', from: '', to: '', operation: '' };

function requestOf(filters: Filters): AuditFilterDto {
  return {
    ...(filters.user ? { user: filters.user } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.operation ? { operation: filters.operation } : {}),
  };
}

/** `#/audit`: the administrator's audit of reads and writes, its export, and the check of each office's chain. */
export function AuditScreen(_props: SectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const users = useQuery('accounts.list', {});
  const list = useQuery('audit.list', { ...requestOf(applied), limit: PAGE, offset });
  const [exported, setExported] = useState<number | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const operations = list.data?.operations ?? [];

  const exportCsv = async () => {
    setError(null);
    setExported(null);
    const made = await api['audit.export'](requestOf(applied));
    if (!made.ok) return setError(made.error);
    const saved = await saveOutputs([made.value.file], { title: t('audit.filter.export'), kinds: [{ label: 'CSV', extensions: ['csv'] }] });
    if (saved && !saved.ok) return setError(saved.error);
    if (saved) setExported(made.value.rows);
  };

  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <VerifyChains />
      <form
        className="report-filters card"
        aria-label={t('audit.filter.title')}
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setApplied(draft);
        }}
      >
        <label>
          {t('audit.filter.user')}
          <select value={draft.user} onChange={(e) => setDraft({ ...draft, user: e.target.value })}>
            <option value="">{t('audit.filter.anyUser')}</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>{`${language === 'km' ? u.nameKm : u.nameEn} (${u.username})`}</option>
            ))}
          </select>
        </label>
        <DateField label={t('audit.filter.from')} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        <DateField label={t('audit.filter.to')} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        <label>
          {t('audit.filter.operation')}
          <select value={draft.operation} onChange={(e) => setDraft({ ...draft, operation: e.target.value })}>
            <option value="">{t('audit.filter.anyOperation')}</option>
            {[...operations, ...WRITES].map((op) => <option key={op} value={op}>{operationLabel(t as T, op)}</option>)}
          </select>
        </label>
        <button type="submit">{t('audit.filter.apply')}</button>
      </form>
      <div className="report-actions">
        <button type="button" onClick={() => void exportCsv()}>{t('audit.filter.export')}</button>
      </div>
      {exported !== null ? <p role="status">{t('audit.filter.exported', { count: exported })}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.data ? (
        <AuditTable
          rows={list.data.entries} total={list.data.total} offset={offset}
          onPage={(next) => setOffset(Math.max(0, next))}
        />
      ) : null}
    </section>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function operationLabel(t: T, op: string): string {
  const key = `audit.operation.${op.replace('.', '_')}`;
  return op !== 'other' && i18n.exists(key) ? t(key) : t('audit.operation.other', { op });
}

/** An office by its name in the UI language (Latin when it has no Khmer name), or its id when not known here. */
function officeLabel(row: { office: string; officeName: string | null; officeNameKm: string | null }, language: 'en' | 'km'): string {
  return (language === 'km' && row.officeNameKm) || row.officeName || row.office;
}

function entityLabel(t: T, entity: string): string {
  if (NAMED_ENTITIES.includes(entity)) return t(`audit.entity.${entity}`);
  return recordKind(t as never, entity) ?? t('audit.entity.other', { entity });
}

function AuditTable({ rows, total, offset, onPage }: { rows: AuditRowDto[]; total: number; offset: number; onPage: (offset: number) => void }) {
  const { t } = useTranslation();
  const tt = t as T;
  const f = useFormat();
  if (rows.length === 0) return <p>{t('audit.none')}</p>;
  return (
    <>
      <p>{t('audit.total', { count: total })}</p>
      <table className="audit-table">
        <thead>
          <tr>
            <th>{t('audit.column.at')}</th>
            <th>{t('audit.column.kind')}</th>
            <th>{t('audit.column.user')}</th>
            <th>{t('audit.column.operation')}</th>
            <th>{t('audit.column.record')}</th>
            <th>{t('audit.column.office')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.kind}-${row.office}-${row.seq}`}>
              <td>{f.date(row.at)}</td>
              <td>{t(`audit.kind.${row.kind}`)}</td>
              <td>{actorName(tt, row.actor, row.actorName)}</td>
              <td>{operationLabel(tt, row.operation)}</td>
              <td>
                {entityLabel(tt, row.entity)}
                {row.recordName ? <>{' · '}<a href={`#/foreigners/${row.recordId}`}>{row.recordName}</a></> : null}
              </td>
              <td>{officeLabel(row, f.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="report-actions">
        <button type="button" disabled={offset === 0} onClick={() => onPage(offset - PAGE)}>{t('audit.previous')}</button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => onPage(offset + PAGE)}>{t('audit.next')}</button>
      </div>
    </>
  );
}

/** The Verify button: each office's chain held here, OK or the first entry that breaks it. */
function VerifyChains() {
  const { t } = useTranslation();
  const f = useFormat();
  const [running, setRunning] = useState(false);
  const [reports, setReports] = useState<ChainReportDto[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const verify = async () => {
    setRunning(true);
    setError(null);
    const result = await api['audit.verify']({});
    setRunning(false);
    if (!result.ok) return setError(result.error);
    setReports(result.value);
  };
  return (
    <section className="card" aria-labelledby="audit-verify-title">
      <h2 id="audit-verify-title">{t('audit.verify.title')}</h2>
      <p>{t('audit.verify.intro')}</p>
      <button type="button" disabled={running} onClick={() => void verify()}>{running ? t('audit.verify.running') : t('audit.verify.button')}</button>
      {error ? <ErrorMessage error={error} /> : null}
      {reports ? (
        reports.length === 0 ? <p role="status">{t('audit.verify.none')}</p> : (
          <ul role="status" aria-label={t('audit.verify.title')}>
            {reports.map((r) => (
              <li key={r.office} className={r.broken ? 'error' : undefined}>
                {r.broken
                  ? t('audit.verify.broken', { office: officeLabel(r, f.language), seq: r.broken.seq, reason: t(`audit.reason.${r.broken.reason}`) })
                  : t('audit.verify.ok', { office: officeLabel(r, f.language), count: r.entries })}
                {!r.broken && r.restored ? ` ${t('audit.verify.restored', { from: r.restored.from, to: r.restored.to })}` : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
