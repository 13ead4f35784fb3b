import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertKind, type AlertKind, type PersonSummary, type SearchHit } from '../../../shared/contract/registration.js';
import { canonicalNationality, foldForSearch, nationalityName, searchNationalities } from '../../../shared/display.js';
import { api } from '../api.js';
import { Choice } from '../components/FormFields.js';
import { NationalityPicker } from '../components/NationalityPicker.js';
import { VirtualList } from '../components/VirtualList.js';
import { useFormat } from '../format.js';

/** A nationality the whole query names (`Germany`, `DEU`, `D`, `អាល្លឺម៉ង់`), if any. */
function nationalityQuery(query: string, language: 'en' | 'km'): string | null {
  const first = searchNationalities(query, language, 1)[0];
  if (!first) return null;
  const q = foldForSearch(query);
  const named = [first.name, first.otherName].some((n) => foldForSearch(n) === q);
  return named || canonicalNationality(q) === first.code ? first.code : null;
}

/** One search box with results as you type (Latin or Khmer); without a query, the filtered list. */
export function ForeignersList({ alert: initialAlert = '' }: { alert?: string | undefined } = {}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'all' | 'present' | 'departed'>('all');
  const [nationality, setNationality] = useState('');
  const [alert, setAlert] = useState(initialAlert);
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
  const filter = {
    status, nationality: nationality || undefined,
    alert: (alertKind.options as readonly string[]).includes(alert) ? (alert as AlertKind) : undefined,
  };
  const load = (after: string | null) => {
    setLoading(true);
    void api['persons.list']({ ...filter, cursor: after, limit: 100 }).then((r) => {
      setLoading(false);
      if (!r.ok) return;
      setPeople((old) => (after ? [...old, ...r.value.items] : r.value.items));
      setCursor(r.value.nextCursor);
    });
  };
  useEffect(() => load(null), [status, nationality, alert]);
  const line = (p: PersonSummary) => t('reg.foreigners.line', { nationality: f.nationality(p.nationality), passport: p.passportNo, birth: f.date(p.birthDate) });
  const hitDetail = (hit: SearchHit) => {
    if (hit.person) return line(hit.person);
    const [type = '', ...rest] = hit.detail.split(' · ');
    const typeKey = `reg.premisesType.${type}`;
    const label = (t as unknown as (key: string) => string)(typeKey);
    return [hit.entity === 'premises' && type ? label : type, ...rest].filter(Boolean).join(' · ');
  };
  const byNationality = query.trim() ? nationalityQuery(query, f.language) : null;
  const showNationality = (code: string) => { setNationality(code); setQuery(''); };
  const any = { value: '', label: t('reg.any') };
  return (
    <section>
      <h1>{t('reg.foreigners.title')}</h1>
      <label>
        {t('reg.foreigners.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('reg.foreigners.searchHint')} />
      </label>
      {query.trim() ? (
        <>
          {byNationality ? (
            <p>
              <button type="button" className="secondary" onClick={() => showNationality(byNationality)}>
                {t('display.nationality.showAll', { nationality: nationalityName(byNationality, f.language) })}
              </button>
            </p>
          ) : null}
          <p className="hint" role="status">{t('display.count.found', { count: hits.length })}</p>
          <ul aria-label={t('reg.foreigners.results')} className="results">
            {hits.map((hit) => (
              <li key={`${hit.entity}-${hit.id}`}>
                <a href={hit.entity === 'person' ? `#/foreigners/${hit.id}` : hit.entity === 'premises' ? `#/premises/${hit.id}` : '#/foreigners'}>
                  {hit.title} <span lang="km">{hit.titleKm}</span>
                </a>
                <span className="hint">{hitDetail(hit)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <div className="filters grid">
            <Choice
              label={t('reg.foreigners.filterStatus')} value={status} onChange={(v) => setStatus(v as typeof status)}
              options={(['all', 'present', 'departed'] as const).map((v) => ({ value: v, label: t(`reg.foreigners.${v}`) }))}
            />
            <NationalityPicker label={t('reg.field.nationality')} value={nationality} onChange={setNationality} allowEmpty />
            <Choice
              label={t('reg.alert.filter')} value={alert} onChange={setAlert}
              options={[any, ...alertKind.options.map((v) => ({ value: v, label: t(`reg.alert.${v}`) }))]}
            />
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
