import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { useProgress } from '../hooks.js';

/** Progress of a running job with a cancel button; the job stops at its next batch. */
export function ProgressBar({ jobId, label }: { jobId: string; label: string }) {
  const { t } = useTranslation();
  const event = useProgress(jobId);
  const percent = event && event.total > 0 ? Math.round((100 * event.done) / event.total) : 0;
  return (
    <div className="progress">
      <label>
        {event?.stage ? t(event.stage as 'progress.saving') : label}
        <progress max={100} value={percent} aria-label={label}>
          {t('progress.percent', { percent })}
        </progress>
      </label>
      <button type="button" onClick={() => void api['jobs.cancel']({ jobId })}>
        {t('progress.cancel')}
      </button>
    </div>
  );
}
