import type { z } from 'zod';

/** One backend operation: what it accepts and what it returns. */
export interface OperationSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType, Page extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** Long-running: takes a `jobId`, reports progress and can be cancelled with `jobs.cancel`. */
  job?: boolean;
  /**
   * In-process only (the CLI, the main process, tests): never exposed to the page over IPC or HTTP.
   * Operations that read or write a file by its path are of this kind.
   */
  local?: boolean;
  /**
   * What the page may send, when it is narrower than `request` (no file paths). Strict: a field
   * the page may not send (a path) is refused, not dropped. Must be assignable to `request`'s input.
   */
  page?: Page;
}

export function operation<Req extends z.ZodType, Res extends z.ZodType, Page extends z.ZodType = Req>(
  spec: OperationSpec<Req, Res, Page>,
): OperationSpec<Req, Res, Page> {
  return spec;
}

/** An operation the page can never call (it names files by path): the CLI and in-process callers only. */
export function localOperation<Req extends z.ZodType, Res extends z.ZodType>(
  spec: Omit<OperationSpec<Req, Res>, 'local' | 'page'>,
): OperationSpec<Req, Res> & { local: true } {
  return { ...spec, local: true };
}
