import type { z } from 'zod';

/** One backend operation: what it accepts and what it returns. */
export interface OperationSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** Long-running: takes a `jobId`, reports progress and can be cancelled with `jobs.cancel`. */
  job?: boolean;
}

export function operation<Req extends z.ZodType, Res extends z.ZodType>(
  spec: OperationSpec<Req, Res>,
): OperationSpec<Req, Res> {
  return spec;
}
