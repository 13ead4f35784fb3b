import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { originEntity } from '../../../shared/contract/chain.js';
import { useQuery } from '../hooks.js';
import { useLanguage } from '../i18n.js';

/**
 * A record received from another office (a commune's at its province, any office's at the national office), said so
 * at the top of its page with the office's name: who made it, and whether the reader may correct it here.
 * Nothing for the office's own records.
 */
export function RecordOrigin({ entity, recordId, mayCorrect }: { entity: z.infer<typeof originEntity>; recordId: string; mayCorrect: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const origin = useQuery('records.origin', { entity, recordId });
  if (!origin.data || origin.data.own) return null;
  const office = origin.data.officeName ? origin.data.officeName[language] : null;
  return (
    <div className="notice record-origin" role="note" aria-label={t('chain.origin.label')}>
      <p><strong>{office ? t('chain.origin.received', { office }) : t('chain.origin.receivedUnknown')}</strong></p>
      <p>{mayCorrect ? t('chain.origin.correctHere', { office: office ?? t('chain.origin.thatOffice') }) : t('chain.origin.readOnly')}</p>
    </div>
  );
}
