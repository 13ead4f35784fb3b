import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../../shared/actor.js';
import type { ProgressEvent } from '../../../shared/contract/api.js';
import { AppError } from '../../../shared/errors.js';
import { startWorkerBackend } from '../../../electron/backend/host.js';
import { keyFromEnvironment } from '../../../electron/db/db-key.js';
import { connect } from '../../../electron/db/open.js';
import { GAZETTEER_CSV, tempDir } from '../../helpers/db.js';

const WORKER = path.resolve(__dirname, '../../../electron/backend/worker.ts');
// The worker runs from its TypeScript source: host.ts registers tsx inside the thread.
const start = (dbFile: string) => startWorkerBackend({ dbFile, workerPath: WORKER });

describe('worker backend', () => {
  it('runs calls in the worker thread through the boundary', async () => {
    const backend = await start(path.join(tempDir(), 'banhchi.db'));
    try {
      const info = await backend.call('app.info', {}, LOCAL_OPERATOR);
      expect(info).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } });
      const unknown = await backend.call('no.such.op', {}, LOCAL_OPERATOR);
      expect(unknown).toMatchObject({ ok: false, error: { code: 'boundary.unknownOperation' } });
    } finally {
      await backend.close();
    }
  });

  it('rejects with db.newerVersion when the file is from a newer version, leaving it unchanged', async () => {
    const file = path.join(tempDir(), 'banhchi.db');
    const first = await start(file);
    await first.close();
    // The header is encrypted too: a newer version's file is made through a keyed connection.
    const newer = connect(file, keyFromEnvironment()!);
    newer.pragma('user_version = 999');
    newer.pragma('journal_mode = DELETE');
    newer.close();
    const bytes = readFileSync(file);
    const error = await start(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db.newerVersion');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('reports progress of a gazetteer import and cancels it with jobs.cancel, storing nothing', async () => {
    const backend = await start(path.join(tempDir(), 'banhchi.db'));
    try {
      const csv = readFileSync(GAZETTEER_CSV, 'utf8');
      const jobId = randomUUID();
      const events: ProgressEvent[] = [];
      let cancelled: Promise<unknown> | undefined;
      backend.onProgress((event) => {
        events.push(event);
        // Cancel once saving has begun: the worker is busy inside the transaction.
        if (!cancelled && event.stage === 'progress.saving' && event.done > 0) {
          cancelled = backend.call('jobs.cancel', { jobId }, LOCAL_OPERATOR);
        }
      });
      const result = await backend.call('gazetteer.import', { fileName: 'units.csv', csv, jobId }, LOCAL_OPERATOR);
      expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
      expect(result).toMatchObject({ ok: false, error: { code: 'job.cancelled' } });
      expect(events.every((e) => e.jobId === jobId)).toBe(true);
      const units = await backend.call('gazetteer.units', { level: 'commune' }, LOCAL_OPERATOR);
      expect(units).toEqual({ ok: true, value: [] });
    } finally {
      await backend.close();
    }
  });
});
