import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpResponse } from '../../../shared/contract/index.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { formatNumber } from '../../../shared/khmer.js';
import { api } from '../api.js';
import { AlertList } from '../components/AlertList.js';
import { employerInput } from '../../../shared/contract/registration.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormFields } from '../components/FieldContext.js';
import { TextField } from '../components/FormFields.js';
import { HistoryList } from '../components/HistoryList.js';
import { UnitPicker, type UnitSelection } from '../components/UnitPicker.js';
import { useOfficeUnit } from '../office-unit.js';
import { useQuery } from '../hooks.js';
import { useLanguage } from '../i18n.js';
import { navigate } from '../router.js';
import { formatShare, ShareOfCap } from './EmployersList.js';

const BLANK = { nameLatin: '', nameKm: '', registrationNo: '', sector: '', village: '', street: '', houseNo: '', workforceTotal: '', cambodianCount: '', phone: '' };
const CAP = 0.1;

type EmployerRecord = OpResponse<'employers.get'>;

/** Register an employer, or edit one (with its foreign share, the foreigners it employs, alerts and history). */
export function EmployerForm({ id }: { id?: string | undefined }) {
  return id ? <EmployerPage id={id} /> : <EmployerEditor />;
}

function EmployerPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useQuery('employers.get', { id });
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <p>{t('common.loading')}</p>;
  return <EmployerEditor record={data.data} reload={data.reload} />;
}

function EmployerEditor({ record, reload }: { record?: EmployerRecord; reload?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = record?.employer.id;
  const [form, setForm] = useState(BLANK);
  const [unit, setUnit] = useState<UnitSelection>({ province: '', district: '', commune: '' });
  const [error, setError] = useState<AppErrorShape>();
  const [saved, setSaved] = useState(false);
  // A new employer's address starts in the office's own commune.
  const officeUnit = useOfficeUnit();
  useEffect(() => {
    if (!record && officeUnit) setUnit((u) => (u.province ? u : officeUnit));
  }, [record, officeUnit?.commune, officeUnit?.province]);
  useEffect(() => {
    if (!record) return;
    const e = record.employer;
    setForm({ ...e, workforceTotal: String(e.workforceTotal), cambodianCount: String(e.cambodianCount) });
    setUnit({ province: e.provinceCode, district: e.districtCode, commune: e.communeCode });
  }, [record?.employer.id, record?.employer.revision]);
  const set = (key: keyof typeof BLANK) => (value: string) => { setSaved(false); setForm((f) => ({ ...f, [key]: value })); };
  const total = Number(form.workforceTotal || 0);
  const cambodian = Number(form.cambodianCount || 0);
  const tooMany = form.workforceTotal !== '' && form.cambodianCount !== '' && cambodian > total;
  const declaredShare = total > 0 ? Math.max(0, total - cambodian) / total : 0;
  const submit = async () => {
    const input = {
      nameLatin: form.nameLatin, nameKm: form.nameKm, registrationNo: form.registrationNo, sector: form.sector, communeCode: unit.commune,
      village: form.village, street: form.street, houseNo: form.houseNo, workforceTotal: total, cambodianCount: cambodian, phone: form.phone,
    };
    const r = id ? await api['employers.update']({ id, patch: input }) : await api['employers.create'](input);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    if (id) { setSaved(true); reload?.(); } else navigate('foreigners', 'employers', r.value.id);
  };
  const title = id ? t('employers.edit') : t('employers.new');
  return (
    <section>
      <form className="card" aria-label={title} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <h1>{record ? <>{record.employer.nameLatin} <span lang="km">{record.employer.nameKm}</span></> : title}</h1>
        <FormFields schema={employerInput} error={error}>
        <div className="grid">
          <TextField label={t('reg.field.nameLatin')} name="nameLatin" value={form.nameLatin} onChange={set('nameLatin')} required />
          <TextField label={t('reg.field.premisesNameKm')} name="nameKm" value={form.nameKm} onChange={set('nameKm')} />
          <TextField label={t('reg.field.registrationNo')} name="registrationNo" value={form.registrationNo} onChange={set('registrationNo')} />
          <TextField label={t('reg.field.sector')} name="sector" value={form.sector} onChange={set('sector')} />
          <TextField label={t('reg.field.phone')} name="phone" value={form.phone} onChange={set('phone')} />
        </div>
        <fieldset>
          <legend>{t('employers.address')}</legend>
          <UnitPicker value={unit} onChange={(u) => { setSaved(false); setUnit(u); }} />
          <div className="grid">
            <TextField label={t('reg.field.village')} name="village" value={form.village} onChange={set('village')} />
            <TextField label={t('reg.field.street')} name="street" value={form.street} onChange={set('street')} />
            <TextField label={t('reg.field.houseNo')} name="houseNo" value={form.houseNo} onChange={set('houseNo')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('employers.workforce')}</legend>
          <div className="grid">
            <TextField label={t('reg.field.workforceTotal')} type="number" name="workforceTotal" value={form.workforceTotal} onChange={set('workforceTotal')} required />
            <TextField
              label={t('reg.field.cambodianCount')} type="number" name="cambodianCount" value={form.cambodianCount} onChange={set('cambodianCount')} required
              invalid={tooMany ? t('employers.cambodianTooMany') : undefined}
            />
          </div>
          {total > 0 && !tooMany ? (
            <p className={declaredShare > CAP ? 'over-cap' : 'hint'} role="note">
              {t('employers.previewShare', { share: formatShare(declaredShare, language), total: formatNumber(total, language), cap: formatShare(CAP, language) })}
              {' · '}{t(declaredShare > CAP ? 'employers.overCap' : 'employers.withinCap')}
            </p>
          ) : null}
        </fieldset>
        </FormFields>
        {error ? <ErrorMessage error={error} /> : null}
        {saved ? <p role="status" className="success">{t('reg.saved')}</p> : null}
        <button type="submit" disabled={!form.nameLatin || !unit.commune || form.workforceTotal === '' || form.cambodianCount === '' || tooMany}>{t('reg.save')}</button>
      </form>
      {record ? (
        <>
          <section className="card" aria-label={t('employers.column.share')}>
            <h2>{t('employers.column.share')}</h2>
            <p>{t('employers.foreignCount', { declared: formatNumber(record.employer.declaredForeign, language), registered: formatNumber(record.employer.registeredForeign, language) })}</p>
            <p><ShareOfCap employer={record.employer} /></p>
          </section>
          <section className="card" aria-label={t('employers.employees')}>
            <h2>{t('employers.employees')}</h2>
            {record.employments.length === 0 ? <p className="hint">{t('employers.noEmployees')}</p> : null}
            <ul>
              {record.employments.map((e) => (
                <li key={e.id}>
                  <a href={`#/foreigners/${e.personId}`}>{e.personName}</a>{' · '}
                  {t('employers.employeeLine', { job: e.jobTitle || '—', from: e.startDate, to: e.endDate ?? t('employers.current') })}
                  {' · '}{t(`reg.workStatus.${e.workStatus}`)}
                </li>
              ))}
            </ul>
          </section>
          <AlertList alerts={record.alerts} />
          <HistoryList entity="employer" recordId={record.employer.id} />
        </>
      ) : null}
    </section>
  );
}
