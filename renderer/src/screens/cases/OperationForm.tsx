import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { operationKind } from '../../../../shared/contract/cases.js';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Choice, TextField } from '../../components/FormFields.js';
import { DateField } from '../../components/DateField.js';
import { RecordPicker } from '../../components/RecordPicker.js';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';
import { todayInOffice } from '../../office-time.js';
import { navigate } from '../../router.js';

/** Record a raid or rescue: when, who led it, with whom, where; acting on a complaint when opened from one. */
export function OperationForm({ complaintId }: { complaintId?: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const complaint = useQuery('complaints.get', { id: complaintId ?? '' }, complaintId ?? '');
  const from = complaintId ? complaint.data?.complaint : undefined;
  const [heldOn, setHeldOn] = useState(todayInOffice);
  const [kind, setKind] = useState<(typeof operationKind.options)[number]>('raid_rescue');
  const [leadUnit, setLeadUnit] = useState('');
  const [partners, setPartners] = useState('');
  const [premisesId, setPremisesId] = useState<string>();
  const [target, setTarget] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const premises = premisesId ?? from?.premisesId ?? '';
  const submit = async () => {
    const r = await api['operations.create']({
      heldOn, kind, leadUnit, partners, premisesId: premises || null, target, summary, complaintIds: complaintId ? [complaintId] : [],
    });
    if (!r.ok) return setError(r.error);
    navigate('cases', 'operation', r.value.id);
  };
  return (
    <form className="card cases-form" aria-label={t('cases.ui.newOperation')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('cases.ui.newOperation')}</h1>
      {from ? <p className="hint">{t('cases.ui.actsOn', { category: t(`cases.category.${from.category}`), date: f.date(from.receivedAt) })}</p> : null}
      <div className="row">
        <DateField label={t('input.field.heldOn')} value={heldOn} onChange={setHeldOn} required />
        <Choice label={t('input.field.kind')} value={kind} onChange={(v) => setKind(v as typeof kind)}
          options={operationKind.options.map((v) => ({ value: v, label: t(`cases.operationKind.${v}`) }))} />
      </div>
      <div className="row">
        <TextField label={t('input.field.leadUnit')} value={leadUnit} onChange={setLeadUnit} required />
        <TextField label={t('input.field.partners')} value={partners} onChange={setPartners} />
      </div>
      <RecordPicker kind="premises" label={t('cases.ui.targetPremises')} value={premises} onChange={setPremisesId} />
      <TextField label={t('input.field.target')} value={target} onChange={setTarget} />
      <label className="field">
        {t('input.field.summary')}
        <textarea rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </label>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="primary" disabled={!leadUnit.trim()}>{t('cases.ui.saveOperation')}</button>
    </form>
  );
}
