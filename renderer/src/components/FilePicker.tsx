import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface FilesPickerProps {
  label: string;
  accept?: string;
  /** Several files, or with `folder` every file of a chosen folder. */
  multiple?: boolean;
  folder?: boolean;
  /** Which of the chosen files count (shown and passed on), e.g. only bundles in a folder. */
  keep?: (file: File) => boolean;
  onChange: (files: File[]) => void;
}

/**
 * A file input whose button and "no file" text are ours, in the UI language; the browser's own
 * ("Choose File", "No file chosen") follow the system locale instead.
 */
export function FilesPicker({ label, accept, multiple, folder, keep, onChange }: FilesPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="field file-picker">
      <label htmlFor={id}>{label}</label>
      <div className="file-picker-row">
        <button type="button" className="secondary" onClick={() => input.current?.click()}>
          {t('file.choose')}
        </button>
        <span className="file-name">{names.length > 0 ? names.join(', ') : t('file.none')}</span>
      </div>
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden"
        multiple={multiple || folder}
        {...(folder ? ({ webkitdirectory: '' } as Record<string, string>) : accept ? { accept } : {})}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])].filter((file) => !keep || keep(file));
          setNames(files.map((f) => f.name));
          onChange(files);
        }}
      />
    </div>
  );
}

/** One file. */
export function FilePicker({ label, accept, onChange }: { label: string; accept?: string; onChange: (file: File | undefined) => void }) {
  return <FilesPicker label={label} {...(accept ? { accept } : {})} onChange={(files) => onChange(files[0])} />;
}
