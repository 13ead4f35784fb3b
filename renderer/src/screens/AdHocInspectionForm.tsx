import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Choice } from '../components/FormFields.js';
import { RecordPicker } from '../components/RecordPicker.js';
import { todayInOffice } from '../office-time.js';
import { navigate } from '../router.js';
import { DateField } from '../components/DateField.js';

/**
 * An inspection outside any campaign (a tip, a complaint, a site passed on patrol): the site and the
 * planned date; what is found is recorded on the inspection's own page, as for a planned one.
 */
export function AdHocInspectionForm() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const [kind, setKind] = useState<'employer' | 'premises'>('employer');
  const [targetId, setTargetId] = useState('');
  const [plannedOn, setPlannedOn] = useState(todayInOffice());
  const [error, setError] = useState<AppErrorShape | null>(null);
  const save = async () => {
    setError(null);
    if (!targetId) { setError({ code: 'inspections.siteMissing' }); return; }
    const result = await api['inspections.create']({ campaignId: null, targetKind: kind, targetId, plannedOn });
    if (!result.ok) { setError(result.error); return; }
    navigate('campaigns', 'inspections', result.value.id);
  };
  return (
    <form className="card" aria-label={t('camp.adHoc.title')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>{t('camp.adHoc.title')}</h2>
      <p className="hint">{t('camp.adHoc.hint')}</p>
      <Choice
        label={t('camp.adHoc.kind')} value={kind} onChange={(v) => { setKind(v as typeof kind); setTargetId(''); }}
        options={[{ value: 'employer', label: t('camp.adHoc.employer') }, { value: 'premises', label: t('camp.adHoc.premises') }]}
      />
      <RecordPicker key={kind} kind={kind} label={t('camp.adHoc.site')} value={targetId} onChange={(id) => { setTargetId(id); setError(null); }} />
      <DateField label={t('camp.plan.date')} value={plannedOn} onChange={setPlannedOn} required />
      <div className="actions"><button type="submit">{t('camp.adHoc.button')}</button></div>
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}
