import { cloneElement, useId, type ReactElement } from 'react';

/**
 * A labelled control. The label is tied by `htmlFor`, not by wrapping, so a select's accessible
 * name is its label alone and not the text of its options.
 */
export function LabelledControl({ label, children, hint }: { label: string; children: ReactElement<{ id?: string }>; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
