/**
 * The backend's clock. `BANHCHI_CLOCK_OFFSET_MS` shifts it; only the `npm run web` entry sets it,
 * from `BANHCHI_FAKE_NOW`, so end-to-end tests can put server and browser at the same instant.
 * The Electron app and the CLI never set it. Unit tests use vitest's fake timers (`Date.now`).
 */
export function now(): number {
  const offset = Number(process.env.BANHCHI_CLOCK_OFFSET_MS ?? 0);
  return Date.now() + (Number.isFinite(offset) ? offset : 0);
}

/** `BANHCHI_FAKE_NOW` (an ISO date-time with offset) → the offset to put in `BANHCHI_CLOCK_OFFSET_MS`. */
export function offsetForFakeNow(fakeNow: string | undefined, realNow: number = Date.now()): number | null {
  if (!fakeNow) return null;
  const at = Date.parse(fakeNow);
  if (Number.isNaN(at)) throw new Error(`BANHCHI_FAKE_NOW is not an ISO date-time: ${fakeNow}`);
  return at - realNow;
}
