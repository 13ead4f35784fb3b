import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import type { ProgressEvent } from '../../../shared/contract/api.js';
import { AppError } from '../../../shared/errors.js';
import { startWorkerBackend, type WorkerBackendOptions } from '../../../electron/backend/host.js';

const FAKE = path.join(__dirname, 'crashing-worker.mjs');
const REAL_WORKER = path.resolve(__dirname, '../../../electron/backend/worker.ts');
const start = (options: Partial<WorkerBackendOptions> = {}) => startWorkerBackend({ dbFile: '/tmp/unused.db', workerPath: FAKE, ...options });
const call = (backend: Awaited<ReturnType<typeof start>>, op: string) => backend.call(op, {}, LOCAL_OPERATOR);
const notices = (backend: Awaited<ReturnType<typeof start>>) => {
  const seen: ProgressEvent[] = [];
  backend.onProgress((event) => {
    if (event.notice) seen.push(event);
  });
  return seen;
};
const until = async (test: () => boolean) => {
  for (let i = 0; i < 200 && !test(); i += 1) await new Promise((r) => setTimeout(r, 25));
  expect(test()).toBe(true);
};

describe('database worker lifecycle', () => {
  for (const how of ['crash', 'exit'] as const) {
    it(`a worker that ${how === 'crash' ? 'crashes' : 'exits'} fails the calls in flight, is restarted, tells the window, and the next call works`, async () => {
      const crashes: Error[] = [];
      const backend = await start({ onCrash: (error) => crashes.push(error) });
      const seen = notices(backend);
      try {
        const before = await call(backend, 'echo');
        const inFlight = call(backend, 'hang');
        const killer = call(backend, how);
        expect(await inFlight).toEqual({ ok: false, error: { code: 'worker.crashed', params: {} } });
        expect(await killer).toEqual({ ok: false, error: { code: 'worker.crashed', params: {} } });
        await until(() => seen.length > 0);
        expect(seen).toEqual([{ jobId: '', done: 0, total: 0, notice: 'restarted' }]);
        const after = await call(backend, 'echo');
        expect(after.ok).toBe(true);
        // A new thread answered.
        expect((after as { value: { threadId: number } }).value.threadId).not.toBe((before as { value: { threadId: number } }).value.threadId);
        expect(crashes).toHaveLength(1);
        expect(crashes[0]!.message).toMatch(how === 'crash' ? /boom in the worker/ : /exited with code 3/);
      } finally {
        await backend.close();
      }
    });
  }

  it('a call made while the worker restarts waits for the new worker', async () => {
    const backend = await start();
    try {
      const killer = call(backend, 'exit');
      expect((await killer).ok).toBe(false);
      expect(await call(backend, 'echo')).toMatchObject({ ok: true });
    } finally {
      await backend.close();
    }
  });

  it('gives up after repeated crashes: the window is told it stopped, and calls fail with worker.stopped', async () => {
    const backend = await start({ maxRestarts: 2 });
    const seen = notices(backend);
    try {
      for (let i = 0; i < 3; i += 1) {
        await call(backend, 'exit');
        if (i < 2) await until(() => seen.length === i + 1);
      }
      await until(() => seen.some((e) => e.notice === 'stopped'));
      expect(seen.map((e) => e.notice)).toEqual(['restarted', 'restarted', 'stopped']);
      expect(await call(backend, 'echo')).toEqual({ ok: false, error: { code: 'worker.stopped', params: {} } });
    } finally {
      await backend.close();
    }
  });

  it('startup: a worker that cannot run is worker.couldNotStart, with the cause kept for the log', async () => {
    const error = await start({ workerPath: path.join(__dirname, 'no-such-worker.mjs') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('worker.couldNotStart');
    expect((error as AppError).cause).toBeInstanceOf(Error);
  });

  it("startup: a worker that runs but cannot open the database rejects with the database's own error", async () => {
    const error = await startWorkerBackend({ dbFile: '/tmp/x.db', workerPath: path.join(__dirname, 'failing-start-worker.mjs') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db.cannotOpen');
  });

  it('startup: a native module that does not load is the worker failing, not the database (reinstall, not restore)', async () => {
    // Worker threads share process.env: the real worker reads BANHCHI_SQLITE_BINDING.
    process.env.BANHCHI_SQLITE_BINDING = path.join(os.tmpdir(), 'no-such-dir', 'better_sqlite3.node');
    try {
      const error = await startWorkerBackend({ dbFile: path.join(os.tmpdir(), 'never-created.db'), workerPath: REAL_WORKER }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('worker.couldNotStart');
      expect(String((error as AppError).params?.reason)).toContain('better_sqlite3.node');
    } finally {
      delete process.env.BANHCHI_SQLITE_BINDING;
    }
  });

  it('after close, calls are refused with worker.stopped instead of hanging', async () => {
    const backend = await start();
    await backend.close();
    expect(await call(backend, 'echo')).toEqual({ ok: false, error: { code: 'worker.stopped', params: {} } });
  });
});
