import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertKind, premisesStatus, premisesType, type Premises } from '../../../shared/contract/registration.js';
import { api } from '../api.js';
import { Choice } from '../components/FormFields.js';
import { EMPTY_UNIT_SELECTION, UnitPicker } from '../components/UnitPicker.js';
import { VirtualList } from '../components/VirtualList.js';
import { navigate } from '../router.js';

/** Premises filtered by area, type, status and alert; keyset pages, virtualised. */
export function PremisesList({ alert: initialAlert = '' }: { alert?: string | undefined } = {}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState(EMPTY_UNIT_SELECTION);
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState(initialAlert);
  const [items, setItems] = useState<Premises[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const filter = {
    unitCode: unit.commune || unit.district || unit.province || undefined,
    type: (type || undefined) as Premises['type'] | undefined,
    status: (status || undefined) as Premises['status'] | undefined,
    alert: (alert || undefined) as (typeof alertKind.options)[number] | undefined,
  };
  const key = JSON.stringify(filter);
  const load = (after: string | null) => {
    setLoading(true);
    void api['premises.list']({ ...filter, cursor: after, limit: 100 }).then((r) => {
      setLoading(false);
      if (!r.ok) return;
      setItems((old) => (after ? [...old, ...r.value.items] : r.value.items));
      setCursor(r.value.nextCursor);
    });
  };
  useEffect(() => load(null), [key]);
  const any = { value: '', label: t('reg.any') };
  return (
    <section>
      <div className="toolbar">
        <h1>{t('reg.premises.title')}</h1>
        <button type="button" onClick={() => navigate('premises', 'new')}>{t('reg.premises.new')}</button>
      </div>
      <fieldset className="filters">
        <legend>{t('reg.premises.filters')}</legend>
        <UnitPicker value={unit} onChange={setUnit} />
        <Choice label={t('reg.field.type')} value={type} onChange={setType} options={[any, ...premisesType.options.map((v) => ({ value: v, label: t(`reg.premisesType.${v}`) }))]} />
        <Choice label={t('reg.field.status')} value={status} onChange={setStatus} options={[any, ...premisesStatus.options.map((v) => ({ value: v, label: t(`reg.premisesStatus.${v}`) }))]} />
        <Choice label={t('reg.alert.filter')} value={alert} onChange={setAlert} options={[any, ...alertKind.options.map((v) => ({ value: v, label: t(`reg.alert.${v}`) }))]} />
      </fieldset>
      <VirtualList
        items={items} label={t('reg.premises.list')}
        onEndReached={cursor && !loading ? () => load(cursor) : undefined}
        renderRow={(p) => (
          <a href={`#/premises/${p.id}`} className="row-link">
            <strong>{p.nameLatin}</strong> <span lang="km">{p.nameKm}</span>
            <span className="hint">
              {t(`reg.premisesType.${p.type}`)}{' · '}{t(`reg.premisesStatus.${p.status}`)}{' · '}{t('display.count.foreignersNow', { count: p.foreignersNow })}
            </span>
          </a>
        )}
      />
    </section>
  );
}
