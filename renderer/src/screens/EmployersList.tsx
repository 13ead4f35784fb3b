import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employer } from '../../../shared/contract/registration.js';
import { formatNumber } from '../../../shared/khmer.js';
import { api } from '../api.js';
import { useLanguage } from '../i18n.js';
import { navigate } from '../router.js';

/** `0.125` → `12.5%` (Khmer digits in Khmer). */
export function formatShare(share: number, language: 'en' | 'km'): string {
  return `${formatNumber(Math.round(share * 1000) / 10, language)}%`;
}

/** The foreign share of an employer against its cap, as a small bar and a figure; over the cap in red. */
export function ShareOfCap({ employer }: { employer: Pick<Employer, 'foreignShare' | 'cap' | 'overCap'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const width = Math.min(100, Math.round(employer.foreignShare * 100));
  return (
    <span className={employer.overCap ? 'over-cap' : undefined}>
      <span className={employer.overCap ? 'share-bar over' : 'share-bar'} aria-hidden="true"><span style={{ width: `${width}%` }} /></span>{' '}
      {t('employers.shareOfCap', { share: formatShare(employer.foreignShare, language), cap: formatShare(employer.cap, language) })}
      {' · '}{t(employer.overCap ? 'employers.overCap' : 'employers.withinCap')}
    </span>
  );
}

/** Employers with their workforce and foreign share against the 10% cap; search, over-cap filter, keyset pages. */
export function EmployersList({ overCap = false }: { overCap?: boolean } = {}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [query, setQuery] = useState('');
  const [overCapOnly, setOverCapOnly] = useState(overCap);
  const [items, setItems] = useState<Employer[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const load = (after: string | null, current = { live: true }) => {
    void api['employers.list']({ query: query.trim() || undefined, overCap: overCapOnly ? true : undefined, cursor: after, limit: 100 }).then((r) => {
      if (!current.live || !r.ok) return;
      setItems((old) => (after ? [...old, ...r.value.items] : r.value.items));
      setCursor(r.value.nextCursor);
      setLoaded(true);
    });
  };
  useEffect(() => {
    const current = { live: true };
    const timer = setTimeout(() => load(null, current), 120);
    return () => { current.live = false; clearTimeout(timer); };
  }, [query, overCapOnly]);
  const n = (value: number) => formatNumber(value, language);
  return (
    <section>
      <div className="toolbar">
        <h1>{t('employers.title')}</h1>
        <button type="button" onClick={() => navigate('foreigners', 'employers', 'new')}>{t('employers.new')}</button>
      </div>
      <div className="filters grid">
        <label>
          {t('employers.search')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={overCapOnly} onChange={(e) => setOverCapOnly(e.target.checked)} />
          {t('employers.overCapOnly')}
        </label>
      </div>
      {loaded && items.length === 0 ? <p className="hint">{t('employers.none')}</p> : null}
      {items.length > 0 ? (
        <table aria-label={t('employers.list')}>
          <thead>
            <tr>
              <th>{t('employers.column.name')}</th>
              <th>{t('employers.column.registrationNo')}</th>
              <th>{t('employers.column.sector')}</th>
              <th>{t('employers.column.workforceTotal')}</th>
              <th>{t('employers.column.cambodianCount')}</th>
              <th>{t('employers.column.foreign')}</th>
              <th>{t('employers.column.share')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} className={e.overCap ? 'over-cap' : undefined}>
                <td><a href={`#/foreigners/employers/${e.id}`}>{e.nameLatin}</a> <span lang="km">{e.nameKm}</span></td>
                <td>{e.registrationNo || t('reg.empty')}</td>
                <td>{e.sector || t('reg.empty')}</td>
                <td>{n(e.workforceTotal)}</td>
                <td>{n(e.cambodianCount)}</td>
                <td>{t('employers.foreignCount', { declared: n(e.declaredForeign), registered: n(e.registeredForeign) })}</td>
                <td><ShareOfCap employer={e} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {cursor ? <button type="button" className="secondary" onClick={() => load(cursor)}>{t('employers.loadMore')}</button> : null}
    </section>
  );
}
