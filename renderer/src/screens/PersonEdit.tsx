import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { personFields } from '../../../shared/contract/registration.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FormFields } from '../components/FieldContext.js';
import { TextField } from '../components/FormFields.js';
import { PersonFields, toPersonFields, type PersonForm } from '../components/PersonFields.js';
import { fromPerson, personName } from '../person-form.js';
import { navigate } from '../router.js';
import { useCan } from '../session.js';
import { RecordOrigin } from '../components/RecordOrigin.js';

/** Correct any particular of a registered foreigner (the registration form's fields, filled); the change log keeps what changed. */
export function PersonEdit({ id }: { id: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<PersonForm>();
  const [note, setNote] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const mayCorrect = useCan('persons.update');
  useEffect(() => {
    void api['persons.get']({ id }).then((r) => {
      if (!r.ok) return setError(r.error);
      const p = r.value.person;
      // A merged-away record cannot be changed: edit the record it leads to.
      if (p.mergedInto) return window.location.replace(`#/foreigners/${encodeURIComponent(p.mergedInto)}/merged/${encodeURIComponent(id)}`);
      setForm(fromPerson(p));
      setNote(p.note);
      setName(personName(p));
    });
  }, [id]);
  const submit = async () => {
    if (!form) return;
    const r = await api['persons.update']({ id, patch: { ...toPersonFields(form), note } });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', id, 'saved');
  };
  const title = t('persons.editTitle', { name });
  // A role that may not correct records is told so in words before typing anything (the boundary refuses the call too).
  if (!mayCorrect) {
    return (
      <section className="card" aria-label={t('persons.edit')}>
        <h1>{title}</h1>
        <ErrorMessage error={{ code: 'boundary.forbidden', params: {} }} />
        <button type="button" onClick={() => navigate('foreigners', id)}>{t('persons.cancel')}</button>
      </section>
    );
  }
  return (
    <form className="card" aria-label={t('persons.edit')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h1>{title}</h1>
      <RecordOrigin entity="person" recordId={id} mayCorrect />
      {form ? (
        <FormFields schema={personFields} error={error}>
          <PersonFields value={form} onChange={setForm} />
          <div className="grid">
            <TextField label={t('reg.field.note')} name="note" value={note} onChange={setNote} />
          </div>
        </FormFields>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar">
        <button type="submit" disabled={!form}>{t('persons.saveChanges')}</button>
        <button type="button" onClick={() => navigate('foreigners', id)}>{t('persons.cancel')}</button>
      </div>
    </form>
  );
}
