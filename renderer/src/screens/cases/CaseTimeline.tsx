import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/contract/cases.js';
import { useFormat } from '../../format.js';

/** A complaint's story, oldest first: received, assigned, linked, the operation and its outcome, closures, closed. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = (e: TimelineEntry): string => {
    const d = e.detail;
    switch (e.kind) {
      case 'received': return t('cases.timeline.received', { channel: t(`cases.channel.${d.channel as 'hotline'}`) });
      case 'assigned': return t('cases.timeline.assigned', { to: d.to });
      case 'linkedOperation': return t('cases.timeline.linkedOperation');
      case 'linkedInspection': return t('cases.timeline.linkedInspection');
      case 'closed': return t('cases.timeline.closed', { reason: t(`cases.closeReason.${d.reason as 'other'}`) }) + (d.note ? ` — ${d.note}` : '');
      case 'operation': return t('cases.timeline.operation', { kind: t(`cases.operationKind.${d.kind as 'raid'}`), unit: d.leadUnit });
      case 'outcome': return t('cases.timeline.outcome', {
        found: f.digits(d.found ?? '0'), declared: f.digits(d.declared ?? '0'), identified: f.digits(d.identified ?? '0'), charged: f.digits(d.charged ?? '0'),
      });
      case 'premisesAction': return t('cases.timeline.premisesAction', { action: t(`cases.premisesAction.${d.action as 'reopened'}`), premises: d.premises, reason: d.reason });
    }
  };
  return (
    <section className="card" aria-label={t('cases.ui.timeline')}>
      <h2>{t('cases.ui.timeline')}</h2>
      <ol className="timeline">
        {entries.map((e, i) => (
          <li key={`${e.kind}-${i}`}><strong>{f.date(e.at)}</strong>{' · '}{text(e)}</li>
        ))}
      </ol>
    </section>
  );
}
