import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertList } from '../components/AlertList.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { HistoryList } from '../components/HistoryList.js';
import { StayList } from '../components/StayList.js';
import { useFormat } from '../format.js';
import { PassportsCard } from '../components/PassportsCard.js';
import { PersonNotice } from '../components/PersonNotice.js';
import { useQuery } from '../hooks.js';
import { navigate } from '../router.js';
import { Can, useCan } from '../session.js';
import { RecordOrigin } from '../components/RecordOrigin.js';

const DATES = new Set(['birthDate', 'passportExpiry', 'visaExpiry', 'entryDate']);
const SHOWN = ['nameKm', 'sex', 'birthDate', 'nationality', 'passportNo', 'issuingState', 'passportExpiry', 'visaType', 'visaNo', 'visaExpiry', 'entryDate', 'phone'] as const;

/** A foreigner: particulars, stays, employment, alerts, possible duplicates and history. */
export function PersonPage({ id, notice, from }: { id: string; notice?: string | undefined; from?: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = useQuery('persons.get', { id });
  const mayCorrect = useCan('persons.update');
  const mayAddPassport = useCan('passports.add');
  // A merged-away record opens the record it was merged into (replacing it in the browser history).
  const mergedInto = data.data?.person.mergedInto;
  useEffect(() => {
    if (mergedInto) window.location.replace(`#/foreigners/${encodeURIComponent(mergedInto)}/merged/${encodeURIComponent(id)}`);
  }, [mergedInto, id]);
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data || mergedInto) return <p>{t('common.loading')}</p>;
  const { person: p, stays, employments, alerts, duplicates } = data.data;
  const open = stays.find((s) => s.departedOn === null);
  return (
    <section>
      {notice === 'existing' ? <p role="status" className="notice">{t('reg.person.existing')}</p> : null}
      {notice === 'created' ? <p role="status" className="success">{t('reg.person.created')}</p> : null}
      {notice === 'duplicates' ? <p role="status" className="notice">{t('reg.person.possibleDuplicates')}</p> : null}
      <PersonNotice personId={id} notice={notice} from={from} />
      <div className="toolbar">
        <h1>{p.surname} {p.givenNames} <span lang="km">{p.nameKm}</span></h1>
        {mayCorrect ? <button type="button" onClick={() => navigate('foreigners', id, 'edit')}>{t('persons.edit')}</button> : null}
      </div>
      <RecordOrigin entity="person" recordId={id} mayCorrect={mayCorrect} />
      {p.diplomatic ? <p className="notice">{t('reg.person.diplomat')}</p> : null}
      <section className="card" aria-label={t('reg.premises.particulars')}>
        <h2>{t('reg.premises.particulars')}</h2>
        <dl>
          {SHOWN.map((key) => (
            <div key={key} className="dl-row">
              <dt>{t(`reg.field.${key}`)}</dt>
              <dd>
                {key === 'sex' ? t(`reg.sex.${p.sex}`)
                  : key === 'nationality' || key === 'issuingState' ? f.nationalityWithCode(p[key])
                  : key === 'visaType' ? f.code('visaType', p.visaType)
                  : DATES.has(key) ? f.date(p[key])
                  : (p[key] ?? '') || t('reg.empty')}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <PassportsCard personId={id} revision={p.revision} readOnly={!mayAddPassport} />
      <section className="card" aria-label={t('reg.person.stays')}>
        <h2>{t('reg.person.stays')}</h2>
        <StayList stays={stays} show="premises" onChanged={data.reload} />
        <Can op="stays.arrive">
          <button type="button" onClick={() => navigate('foreigners', id, 'stay')}>{t(open ? 'reg.person.move' : 'reg.person.arrive')}</button>
        </Can>
      </section>
      <section className="card" aria-label={t('reg.person.employment')}>
        <h2>{t('reg.person.employment')}</h2>
        {employments.length === 0 ? <p className="hint">{t('reg.none')}</p> : null}
        <ul>
          {employments.map((e) => (
            <li key={e.id}>
              <a href={`#/foreigners/employers/${e.employerId}`}>{e.employerName}</a>{' '}
              {t('reg.person.jobLine', { employer: '', job: e.jobTitle || '—', from: f.date(e.startDate), to: e.endDate ? f.date(e.endDate) : t('reg.person.current') })}
              {' · '}{t(`reg.workStatus.${e.workStatus}`)}{' '}
              <Can op="employment.update">
                <button type="button" className="link" onClick={() => navigate('foreigners', id, 'employment', e.id)}>{t('persons.employment.edit')}</button>
              </Can>
            </li>
          ))}
        </ul>
        <Can op="employment.record">
          <button type="button" onClick={() => navigate('foreigners', id, 'employment')}>{t('reg.person.addEmployment')}</button>
        </Can>
      </section>
      {duplicates.length > 0 ? (
        <section className="card" aria-label={t('reg.duplicates.title')}>
          <h2>{t('reg.duplicates.title')}</h2>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                {t(`reg.duplicates.reason.${d.reason}`)}{' '}
                <button type="button" onClick={() => navigate('foreigners', 'duplicates', d.a.id, d.b.id)}>{t('reg.person.openDuplicate')}</button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <AlertList alerts={alerts} />
      <HistoryList entity="person" recordId={id} />
    </section>
  );
}
