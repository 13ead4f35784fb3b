import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from './ErrorMessage.js';
import { MrzInput } from './MrzInput.js';

export interface PickedPerson { id: string; name: string; passportNo: string; nationality: string }

/**
 * A person found on site or named on a card: searched in the register, or registered on the spot by
 * reading the passport's MRZ (the same registration service as the Foreigners screen; a passport
 * already registered gives that person).
 */
export function PersonFinder({ onPick }: { onPick: (person: PickedPerson) => void }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PickedPerson[]>([]);
  const [mrz, setMrz] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    if (query.trim().length < 2) { setHits([]); return undefined; }
    let live = true;
    void api['persons.search']({ query, entities: ['person'], limit: 10 }).then((r) => {
      if (live && r.ok) setHits(r.value.items.map((h) => ({ id: h.id, name: h.title, passportNo: h.person?.passportNo ?? '', nationality: h.person?.nationality ?? '' })));
    });
    return () => { live = false; };
  }, [query]);
  const register = async (text: string) => {
    setError(null);
    const parsed = await api['mrz.parse']({ line1: text });
    if (!parsed.ok) { setError(parsed.error); return; }
    const m = parsed.value;
    if (!m.valid || m.kind !== 'passport' || !m.fields.birthDate || !m.fields.expiryDate) {
      setError({ code: 'campaigns.mrzUnreadable' });
      return;
    }
    const result = await api['persons.register']({
      fields: {
        surname: m.fields.surname, givenNames: m.fields.givenNames, sex: m.fields.sex, birthDate: m.fields.birthDate, nationality: m.fields.nationality,
        passportNo: m.fields.documentNumber, issuingState: m.fields.issuingState, passportExpiry: m.fields.expiryDate,
      },
      source: 'mrz', mrz: { line1: m.lines[0] ?? '', line2: m.lines[1] ?? '' },
    });
    if (!result.ok) { setError(result.error); return; }
    const p = result.value.person;
    onPick({ id: p.id, name: `${p.surname} ${p.givenNames}`.trim(), passportNo: p.passportNo, nationality: p.nationality });
    setMrz('');
  };
  return (
    <fieldset className="person-finder">
      <legend>{t('camp.finder.title')}</legend>
      <label>
        {t('camp.finder.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {hits.length > 0 ? (
        <ul>
          {hits.map((h) => (
            <li key={h.id}>
              {h.name} · {h.nationality} · {h.passportNo}{' '}
              <button type="button" onClick={() => { onPick(h); setQuery(''); }}>{t('camp.finder.add', { name: h.name })}</button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="hint">{t('camp.finder.mrzHint')}</p>
      <MrzInput value={mrz} onChange={setMrz} onSubmit={(text) => void register(text)} />
      <button type="button" disabled={!mrz.trim()} onClick={() => void register(mrz)}>{t('camp.finder.register')}</button>
      {error ? <ErrorMessage error={error} /> : null}
    </fieldset>
  );
}
