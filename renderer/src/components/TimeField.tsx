import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayTime, parseTimeInput, timeToInput } from '../../../shared/display.js';
import { useLanguage } from '../i18n.js';

const HH_MM = /^\d{2}:\d{2}$/;

/**
 * A time of day typed in the UI language, not the browser's time picker (whose 12/24-hour form follows
 * the machine's locale). `14:30`, `1430`, `2:30 pm`, `១៤:៣០` or `២:៣០ រសៀល` all work; the time read is
 * shown beneath with its time of day (`2:30 pm`, `ម៉ោង ២:៣០ រសៀល`), so a morning/afternoon slip shows.
 *
 * `onChange` gets `HH:MM` for a time, `''` when empty, and the typed text otherwise (the form refuses it).
 */
export function TimeField({ label, value, onChange, required }: { label: string; value: string; onChange: (value: string) => void; required?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [text, setText] = useState(() => timeToInput(value, language));
  const [touched, setTouched] = useState(false);
  // A value set from outside or a language switch redraws the box; the clerk's typing stays until the box is left.
  const lastLanguage = useRef(language);
  useEffect(() => {
    const languageChanged = lastLanguage.current !== language;
    lastLanguage.current = language;
    setText((old) => {
      if (value === '') return '';
      if (!HH_MM.test(value)) return old;
      return parseTimeInput(old) === value && !languageChanged ? old : timeToInput(value, language);
    });
  }, [value, language]);
  const parsed = parseTimeInput(text);
  const unreadable = touched && text.trim() !== '' && !parsed;
  return (
    <div className="field time-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} type="text" autoComplete="off" value={text} required={required} maxLength={20}
        placeholder={t('display.time.hint')} aria-invalid={unreadable ? true : undefined}
        aria-describedby={`${id}-read${unreadable ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          onChange(parseTimeInput(next) ?? (next.trim() === '' ? '' : next.trim()));
        }}
        onBlur={() => {
          setTouched(true);
          if (parsed) setText(timeToInput(parsed, language));
        }}
      />
      <p className="hint" id={`${id}-read`}>{parsed ? t('display.time.read', { time: displayTime(parsed, language) }) : t('display.time.hint')}</p>
      {unreadable ? <div className="field-error" id={`${id}-error`} role="alert">{t('display.time.invalid', { text: text.trim() })}</div> : null}
    </div>
  );
}
