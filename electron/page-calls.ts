import { contract, isOpName, isPageOpName, pageRequestSchema } from '../shared/contract/index.js';
import type { AppErrorShape } from '../shared/errors.js';

/**
 * The gate every call from the page passes (IPC in the desktop app, HTTP under `npm run web`)
 * before it reaches the backend: only operations of the page's contract, with only the fields
 * the page may send. A file path (`dir`, `paths`, `out`, a `{ path }` source…) is refused here,
 * so the backend never opens or writes a file the page named. The CLI calls the backend directly.
 *
 * A request the backend would refuse anyway (bad values) goes on, so the page gets the same
 * validation messages as every other caller; the handler never runs for it.
 */
export function refusePageCall(op: unknown, input: unknown): AppErrorShape | null {
  if (!isOpName(op)) return { code: 'boundary.unknownOperation', params: { op: String(op) } };
  if (!isPageOpName(op)) return { code: 'boundary.forbidden', params: { op } };
  const page = pageRequestSchema(op);
  if (page === contract[op].request) return null;
  const parsed = page.safeParse(input ?? {});
  if (parsed.success || !contract[op].request.safeParse(input ?? {}).success) return null;
  const fields = parsed.error.issues.map((issue) =>
    [...issue.path, ...('keys' in issue && Array.isArray(issue.keys) ? issue.keys : [])].join('.') || '-');
  return {
    code: 'files.pathRefused',
    params: { count: fields.length },
    details: fields.map((field) => ({ code: 'files.pathField', params: { field } })),
  };
}
