import type { Result } from '../errors.js';
import type { OpResponse, PageOpName, PageRequest } from './index.js';

export interface ProgressEvent {
  jobId: string;
  done: number;
  total: number;
  /** i18n key of the current stage, e.g. `progress.validating`. */
  stage?: string;
  /**
   * Not a job's progress but news about the backend, on the same channel: the database worker
   * stopped and was `restarted`, or `stopped` for good. jobId is '' then.
   */
  notice?: BackendNotice;
}

export type BackendNotice = 'restarted' | 'stopped';

/** Named, typed functions generated from the contract; the same shape over IPC and over HTTP. */
export type BanhchiApi = {
  [N in PageOpName]: (input: PageRequest<N>) => Promise<Result<OpResponse<N>>>;
};

/** A file the user chose: its name (never its path) and its bytes. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** A kind of file offered in the dialog; `label` is already translated. */
export interface FileKind {
  label: string;
  extensions: string[];
}

export interface OpenFilesOptions {
  /** Dialog title, translated. */
  title: string;
  kinds?: FileKind[];
  multiple?: boolean;
  /** Choose a folder and take every file in it that matches `kinds` (e.g. bundles on a USB stick). */
  folder?: boolean;
}

export interface SaveFilesOptions {
  title: string;
  /** One file: a save dialog with this name suggested. Several: a folder is chosen and each is written in it. */
  files: PickedFile[];
  kinds?: FileKind[];
  /** What the files are, so the place they were written is remembered (Sync history). */
  purpose?: 'bundles' | 'other';
}

/** Where the files went: a folder or file chosen in the desktop app, or the browser's downloads. */
export interface SavedFiles {
  names: string[];
  /** Shown to the user: the folder chosen, or null for a browser download. */
  place: string | null;
}

/**
 * Opening and saving files. In the desktop app these are native dialogs run by the main process,
 * which reads and writes the files; in the browser (`npm run web`) an upload and a download.
 * Either way the page never sees or sends a file path.
 */
export interface FilesBridge {
  /** The chosen files, or an empty list when the user cancelled. */
  open(options: OpenFilesOptions): Promise<Result<PickedFile[]>>;
  /** Where they were written, or null when the user cancelled. */
  save(options: SaveFilesOptions): Promise<Result<SavedFiles | null>>;
}

export interface BanhchiBridge {
  api: BanhchiApi;
  files: FilesBridge;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}
