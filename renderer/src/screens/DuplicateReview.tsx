import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Choice } from '../components/FormFields.js';
import { useQuery } from '../hooks.js';
import { navigate } from '../router.js';
import { Can } from '../session.js';

/** Without ids: the open reviews. With two ids: both records field by field; the user picks values and merges. */
export function DuplicateReview({ aId, bId }: { aId?: string | undefined; bId?: string | undefined }) {
  if (!aId || !bId) return <DuplicateQueue />;
  return <Compare aId={aId} bId={bId} key={`${aId}${bId}`} />;
}

function DuplicateQueue() {
  const { t } = useTranslation();
  const list = useQuery('duplicates.list', { status: 'open', limit: 100 });
  const items = list.data?.items ?? [];
  return (
    <section>
      <h1>{t('reg.duplicates.title')}</h1>
      {items.length === 0 && !list.loading ? <p className="hint">{t('reg.duplicates.none')}</p> : null}
      <ul>
        {items.map((d) => (
          <li key={d.id}>
            {`${d.a.surname} ${d.a.givenNames} · ${d.a.passportNo} / ${d.b.passportNo}`}{' — '}{t(`reg.duplicates.reason.${d.reason}`)}{' '}
            <button type="button" onClick={() => navigate('foreigners', 'duplicates', d.a.id, d.b.id)}>{t('reg.duplicates.review')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Fields that identify a passport: they stay with each record and cannot be taken over in a merge. */
const KEY_FIELDS = new Set(['nationality', 'passportNo', 'birthDate']);

function Compare({ aId, bId }: { aId: string; bId: string }) {
  const { t } = useTranslation();
  const data = useQuery('duplicates.compare', { aId, bId });
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [take, setTake] = useState<Record<string, 'keep' | 'merge'>>({});
  const [error, setError] = useState<AppErrorShape>();
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <p>{t('common.loading')}</p>;
  const show = (field: string, v: string | boolean | null) =>
    v === null || v === '' ? '—' : typeof v === 'boolean' ? t(v ? 'reg.yes' : 'reg.no') : field === 'sex' ? t(`reg.sex.${v as 'M'}`) : v;
  const [keepId, mergeId] = keep === 'a' ? [aId, bId] : [bId, aId];
  const merge = async () => {
    const r = await api['duplicates.merge']({ keepId, mergeId, take });
    if (!r.ok) return setError(r.error);
    navigate('foreigners', r.value.person.id);
  };
  const dismiss = async () => {
    const review = (await api['duplicates.list']({ personId: aId, status: 'open' }));
    const id = review.ok ? review.value.items.find((d) => [d.a.id, d.b.id].includes(bId))?.id : undefined;
    if (id) await api['duplicates.dismiss']({ reviewId: id });
    navigate('foreigners', 'duplicates');
  };
  return (
    <section>
      <h1>{t('reg.duplicates.title')}</h1>
      <Choice
        label={t('reg.duplicates.keepWhich')} value={keep} onChange={(v) => { setKeep(v as 'a' | 'b'); setTake({}); }}
        options={[{ value: 'a', label: t('reg.duplicates.a') }, { value: 'b', label: t('reg.duplicates.b') }]}
      />
      <div className="card">
      <table aria-label={t('reg.duplicates.review')}>
        <thead>
          <tr><th>{t('reg.duplicates.field')}</th><th>{t('reg.duplicates.a')}</th><th>{t('reg.duplicates.b')}</th></tr>
        </thead>
        <tbody>
          {data.data.fields.map((f) => (
            <tr key={f.field} className={f.same ? '' : 'differs'}>
              <th scope="row">{t(`reg.field.${f.field}`)}</th>
              {(['a', 'b'] as const).map((side) => (
                <td key={side}>
                  {show(f.field, f[side])}
                  {f.same || side === keep || KEY_FIELDS.has(f.field) ? null : (
                    <label className="checkbox">
                      <input type="checkbox" checked={take[f.field] === 'merge'} onChange={(e) => setTake({ ...take, [f.field]: e.target.checked ? 'merge' : 'keep' })} />
                      {t('reg.duplicates.take')}
                    </label>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar">
        <Can op="duplicates.merge">
          <button type="button" onClick={() => void merge()}>{t('reg.duplicates.merge')}</button>
        </Can>
        <Can op="duplicates.dismiss">
          <button type="button" onClick={() => void dismiss()}>{t('reg.duplicates.dismiss')}</button>
        </Can>
      </div>
    </section>
  );
}
