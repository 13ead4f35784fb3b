import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintCategory, complaintChannel, urgency } from '../../../../shared/contract/cases.js';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Choice, TextField } from '../../components/FormFields.js';
import { DateField } from '../../components/DateField.js';
import { TimeField } from '../../components/TimeField.js';
import { PersonFinder, type PickedPerson } from '../../components/PersonFinder.js';
import { RecordPicker } from '../../components/RecordPicker.js';
import { nowFields } from '../../office-time.js';
import { navigate } from '../../router.js';

/** Intake of a complaint at any office: when and how it came, who reported it (protected), what it is about. */
export function ComplaintForm() {
  const { t } = useTranslation();
  const start = nowFields();
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [channel, setChannel] = useState<(typeof complaintChannel.options)[number]>('hotline');
  const [anonymous, setAnonymous] = useState(false);
  const [reporterName, setReporterName] = useState('');
  const [reporterContact, setReporterContact] = useState('');
  const [premisesId, setPremisesId] = useState('');
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [about, setAbout] = useState('');
  const [category, setCategory] = useState<(typeof complaintCategory.options)[number]>('human_trafficking');
  const [level, setLevel] = useState<(typeof urgency.options)[number]>('normal');
  const [narrative, setNarrative] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const submit = async () => {
    const r = await api['complaints.create']({
      receivedAt: `${date}T${time}`, channel, anonymous, reporterName: anonymous ? '' : reporterName, reporterContact: anonymous ? '' : reporterContact,
      premisesId: premisesId || null, personId: person?.id ?? null, about, category, urgency: level, narrative,
    });
    if (!r.ok) return setError(r.error);
    navigate('cases', 'complaint', r.value.id);
  };
  return (
    <form className="card cases-form" aria-label={t('cases.ui.newComplaint')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{t('cases.ui.newComplaint')}</h1>
      <div className="row">
        <DateField label={t('cases.ui.receivedDate')} value={date} onChange={setDate} required />
        <TimeField label={t('cases.ui.receivedTime')} value={time} onChange={setTime} required />
        <Choice label={t('input.field.channel')} value={channel} onChange={(v) => setChannel(v as typeof channel)}
          options={complaintChannel.options.map((v) => ({ value: v, label: t(`cases.channel.${v}`) }))} />
      </div>
      <fieldset>
        <legend>{t('cases.ui.reporter')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('input.field.anonymous')}
        </label>
        {anonymous ? null : (
          <>
            <p className="hint">{t('cases.ui.reporterProtected')}</p>
            <div className="row">
              <TextField label={t('input.field.reporterName')} value={reporterName} onChange={setReporterName} />
              <TextField label={t('input.field.reporterContact')} value={reporterContact} onChange={setReporterContact} />
            </div>
          </>
        )}
      </fieldset>
      <RecordPicker kind="premises" label={t('cases.ui.premises')} value={premisesId} onChange={setPremisesId} />
      <section aria-label={t('cases.ui.personAbout')}>
        <h2>{t('cases.ui.personAbout')}</h2>
        {person ? (
          <p role="status">
            {person.name} · {person.passportNo} · {person.nationality}{' '}
            <button type="button" onClick={() => setPerson(null)}>{t('cases.ui.removePerson')}</button>
          </p>
        ) : <PersonFinder onPick={setPerson} />}
      </section>
      <TextField label={t('input.field.about')} value={about} onChange={setAbout} hint={t('cases.ui.aboutHint')} />
      <div className="row">
        <Choice label={t('input.field.category')} value={category} onChange={(v) => setCategory(v as typeof category)}
          options={complaintCategory.options.map((v) => ({ value: v, label: t(`cases.category.${v}`) }))} />
        <Choice label={t('input.field.urgency')} value={level} onChange={(v) => setLevel(v as typeof level)}
          options={urgency.options.map((v) => ({ value: v, label: t(`cases.urgency.${v}`) }))} />
      </div>
      <label className="field">
        {t('input.field.narrative')}
        <textarea rows={5} value={narrative} onChange={(e) => setNarrative(e.target.value)} />
      </label>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="primary">{t('cases.ui.saveComplaint')}</button>
    </form>
  );
}
