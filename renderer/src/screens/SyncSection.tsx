import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../session.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useQuery } from '../hooks.js';
import type { SectionProps } from '../sections.js';
import { SyncConflicts } from './SyncConflicts.js';
import { SyncDirectory } from './SyncDirectory.js';
import { SyncExchange } from './SyncExchange.js';
import { SyncHistory } from './SyncHistory.js';
import { SyncKeys } from './SyncKeys.js';

const TABS = ['exchange', 'history', 'conflicts', 'keys', 'directory'] as const;
type Tab = (typeof TABS)[number];

/** Sync: send changes up, import bundles and receipts, history, held bundles, conflicts, keys. */
export function SyncSection({ path }: SectionProps) {
  const { t } = useTranslation();
  // Who moves bundles (COURIERS); other roles read the register and are told who does it.
  const mayImport = useCan('sync.import');
  const mayExport = useCan('sync.export');
  const mayMove = mayImport || mayExport;
  const [tab, setTab] = useState<Tab>(TABS.includes(path[0] as Tab) ? (path[0] as Tab) : 'exchange');
  const status = useQuery('sync.status', {});
  const [passphrase, setPassphrase] = useState('');
  return (
    <section>
      <h1>{t('sync.title')}</h1>
      {status.error ? <ErrorMessage error={status.error} /> : null}
      {status.data ? (
        <p>
          {t('sync.pending', { count: status.data.pendingChanges })} · {t('sync.directoryVersion', { version: status.data.directoryVersion })}
        </p>
      ) : null}
      <div role="tablist">
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? '' : 'secondary'} onClick={() => setTab(id)}>
            {id === 'directory' ? t('syncsetup.tabs.directory') : t(`sync.tabs.${id}`)}
          </button>
        ))}
      </div>
      {tab !== 'history' && tab !== 'conflicts' && (tab !== 'exchange' || mayMove) ? (
        <div className="field">
          <label>
            {t('sync.passphrase')}
            <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
        </div>
      ) : null}
      {tab === 'exchange' && mayMove ? <SyncExchange passphrase={passphrase} onDone={status.reload} /> : null}
      {tab === 'exchange' && !mayMove ? <p className="notice" role="note">{t('chain.sync.notCourier')}</p> : null}
      {tab === 'history' ? <SyncHistory /> : null}
      {tab === 'conflicts' ? <SyncConflicts /> : null}
      {tab === 'keys' ? <SyncKeys passphrase={passphrase} keys={status.data?.keys ?? null} onDone={status.reload} /> : null}
      {tab === 'directory' ? <SyncDirectory passphrase={passphrase} onDone={status.reload} /> : null}
    </section>
  );
}
