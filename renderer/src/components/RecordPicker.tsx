import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';

/** Type a few letters of a premises or employer name, then choose it. */
export function RecordPicker({ kind, label, value, onChange }: {
  kind: 'premises' | 'employer'; label: string; value: string; onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    let current = true;
    const list = kind === 'premises' ? api['premises.list']({ query: query || undefined, limit: 50 }) : api['employers.list']({ query: query || undefined, limit: 50 });
    void list.then((r) => current && r.ok && setOptions(r.value.items.map((i) => ({ id: i.id, name: i.nameKm ? `${i.nameLatin} (${i.nameKm})` : i.nameLatin }))));
    return () => { current = false; };
  }, [kind, query]);
  return (
    <fieldset className="record-picker">
      <legend>{label}</legend>
      <label>
        {t('reg.foreigners.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <label>
        {label}
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('setup.choose')}</option>
          {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      </label>
    </fieldset>
  );
}
