import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickedFile } from '../../../shared/contract/api.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { files as fileDialogs, nativeDialogs } from '../api.js';
import { matchesKinds, readPicked } from '../files.js';
import { ErrorMessage } from './ErrorMessage.js';

interface FilesPickerProps {
  label: string;
  /** File name endings offered, without the dot: ['csv'], ['bchb']. */
  extensions?: string[];
  /** Several files, or with `folder` every matching file of a chosen folder. */
  multiple?: boolean;
  folder?: boolean;
  onChange: (files: PickedFile[]) => void;
}

/**
 * Choosing files: in the desktop app a native dialog run by the main process, in the browser an
 * upload. The page gets names and bytes, never a path. The button and "no file" text are ours, in
 * the UI language; the browser's own ("Choose File") follow the system locale instead.
 */
export function FilesPicker({ label, extensions, multiple, folder, onChange }: FilesPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  const [error, setError] = useState<AppErrorShape>();
  // Files chosen in the browser's picker that are not of the kinds asked for: named, never silently dropped.
  const [skipped, setSkipped] = useState<string[]>([]);
  const kinds = extensions ? [{ label, extensions }] : undefined;
  const chosen = (picked: PickedFile[]) => {
    setNames(picked.map((f) => f.name));
    onChange(picked);
  };
  const choose = async () => {
    setError(undefined);
    if (!nativeDialogs) return input.current?.click();
    const result = await fileDialogs.open({ title: label, ...(kinds ? { kinds } : {}), multiple: multiple === true, folder: folder === true });
    if (!result.ok) return setError(result.error);
    if (result.value.length > 0 || folder) chosen(result.value);
    return undefined;
  };
  return (
    <div className="field file-picker">
      <label htmlFor={id}>{label}</label>
      <div className="file-picker-row">
        <button type="button" className="secondary" onClick={() => void choose()}>
          {t('file.choose')}
        </button>
        <span className="file-name">{names.length > 0 ? names.join(', ') : t('file.none')}</span>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {skipped.length > 0 && extensions ? (
        <p className="error" role="alert">
          {t('chain.files.skipped', { count: skipped.length, files: skipped.join(', '), extensions: extensions.map((x) => `.${x}`).join(', ') })}
        </p>
      ) : null}
      {nativeDialogs ? null : (
        <input
          ref={input}
          id={id}
          type="file"
          className="visually-hidden"
          multiple={multiple || folder}
          {...(folder ? ({ webkitdirectory: '' } as Record<string, string>) : extensions ? { accept: extensions.map((e) => `.${e}`).join(',') } : {})}
          onChange={(e) => {
            const all = [...(e.target.files ?? [])];
            const list = all.filter((file) => !kinds || matchesKinds(file.name, { kinds }));
            // A folder's other files (a USB stick's) are expected; only files chosen one by one are reported.
            setSkipped(folder ? [] : all.filter((file) => !list.includes(file)).map((file) => file.name));
            void readPicked(list).then(chosen);
          }}
        />
      )}
    </div>
  );
}

/** One file. */
export function FilePicker({ label, extensions, onChange }: { label: string; extensions?: string[]; onChange: (file: PickedFile | undefined) => void }) {
  return <FilesPicker label={label} {...(extensions ? { extensions } : {})} onChange={(picked) => onChange(picked[0])} />;
}
