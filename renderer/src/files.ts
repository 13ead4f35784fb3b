import type { FilesBridge, OpenFilesOptions, PickedFile, SaveFilesOptions, SavedFiles } from '../../shared/contract/api.js';
import type { Result } from '../../shared/errors.js';

/**
 * Files under `npm run web`: opening is an upload (a file input), saving is a download. The
 * desktop app does both through native dialogs in the main process instead (preload).
 * Either way no file path is seen or sent by the page.
 */

export async function readPicked(files: File[]): Promise<PickedFile[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

export function matchesKinds(name: string, options: Pick<OpenFilesOptions, 'kinds'>): boolean {
  const extensions = (options.kinds ?? []).flatMap((k) => k.extensions);
  return extensions.length === 0 || extensions.some((ext) => name.toLowerCase().endsWith(`.${ext.toLowerCase()}`));
}

function open(options: OpenFilesOptions): Promise<Result<PickedFile[]>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple === true || options.folder === true;
    if (options.folder) input.setAttribute('webkitdirectory', '');
    else if (options.kinds) input.accept = options.kinds.flatMap((k) => k.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('change', () => {
      const chosen = [...(input.files ?? [])].filter((f) => !options.folder || matchesKinds(f.name, options));
      void readPicked(chosen).then((value) => resolve({ ok: true, value }));
    });
    input.addEventListener('cancel', () => resolve({ ok: true, value: [] }));
    input.click();
  });
}

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function save(options: SaveFilesOptions): Promise<Result<SavedFiles | null>> {
  for (const file of options.files) download(file.name, file.bytes);
  return Promise.resolve({ ok: true, value: { names: options.files.map((f) => f.name), place: null } });
}

export const webFiles: FilesBridge = { open, save };

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
