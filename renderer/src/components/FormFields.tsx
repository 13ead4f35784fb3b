import { useId, type ReactNode } from 'react';

/** A labelled text input (label tied by htmlFor); `invalid` shows a message under it and marks it. */
export function TextField({
  label, value, onChange, type = 'text', required, invalid, hint, placeholder,
}: {
  label: string; value: string; onChange: (value: string) => void; type?: string; required?: boolean;
  invalid?: ReactNode; hint?: string; placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} type={type} value={value} required={required} aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined} placeholder={placeholder} onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <p className="hint">{hint}</p> : null}
      {invalid ? <div className="field-error" id={`${id}-error`} role="alert">{invalid}</div> : null}
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
}

export function Choice({ label, value, options, onChange, required }: {
  label: string; value: string; options: ChoiceOption[]; onChange: (value: string) => void; required?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
