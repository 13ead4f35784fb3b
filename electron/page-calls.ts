import { isOpName, isPageOpName, pageRequestSchema } from '../shared/contract/index.js';
import type { AppErrorShape } from '../shared/errors.js';

/**
 * The gate every call from the page passes (IPC in the desktop app, HTTP under `npm run web`)
 * before it reaches the backend: only operations of the page's contract, with only the fields
 * the page may send. A file path (`dir`, `paths`, `out`, a `{ path }` source…) is refused here,
 * so the backend never opens or writes a file the page named. The CLI calls the backend directly.
 */
export function refusePageCall(op: unknown, input: unknown): AppErrorShape | null {
  if (!isOpName(op)) return { code: 'boundary.unknownOperation', params: { op: String(op) } };
  if (!isPageOpName(op)) return { code: 'boundary.forbidden', params: { op } };
  const parsed = pageRequestSchema(op).safeParse(input ?? {});
  if (parsed.success) return null;
  return {
    code: 'boundary.invalidRequest',
    params: { op },
    details: parsed.error.issues.map((issue) => ({
      code: 'validation.field',
      params: {
        field: [...issue.path, ...('keys' in issue && Array.isArray(issue.keys) ? issue.keys : [])].join('.') || '-',
        message: issue.message,
      },
    })),
  };
}
