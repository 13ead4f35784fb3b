import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { errorMessage, i18n } from '../i18n.js';

const SHOWN_DETAILS = 50;

/** Registration, MRZ and spreadsheet errors name a field by its code (`passportNo`); show its label instead. */
function withFieldLabel(t: TFunction, error: AppErrorShape): AppErrorShape {
  // A spreadsheet row refused by registration carries that refusal's code as its reason: show it as a message.
  const reason = error.params?.reason;
  if (error.code === 'spreadsheet.row.rejected' && typeof reason === 'string' && i18n.exists(`errors.${reason}`)) {
    const { row, reason: _code, ...params } = error.params ?? {};
    return { ...error, params: { row: row ?? '', reason: errorMessage(t, withFieldLabel(t, { code: reason, params })) } };
  }
  const field = error.params?.field;
  if (typeof field !== 'string' || !/^(registration|mrz|spreadsheet)\./.test(error.code)) return error;
  const key = error.code.startsWith('mrz.') ? `reg.mrz.field.${field}` : `reg.field.${field}`;
  return i18n.exists(key) ? { ...error, params: { ...error.params, field: (t as unknown as (k: string) => string)(key) } } : error;
}

/** A backend error in the user's language, with its details (e.g. every bad line of a file). */
export function ErrorMessage({ error, title }: { error: AppErrorShape; title?: string }) {
  const { t } = useTranslation();
  const details = error.details ?? [];
  return (
    <div role="alert" className="error">
      {title ? <p className="error-title">{title}</p> : null}
      <p>{errorMessage(t, withFieldLabel(t, error))}</p>
      {details.length > 0 ? (
        <ul>
          {details.slice(0, SHOWN_DETAILS).map((detail, index) => (
            <li key={index}>{errorMessage(t, withFieldLabel(t, detail))}</li>
          ))}
        </ul>
      ) : null}
      {details.length > SHOWN_DETAILS ? <p>{t('gazetteer.more', { count: details.length - SHOWN_DETAILS })}</p> : null}
    </div>
  );
}
