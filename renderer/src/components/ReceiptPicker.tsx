import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';

/**
 * A registration receipt is for one stay: choose the premises by name, then the person staying
 * (or who stayed) there, by name, room and arrival — never by the stay's id.
 */
export function ReceiptPicker({ value, premisesId: initialPremises = '', onChange }: {
  value: string; premisesId?: string; onChange: (stayId: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [query, setQuery] = useState('');
  const [premisesId, setPremisesId] = useState(initialPremises);
  const premises = useQuery('premises.list', { query: query.trim() || undefined, limit: 50 });
  const chosen = useQuery('premises.get', { id: premisesId || '-' }, premisesId);
  const options = premises.data?.items ?? [];
  const stays = premisesId && chosen.data ? [...chosen.data.staysNow, ...chosen.data.staysBefore] : [];
  const stayLabel = (s: (typeof stays)[number]) => t('display.receipt.stay', {
    name: s.personName, room: s.room ? f.digits(s.room) : '—', from: f.date(s.arrivedAt), to: s.departedOn ? f.date(s.departedOn) : t('reg.person.current'),
  });
  return (
    <>
      <label>
        {t('print.ui.find')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <label>
        {t('print.ui.premises')}
        <select value={premisesId} onChange={(e) => { setPremisesId(e.target.value); onChange(''); }} required>
          <option value="">{t('print.ui.choose')}</option>
          {premisesId && !options.some((p) => p.id === premisesId) && chosen.data ? (
            <option value={premisesId}>{[chosen.data.premises.nameKm, chosen.data.premises.nameLatin].filter(Boolean).join(' — ')}</option>
          ) : null}
          {options.map((p) => <option key={p.id} value={p.id}>{[p.nameKm, p.nameLatin].filter(Boolean).join(' — ')}</option>)}
        </select>
      </label>
      <label>
        {t('display.receipt.person')}
        <select value={value} onChange={(e) => onChange(e.target.value)} required disabled={!premisesId}>
          <option value="">{t('print.ui.choose')}</option>
          {stays.map((s) => <option key={s.id} value={s.id}>{stayLabel(s)}</option>)}
        </select>
      </label>
      {premisesId && chosen.data && stays.length === 0 ? <p className="hint">{t('display.receipt.nobody')}</p> : null}
    </>
  );
}
