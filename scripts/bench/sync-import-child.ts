/**
 * One bundle import in a process of its own, so its peak memory is its own:
 * `node --expose-gc --import tsx scripts/bench/sync-import-child.ts <db> <bundle>` (passphrase in BANHCHI_PASSPHRASE).
 * Prints JSON: the resident set before the import (modules loaded, database open, keys unlocked once),
 * the peak during it (Linux: VmHWM after resetting it through /proc/self/clear_refs) and the time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { preferSmallHeap } from '../../electron/backend/heap.js';

// As the database thread and the CLI do (BENCH_DEFAULT_HEAP=1 measures V8's default heap growth instead).
if (!process.env.BENCH_DEFAULT_HEAP) preferSmallHeap();
import { LOCAL_OPERATOR } from '../../shared/actor.js';
import { createLocalBackend } from '../../electron/backend/backend.js';
import { openDatabase } from '../../electron/db/open.js';

const [dbFile, bundle] = process.argv.slice(2);
if (!dbFile || !bundle) throw new Error('usage: sync-import-child.ts <db> <bundle>');
const passphrase = process.env.BANHCHI_PASSPHRASE ?? '';

function peakRssKiB(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const db = openDatabase(dbFile);
const backend = createLocalBackend(db);
const call = async (op: string, input: unknown) => {
  const result = await backend.call(op as never, input as never, LOCAL_OPERATOR);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as unknown;
};
// Warm up: load every module the import uses and unlock the keys once.
await call('sync.status', {});
await call('sync.keyCard', { passphrase });
global.gc?.();
global.gc?.();
const before = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const reset = resetPeak();
let sampled = before;
let heapPeak = 0;
let externalPeak = 0;
const timer = setInterval(() => {
  const m = process.memoryUsage();
  sampled = Math.max(sampled, m.rss);
  heapPeak = Math.max(heapPeak, m.heapTotal);
  externalPeak = Math.max(externalPeak, m.external);
}, 5);
const t = performance.now();
const results = (await call('sync.import', { passphrase, paths: [bundle] })) as { status: string; error?: unknown }[];
const ms = performance.now() - t;
clearInterval(timer);
const hwm = reset ? peakRssKiB() : null;
const peak = Math.max(sampled, process.memoryUsage().rss, hwm === null ? 0 : hwm * 1024);
const after = process.memoryUsage();
global.gc?.();
const retainedHeap = process.memoryUsage().heapUsed;
process.stdout.write(`${JSON.stringify({ status: results[0]?.status, error: results[0]?.error ?? null, before, peak, ms, method: hwm === null ? "sampled rss" : "VmHWM", heapTotal: after.heapTotal, external: after.external, heapPeak, externalPeak, heapBefore, retainedHeap, arrayBuffers: after.arrayBuffers })}\n`);
await backend.close();
