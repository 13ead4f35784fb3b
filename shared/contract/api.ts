import type { Result } from '../errors.js';
import type { OpName, OpRequest, OpResponse } from './index.js';

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
  [N in OpName]: (input: OpRequest<N>) => Promise<Result<OpResponse<N>>>;
};

export interface BanhchiBridge {
  api: BanhchiApi;
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}
