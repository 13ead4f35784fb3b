import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { premisesType } from '../../../shared/contract/registration-schemas.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useFormat } from '../format.js';
import { navigate } from '../router.js';
import { DateField } from '../components/DateField.js';

/** A new campaign: kind, title, legal reference, units in scope, start and deadline, targeted types or sectors. */
export function CampaignForm() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = useFormat();
  const [kind, setKind] = useState<'employer_declaration' | 'premises_pledge'>('employer_declaration');
  const [title, setTitle] = useState('');
  const [legal, setLegal] = useState('');
  const [units, setUnits] = useState('');
  const [start, setStart] = useState('');
  const [deadline, setDeadline] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [sectors, setSectors] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const save = async () => {
    setError(null);
    const result = await api['campaigns.create']({
      kind, title, legalReference: legal, scopeUnits: units.split(/[\s,]+/).filter(Boolean), startDate: start, deadline,
      targetTypes: kind === 'premises_pledge' ? (types as never[]) : [],
      targetSectors: kind === 'employer_declaration' ? sectors.split(',').map((s) => s.trim()).filter(Boolean) : [],
    });
    if (!result.ok) { setError(result.error); return; }
    navigate('campaigns', result.value.id);
  };
  return (
    <section>
      <h1>{t('camp.new')}</h1>
      <form className="grid" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label>
          {t('camp.field.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="employer_declaration">{t('camp.kind.employer_declaration')}</option>
            <option value="premises_pledge">{t('camp.kind.premises_pledge')}</option>
          </select>
        </label>
        <label>{t('camp.field.title')}<input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
        <label>{t('camp.field.legal')}<textarea value={legal} onChange={(e) => setLegal(e.target.value)} rows={2} /></label>
        <label>
          {t('camp.field.scope')}
          <input value={units} onChange={(e) => setUnits(e.target.value)} required aria-describedby="scope-hint" />
          <span id="scope-hint" className="hint">{t('camp.field.scopeHint')}</span>
        </label>
        <DateField label={t('camp.field.start')} value={start} onChange={setStart} required />
        <DateField label={t('camp.field.deadline')} value={deadline} onChange={setDeadline} required />
        {kind === 'premises_pledge' ? (
          <fieldset>
            <legend>{t('camp.field.types')}</legend>
            {premisesType.options.map((type) => (
              <label key={type} className="checkbox">
                <input type="checkbox" checked={types.includes(type)} onChange={(e) => setTypes((old) => (e.target.checked ? [...old, type] : old.filter((x) => x !== type)))} />
                {f.code('premisesType', type)}
              </label>
            ))}
          </fieldset>
        ) : (
          <label>{t('camp.field.sectors')}<input value={sectors} onChange={(e) => setSectors(e.target.value)} /><span className="hint">{t('camp.field.sectorsHint')}</span></label>
        )}
        <div className="actions">
          <button type="submit">{t('camp.create')}</button>
          <button type="button" onClick={() => navigate('campaigns')}>{t('camp.cancel')}</button>
        </div>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
