import { useTranslation } from 'react-i18next';
import { useQuery } from '../hooks.js';
import { personName } from '../person-form.js';
import { pendingScanFor } from '../scan-store.js';
import { RescanPanel } from './RescanPanel.js';

const SAVED: Record<string, string> = { saved: 'persons.saved', taken: 'persons.rescan.taken', 'passport-added': 'persons.passports.added' };

function MergedNotice({ from }: { from: string }) {
  const { t } = useTranslation();
  const merged = useQuery('persons.get', { id: from });
  const name = merged.data ? personName(merged.data.person) : '';
  return name ? <p role="status" className="notice">{t('persons.mergedNotice', { name })}</p> : null;
}

/** What the person page says after an edit, a re-scan or a redirect from a merged-away record. */
export function PersonNotice({ personId, notice, from }: { personId: string; notice: string | undefined; from: string | undefined }) {
  const { t } = useTranslation();
  if (notice === 'rescan') {
    const scan = pendingScanFor(personId);
    return scan ? <RescanPanel scan={scan} /> : null;
  }
  if (notice === 'merged') return from ? <MergedNotice from={from} /> : null;
  const key = notice ? SAVED[notice] : undefined;
  return key ? <p role="status" className="success">{t(key as 'persons.saved')}</p> : null;
}
