import { useTranslation } from 'react-i18next';
import type { AlertKind } from '../../../shared/contract/registration.js';
import { useFormat } from '../format.js';
import { useQuery } from '../hooks.js';

type Group = 'late' | 'expired' | 'expiring' | 'permit' | 'proof' | 'pledge' | 'cap';

/** Each kind of alert opens the list of its people or premises, filtered by it. */
const GROUPS: { group: Group; kinds: { kind: AlertKind | 'over_cap'; href: string }[] }[] = [
  { group: 'late', kinds: [{ kind: 'late_report', href: '#/foreigners/alert/late_report' }] },
  { group: 'expired', kinds: (['passport_expired', 'visa_expired'] as const).map((kind) => ({ kind, href: `#/foreigners/alert/${kind}` })) },
  // Counted in foreigners, each once, as the home figure counts them (reports/records.ts expiringPeople); the lines below, per document.
  { group: 'expiring', kinds: (['passport_expiring', 'visa_expiring'] as const).map((kind) => ({ kind, href: `#/foreigners/alert/${kind}` })) },
  { group: 'permit', kinds: [{ kind: 'work_without_permit', href: '#/foreigners/alert/work_without_permit' }] },
  { group: 'proof', kinds: (['proof_overdue', 'proof_due'] as const).map((kind) => ({ kind, href: '#/campaigns/inspections' })) },
  { group: 'pledge', kinds: [{ kind: 'no_signed_pledge', href: '#/premises/alert/no_signed_pledge' }] },
  { group: 'cap', kinds: [{ kind: 'over_cap', href: '#/foreigners/employers/over-cap' }] },
];

/** A page of employers over the cap is at most this many; more shows as "200+". */
const CAP_PAGE = 200;

/** Home: what needs doing, grouped by kind with counts; each count opens the filtered list. */
export function HomeAlerts() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const f = useFormat();
  const alerts = useQuery('alerts.list', { limit: 1 });
  const overCap = useQuery('employers.list', { overCap: true, limit: CAP_PAGE });
  if (!alerts.data || !overCap.data) return null;
  const counts: Partial<Record<AlertKind | 'over_cap', number>> = { ...alerts.data.counts, over_cap: overCap.data.items.length };
  const capMore = overCap.data.nextCursor !== null;
  const sum = (g: (typeof GROUPS)[number]) => g.kinds.reduce((n, k) => n + (counts[k.kind] ?? 0), 0);
  const groups = GROUPS.map((g) => ({ ...g, total: g.group === 'expiring' ? (alerts.data!.expiringPeople ?? sum(g)) : sum(g) })).filter((g) => g.total > 0);
  return (
    <section className="card home-alerts" aria-label={t('display.home.alerts')}>
      <h2>{t('display.home.alerts')}</h2>
      {groups.length === 0 ? <p className="hint">{t('display.home.allClear')}</p> : null}
      <ul className="alert-groups">
        {groups.map(({ group, kinds, total }) => (
          <li key={group} className={`alert-group alert-group-${group}`} aria-label={t(`display.home.group.${group}`)}>
            <h3>
              <span className="alert-count">{group === 'cap' && capMore ? `${f.number(total)}+` : f.number(total)}</span>{' '}
              {t(`display.home.group.${group}`)}
            </h3>
            <p className="hint">{t(`display.home.groupHint.${group}`)}</p>
            <ul>
              {kinds.filter((k) => (counts[k.kind] ?? 0) > 0).map(({ kind, href }) => (
                <li key={kind}>
                  <a href={href}>
                    {kind === 'over_cap' ? t('display.home.open') : t(`reg.alert.${kind}`)}{' · '}{f.number(counts[kind] ?? 0)}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
