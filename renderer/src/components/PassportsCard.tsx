import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';
import { navigate } from '../router.js';

/** Every passport the person has shown, the current one first; former ones stay searchable. */
export function PassportsCard({ personId, revision, readOnly }: { personId: string; revision: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const passports = useQuery('passports.list', { personId }, `${personId}:${revision}`);
  const items = passports.data ?? [];
  return (
    <section className="card" aria-label={t('persons.passports.title')}>
      <h2>{t('persons.passports.title')}</h2>
      <ul>
        {items.map((p) => (
          <li key={p.id}>
            {t('persons.passports.line', { number: p.passportNo, state: f.nationalityWithCode(p.issuingState), expiry: f.date(p.expiry) })}
            {' · '}
            {p.current ? <strong>{t('persons.passports.current')}</strong> : t('persons.passports.replaced', { date: p.replacedOn ? f.date(p.replacedOn) : '' })}
          </li>
        ))}
      </ul>
      {readOnly ? null : <button type="button" onClick={() => navigate('foreigners', personId, 'passport')}>{t('persons.passports.add')}</button>}
    </section>
  );
}
