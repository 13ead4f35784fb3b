import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file input whose button and "no file" text are ours, in the UI language; the browser's own
 * ("Choose File", "No file chosen") follow the system locale instead.
 */
export function FilePicker({ label, accept, onChange }: { label: string; accept?: string; onChange: (file: File | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string>();
  return (
    <div className="field file-picker">
      <label htmlFor={id}>{label}</label>
      <div className="file-picker-row">
        <button type="button" className="secondary" onClick={() => input.current?.click()}>
          {t('file.choose')}
        </button>
        <span className="file-name">{name ?? t('file.none')}</span>
      </div>
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden"
        {...(accept ? { accept } : {})}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setName(file?.name);
          onChange(file);
        }}
      />
    </div>
  );
}
