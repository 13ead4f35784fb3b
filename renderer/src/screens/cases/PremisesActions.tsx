import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.js';
import { useQuery } from '../../hooks.js';

/** Closures and reopenings of a premises with their legal reason and the operation that caused them, newest first. */
export function PremisesActions({ premisesId }: { premisesId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const actions = useQuery('cases.premisesActions', { premisesId });
  if (!actions.data?.length) return null;
  return (
    <section className="card" aria-label={t('cases.ui.actions')}>
      <h2>{t('cases.ui.actions')}</h2>
      <ul>
        {actions.data.map((a) => (
          <li key={a.id}>
            {f.date(a.onDate)}{' · '}{t(`cases.premisesAction.${a.action}`)}{a.legalReason ? ` — ${a.legalReason}` : ''}
            {a.operationId ? <>{' · '}<a href={`#/cases/operation/${a.operationId}`}>{t('cases.ui.operation')}</a></> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
