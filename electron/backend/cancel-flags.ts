/**
 * Cancellation across threads. A handler in the worker runs synchronously, so it cannot receive
 * a message while busy; instead the host writes the job's hash into shared memory and the
 * handler polls it between batches.
 */
const SLOTS = 64;

export function createCancelBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer((SLOTS + 1) * Int32Array.BYTES_PER_ELEMENT);
}

function hashJobId(jobId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < jobId.length; i += 1) {
    hash ^= jobId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 1; // never 0, the empty slot
}

export function markCancelled(buffer: SharedArrayBuffer, jobId: string): void {
  const flags = new Int32Array(buffer);
  const next = Atomics.add(flags, SLOTS, 1) % SLOTS;
  Atomics.store(flags, next, hashJobId(jobId));
}

export function isMarkedCancelled(buffer: SharedArrayBuffer, jobId: string): boolean {
  const flags = new Int32Array(buffer);
  const hash = hashJobId(jobId);
  for (let i = 0; i < SLOTS; i += 1) if (Atomics.load(flags, i) === hash) return true;
  return false;
}
