import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { state } from './fake-electron.js';

const failure = vi.hoisted(() => ({ error: undefined as unknown }));

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);
vi.mock('../../electron/backend/host.js', () => ({
  startWorkerBackend: () => Promise.reject(failure.error),
}));

const freshUserData = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'banhchi-startup-')), 'Banhchi');

describe('electron main process when it cannot start', () => {
  it('database refused: says so in the system language, writes the log, quits without opening a window', async () => {
    failure.error = new AppError('db.newerVersion', { file: '/data/banhchi.db', version: 99, supported: 2 });
    state.locale = 'km-KH';
    state.userData = freshUserData();
    await import('../../electron/main.js');
    await vi.waitFor(() => expect(state.errorBoxes).toHaveLength(1));
    const box = state.errorBoxes[0]!;
    expect(box.title).toBe('កម្មវិធីបញ្ជីមិនអាចបើកមូលដ្ឋានទិន្នន័យរបស់ខ្លួនបានទេ');
    expect(box.content).toMatch(/[\u1780-\u17FF]/);
    expect(box.content).toContain('/data/banhchi.db');
    const log = path.join(state.userData, 'logs', 'banhchi.log');
    expect(box.content).toContain(log);
    expect(readFileSync(log, 'utf8')).toContain('db.newerVersion');
    expect(state.quit).toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
    expect(state.ipcHandlers.size).toBe(0);
  });

  it('worker could not start: names the worker, not the database, says to reinstall, and logs the stack; the data folder is created', async () => {
    vi.resetModules();
    state.errorBoxes.length = 0;
    const crash = new Error("Cannot find package 'pdfkit' imported from /opt/Banhchi/resources/app.asar.unpacked/dist/electron/worker.mjs");
    failure.error = new AppError('worker.couldNotStart', { reason: crash.message });
    (failure.error as Error).cause = crash;
    state.locale = 'en-US';
    state.userData = freshUserData();
    await import('../../electron/main.js');
    await vi.waitFor(() => expect(state.errorBoxes).toHaveLength(1));
    const box = state.errorBoxes[0]!;
    expect(box.title).toBe('Banhchi could not start');
    expect(box.content).toContain("Banhchi's database service could not start");
    expect(box.content).toContain('Install Banhchi again');
    expect(box.content).not.toContain('cannot be opened');
    expect(existsSync(state.userData)).toBe(true);
    const log = readFileSync(path.join(state.userData, 'logs', 'banhchi.log'), 'utf8');
    expect(log).toContain('worker.couldNotStart');
    expect(log).toContain(crash.stack!.split('\n')[1]!.trim());
  });

  it('a data folder that cannot be created is the register failing (disk, rights), and says the log could not be written', async () => {
    vi.resetModules();
    state.errorBoxes.length = 0;
    const blocker = path.join(mkdtempSync(path.join(os.tmpdir(), 'banhchi-startup-')), 'a-file');
    writeFileSync(blocker, 'not a folder');
    failure.error = new Error('the worker must not be started');
    state.locale = 'en-US';
    state.userData = path.join(blocker, 'Banhchi');
    await import('../../electron/main.js');
    await vi.waitFor(() => expect(state.errorBoxes).toHaveLength(1));
    const box = state.errorBoxes[0]!;
    expect(box.title).toBe('Banhchi cannot open its register');
    expect(box.content).toContain(path.join(blocker, 'Banhchi', 'banhchi.db'));
    expect(box.content).toContain('Check that the disk has free space');
    expect(box.content).toContain('The details could not be written to a log file.');
  });

  it('quits at once when another instance already runs', async () => {
    vi.resetModules();
    state.singleInstance = false;
    state.quit.mockClear();
    await import('../../electron/main.js');
    expect(state.quit).toHaveBeenCalled();
  });
});
