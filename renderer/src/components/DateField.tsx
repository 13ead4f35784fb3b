import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateToInput, displayDate, parseDateInput } from '../../../shared/display.js';
import { useLanguage } from '../i18n.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date typed as day/month/year in the UI language, not the browser's mm/dd/yyyy picker.
 * One text box because a clerk copying from a passport or a paper form types fastest without
 * leaving the keyboard: `14/03/1988`, `14.3.1988`, `14031988`, `១៤/០៣/១៩៨៨` or `14 March 1988` all
 * work. The date read is shown in words under the box, so a day/month swap is seen at once.
 *
 * `onChange` gets `YYYY-MM-DD` for a real date, `''` when the box is empty, and the typed text
 * otherwise (so the form's validation refuses it and names this field); the box also says so itself.
 */
export function DateField({
  label, value, onChange, required, invalid, hint, min, max, warning,
}: {
  label: string; value: string; onChange: (value: string) => void; required?: boolean; invalid?: ReactNode; hint?: string;
  /** A note that does not stop saving (an expired passport, say). */
  warning?: ReactNode;
  /** `YYYY-MM-DD` bounds, checked by the form's validation; here they only feed the message. */
  min?: string; max?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [text, setText] = useState(() => dateToInput(value, language));
  const [touched, setTouched] = useState(false);
  // A value set from outside (an MRZ scan, a reset) or a language switch redraws the box;
  // the clerk's own typing is left as typed until the box is left.
  const lastLanguage = useRef(language);
  useEffect(() => {
    const languageChanged = lastLanguage.current !== language;
    lastLanguage.current = language;
    setText((old) => {
      if (value === '') return '';
      if (!ISO.test(value)) return old;
      return parseDateInput(old) === value && !languageChanged ? old : dateToInput(value, language);
    });
  }, [value, language]);
  const parsed = parseDateInput(text);
  const unreadable = touched && text.trim() !== '' && !parsed;
  const outOfRange = parsed && ((min && parsed < min) || (max && parsed > max));
  const message = invalid ?? (unreadable ? t('display.date.invalid', { text: text.trim() }) : null);
  const describedBy = [`${id}-read`, message ? `${id}-error` : null, warning ? `${id}-warning` : null].filter(Boolean).join(' ');
  return (
    <div className="field date-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} type="text" inputMode="numeric" autoComplete="off" value={text} required={required} maxLength={40}
        placeholder={t('display.date.hint')} aria-invalid={message || outOfRange ? true : undefined} aria-describedby={describedBy}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const iso = parseDateInput(next);
          onChange(iso ?? (next.trim() === '' ? '' : next.trim()));
        }}
        onBlur={() => {
          setTouched(true);
          if (parsed) setText(dateToInput(parsed, language));
        }}
      />
      <p className="hint" id={`${id}-read`}>
        {parsed ? t('display.date.read', { date: displayDate(parsed, language) }) : (hint ?? t('display.date.hint'))}
      </p>
      {message ? <div className="field-error" id={`${id}-error`} role="alert">{message}</div> : null}
      {warning ? <p className="field-warning" id={`${id}-warning`} role="status">{warning}</p> : null}
    </div>
  );
}
