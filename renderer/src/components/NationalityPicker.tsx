import { useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nationalityName, searchNationalities, type NationalityOption } from '../../../shared/display.js';
import { useLanguage } from '../i18n.js';

/**
 * A nationality or issuing state chosen by typing its name in either language or its code
 * (`Germany`, `អាល្លឺម៉ង់`, `DEU` and `D` all find Germany). The value is the ICAO code; the box shows
 * the name in the UI language. With `allowEmpty`, clearing the box means "any" (list filters).
 */
export function NationalityPicker({
  label, value, onChange, required, allowEmpty, invalid, hint,
}: {
  label: string; value: string; onChange: (code: string) => void; required?: boolean; allowEmpty?: boolean;
  invalid?: ReactNode; hint?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const shown = value ? nationalityName(value, language) : '';
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => { if (!editing) setText(shown); }, [shown, editing]);
  const options = useMemo(() => (editing ? searchNationalities(text, language) : []), [editing, text, language]);
  const open = editing && text.trim() !== '' && text !== shown;

  const choose = (option: NationalityOption | undefined) => {
    setEditing(false);
    if (option) {
      onChange(option.code);
      setText(nationalityName(option.code, language));
    } else if (allowEmpty && text.trim() === '') {
      onChange('');
      setText('');
    } else {
      setText(shown);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setEditing(true); setActive((i) => Math.min(i + 1, options.length - 1)); }
    if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
    if (e.key === 'Enter' && open) { e.preventDefault(); choose(options[active]); }
    if (e.key === 'Escape') { setEditing(false); setText(shown); }
  };
  const onBlur = () => {
    if (!editing) return;
    const typed = text.trim();
    // Leaving the box with an exact code or name typed takes it; anything else goes back to the value.
    const first = options[0];
    const exact = first && (first.code === typed.toUpperCase() || first.name === typed || first.otherName === typed) ? first : undefined;
    choose(exact);
  };
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="field nationality-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} role="combobox" aria-autocomplete="list" aria-expanded={open} aria-controls={`${id}-list`}
        aria-activedescendant={open && options[active] ? optionId(active) : undefined} autoComplete="off"
        aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `${id}-error` : hint ? `${id}-hint` : undefined}
        value={text} required={required} placeholder={allowEmpty ? t('display.nationality.any') : t('display.nationality.placeholder')}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => { setText(e.target.value); setEditing(true); setActive(0); }}
        onKeyDown={onKeyDown} onBlur={onBlur}
      />
      {value ? <span className="hint code-hint" aria-hidden="true">{value}</span> : null}
      {open ? (
        <ul id={`${id}-list`} role="listbox" aria-label={t('display.nationality.choices')} className="picker-options">
          {options.length === 0 ? <li className="hint">{t('display.nationality.none', { query: text.trim() })}</li> : null}
          {options.map((option, i) => (
            <li
              key={option.code} id={optionId(i)} role="option" aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()} onClick={() => choose(option)} onMouseEnter={() => setActive(i)}
            >
              <span>{option.name}</span> <span className="hint">{option.otherName} · {option.code}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {hint && !invalid ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {invalid ? <div className="field-error" id={`${id}-error`} role="alert">{invalid}</div> : null}
    </div>
  );
}
