// ES-module resolve hook for track-modules.cjs: records each import and what it resolved to.
import { appendFileSync } from 'node:fs';

let log;
let thread;
export function initialize(data) {
  log = data.log;
  thread = data.thread;
}

export async function resolve(specifier, context, nextResolve) {
  let result;
  try {
    result = await nextResolve(specifier, context);
  } catch (error) {
    appendFileSync(log, `${JSON.stringify({ thread, kind: 'esm', request: specifier, parent: context.parentURL ?? null, resolved: null, error: String(error) })}\n`);
    throw error;
  }
  appendFileSync(log, `${JSON.stringify({ thread, kind: 'esm', request: specifier, parent: context.parentURL ?? null, resolved: result.url })}\n`);
  return result;
}
