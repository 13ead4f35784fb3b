import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { errorMessage } from '../i18n.js';

const SHOWN_DETAILS = 50;

/** A backend error in the user's language, with its details (e.g. every bad line of a file). */
export function ErrorMessage({ error, title }: { error: AppErrorShape; title?: string }) {
  const { t } = useTranslation();
  const details = error.details ?? [];
  return (
    <div role="alert" className="error">
      {title ? <p className="error-title">{title}</p> : null}
      <p>{errorMessage(t, error)}</p>
      {details.length > 0 ? (
        <ul>
          {details.slice(0, SHOWN_DETAILS).map((detail, index) => (
            <li key={index}>{errorMessage(t, detail)}</li>
          ))}
        </ul>
      ) : null}
      {details.length > SHOWN_DETAILS ? <p>{t('gazetteer.more', { count: details.length - SHOWN_DETAILS })}</p> : null}
    </div>
  );
}
