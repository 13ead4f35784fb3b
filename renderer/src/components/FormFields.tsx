import { useId, type ReactNode } from 'react';
import { useFieldInfo } from './FieldContext.js';

/**
 * A labelled text input (label tied by htmlFor); `invalid` shows a message under it and marks it,
 * `warning` a note that does not stop saving. With a `name` inside `FormFields`, it takes its limits
 * (maxLength, min, max) from the request schema and shows the backend's refusal of that field.
 */
export function TextField({
  label, value, onChange, type = 'text', required, invalid, hint, placeholder, name, warning,
}: {
  label: string; value: string; onChange: (value: string) => void; type?: string; required?: boolean;
  invalid?: ReactNode; hint?: string; placeholder?: string; name?: string; warning?: ReactNode;
}) {
  const id = useId();
  const info = useFieldInfo(name);
  const problem = invalid ?? info.error;
  const { limits } = info;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} name={name} type={type} value={value} required={required} aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : warning ? `${id}-warning` : undefined} placeholder={placeholder} onChange={(e) => onChange(e.target.value)}
        maxLength={type === 'text' ? limits.maxLength : undefined} min={type === 'number' ? limits.min : undefined}
        max={type === 'number' ? limits.max : undefined} step={type === 'number' && limits.integer ? 1 : undefined}
      />
      {hint ? <p className="hint">{hint}</p> : null}
      {warning ? <p className="field-warning" id={`${id}-warning`} role="status">{warning}</p> : null}
      {problem ? <div className="field-error" id={`${id}-error`} role="alert">{problem}</div> : null}
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
