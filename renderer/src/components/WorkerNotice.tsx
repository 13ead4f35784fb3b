import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendNotice } from '../../../shared/contract/api.js';
import { bridge } from '../api.js';

/** A banner when the database worker stopped: restarted (the last action may be lost) or stopped for good. */
export function WorkerNotice() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<BackendNotice>();
  useEffect(() => {
    const unsubscribe = bridge.onProgress((event) => {
      if (event.notice) setNotice(event.notice);
    });
    return () => {
      unsubscribe();
    };
  }, []);
  if (!notice) return null;
  return (
    <div role="alert" className={`worker-notice worker-notice-${notice}`}>
      <p>{t(`workerNotice.${notice}`)}</p>
      {notice === 'restarted' ? (
        <button type="button" onClick={() => setNotice(undefined)}>
          {t('workerNotice.dismiss')}
        </button>
      ) : null}
    </div>
  );
}
