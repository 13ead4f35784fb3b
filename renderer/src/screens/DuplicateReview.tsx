import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useQuery } from '../hooks.js';
import { navigate } from '../router.js';

/** Without ids: the open reviews. With two ids: both records field by field; the user picks values and merges. */
export function DuplicateReview({ aId, bId }: { aId?: string | undefined; bId?: string | undefined }) {
  const { t } = useTranslation();
  if (!aId || !bId) return <DuplicateQueue />;
  return <Compare aId={aId} bId={bId} key={`${aId}${bId}`} t={t} />;
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

function Compare({ aId, bId, t }: { aId: string; bId: string; t: ReturnType<typeof useTranslation>['t'] }) {
  const data = useQuery('duplicates.compare', { aId, bId });
  const [take, setTake] = useState<Record<string, 'keep' | 'merge'>>({});
  const [error, setError] = useState<AppErrorShape>();
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <p>{t('common.loading')}</p>;
  const show = (v: string | boolean | null) => (v === null || v === '' ? '—' : String(v));
  const merge = async () => {
    const r = await api['duplicates.merge']({ keepId: aId, mergeId: bId, take });
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
      <table aria-label={t('reg.duplicates.review')}>
        <thead>
          <tr><th>{t('reg.duplicates.field')}</th><th>{t('reg.duplicates.a')}</th><th>{t('reg.duplicates.b')}</th></tr>
        </thead>
        <tbody>
          {data.data.fields.map((f) => (
            <tr key={f.field} className={f.same ? '' : 'differs'}>
              <th scope="row">{t(`reg.field.${f.field}`)}</th>
              <td>{show(f.a)}</td>
              <td>
                {show(f.b)}
                {f.same ? null : (
                  <label className="checkbox">
                    <input type="checkbox" checked={take[f.field] === 'merge'} onChange={(e) => setTake({ ...take, [f.field]: e.target.checked ? 'merge' : 'keep' })} />
                    {t('reg.duplicates.take')}
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="toolbar">
        <button type="button" onClick={() => void merge()}>{t('reg.duplicates.merge')}</button>
        <button type="button" onClick={() => void dismiss()}>{t('reg.duplicates.dismiss')}</button>
      </div>
    </section>
  );
}
