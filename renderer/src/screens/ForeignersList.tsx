import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary, SearchHit } from '../../../shared/contract/registration.js';
import { api } from '../api.js';
import { Choice } from '../components/FormFields.js';
import { VirtualList } from '../components/VirtualList.js';

/** One search box with results as you type (Latin or Khmer); without a query, the filtered list. */
export function ForeignersList() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'all' | 'present' | 'departed'>('all');
  const [nationality, setNationality] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [people, setPeople] = useState<PersonSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!query.trim()) return setHits([]);
    let current = true;
    const timer = setTimeout(() => {
      void api['persons.search']({ query, limit: 50 }).then((r) => current && r.ok && setHits(r.value.items));
    }, 120);
    return () => { current = false; clearTimeout(timer); };
  }, [query]);
  const filter = { status, nationality: nationality.length >= 1 ? nationality.toUpperCase() : undefined };
  const load = (after: string | null) => {
    setLoading(true);
    void api['persons.list']({ ...filter, cursor: after, limit: 100 }).then((r) => {
      setLoading(false);
      if (!r.ok) return;
      setPeople((old) => (after ? [...old, ...r.value.items] : r.value.items));
      setCursor(r.value.nextCursor);
    });
  };
  useEffect(() => load(null), [status, nationality]);
  const line = (p: PersonSummary) => t('reg.foreigners.line', { nationality: p.nationality, passport: p.passportNo, birth: p.birthDate });
  return (
    <section>
      <h1>{t('reg.foreigners.title')}</h1>
      <label>
        {t('reg.foreigners.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('reg.foreigners.searchHint')} />
      </label>
      {query.trim() ? (
        <ul aria-label={t('reg.foreigners.results')} className="results">
          {hits.map((hit) => (
            <li key={`${hit.entity}-${hit.id}`}>
              <a href={hit.entity === 'person' ? `#/foreigners/${hit.id}` : hit.entity === 'premises' ? `#/premises/${hit.id}` : '#/foreigners'}>
                {hit.title} <span lang="km">{hit.titleKm}</span>
              </a>
              <span className="hint">{hit.detail}</span>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <div className="filters grid">
            <Choice
              label={t('reg.foreigners.filterStatus')} value={status} onChange={(v) => setStatus(v as typeof status)}
              options={(['all', 'present', 'departed'] as const).map((v) => ({ value: v, label: t(`reg.foreigners.${v}`) }))}
            />
            <label>
              {t('reg.field.nationality')}
              <input value={nationality} maxLength={3} onChange={(e) => setNationality(e.target.value)} />
            </label>
          </div>
          <VirtualList
            items={people} label={t('reg.foreigners.list')} onEndReached={cursor && !loading ? () => load(cursor) : undefined}
            renderRow={(p) => (
              <a href={`#/foreigners/${p.id}`} className="row-link">
                <strong>{p.surname} {p.givenNames}</strong> <span lang="km">{p.nameKm}</span>
                <span className="hint">{line(p)}</span>
              </a>
            )}
          />
        </>
      )}
    </section>
  );
}
