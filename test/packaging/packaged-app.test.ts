import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../shared/actor.js';
import { startWorkerBackend } from '../../electron/backend/host.js';
import { buildBundles, layOutPackage, packLinuxDir, readFuses, ROOT, standInElectronDist } from './pack.js';

/**
 * The packaged app, as electron-builder lays it out, started under plain Node with a stand-in
 * Electron: the real main.cjs, its real IPC handlers, the real database worker from inside
 * app.asar, and better-sqlite3 from app.asar.unpacked. Slow (a build and a package): ~1 minute.
 */
interface ModuleRecord { thread: string; kind: string; request: string; parent: string | null; resolved: string | null; error?: string }
/** What harness.mjs writes: the answers it got through the IPC handlers. */
interface HarnessResult {
  harnessError?: string;
  errorBoxes: unknown[];
  steps: { op: string; ok: boolean }[];
  info?: unknown;
  bundled: { bundled: { version: string; units: number } | null; importedVersion: string | null };
  gazetteer?: unknown;
  progress: { jobId: string; done: number; total: number }[];
  pledge: { pages: number; head: string; bytes: number; fonts: string[] };
  sync?: unknown;
  admin?: unknown;
  quit?: unknown;
  security: Record<string, unknown>;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'banhchi-pack-'));
let appOutDir = '';
let layout: ReturnType<typeof layOutPackage>;

beforeAll(async () => {
  buildBundles();
  appOutDir = await packLinuxDir(path.join(work, 'out'), standInElectronDist(path.join(work, 'electron-dist')));
  layout = layOutPackage(appOutDir, path.join(work, 'installed'));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function runHarness(locale: string): { result: HarnessResult; modules: ModuleRecord[]; userData: string } {
  const userData = path.join(mkdtempSync(path.join(work, 'profile-')), 'Banhchi');
  const resultFile = path.join(work, `result-${locale}.json`);
  const moduleLog = path.join(work, `modules-${locale}.jsonl`);
  execFileSync(
    process.execPath,
    ['--require', path.join(__dirname, 'track-modules.cjs'), path.join(__dirname, 'harness.mjs'), layout.resources, userData, resultFile],
    // Run from outside the repository, so nothing resolves from its node_modules by accident.
    { cwd: work, env: { ...process.env, NODE_PATH: '', BANHCHI_TRACK_MODULES: moduleLog, HARNESS_LOCALE: locale }, stdio: 'pipe', timeout: 180_000 },
  );
  const modules = readFileSync(moduleLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ModuleRecord);
  return { result: JSON.parse(readFileSync(resultFile, 'utf8')) as HarnessResult, modules, userData };
}

const asPath = (value: string) => (value.startsWith('file:') ? fileURLToPath(value) : value);
const isBuiltin = (value: string) => value.startsWith('node:') || !/[/\\]/.test(value);
const inside = (dir: string, file: string) => !path.relative(dir, asPath(file)).startsWith('..');

describe('the packaged app (electron-builder --dir --linux, stand-in Electron)', () => {
  it('flips the fuses on the packaged executable', () => {
    // runAsNode off, cookie encryption on, NODE_OPTIONS off, inspect off, asar integrity on, only asar on, (v8 snapshot untouched), file:// privileges off
    expect(readFuses(path.join(appOutDir, 'banhchi'))).toBe('01001110');
  });

  it('starts, answers app.info, imports the gazetteer with progress, prints a Khmer pledge and reports sync status — every module from inside the package', () => {
    const { result, modules } = runHarness('en-US');
    expect(result.harnessError).toBeUndefined();
    expect(result.errorBoxes).toEqual([]);
    expect(result.info).toMatchObject({ appVersion: expect.any(String), schemaVersion: expect.any(Number) });
    // The gazetteer shipped in resources/data, found by the backend, imported with progress reaching the window.
    expect(result.bundled).toMatchObject({ bundled: { version: expect.stringMatching(/^sha256:/), units: 1874 } });
    expect(result.bundled.importedVersion).not.toBe(result.bundled.bundled?.version); // only the built-in provinces so far
    expect(result.gazetteer).toMatchObject({ status: 'imported', total: 1874, version: result.bundled.bundled?.version });
    expect(result.progress.length).toBeGreaterThan(0);
    expect(result.progress.at(-1)).toMatchObject({ done: expect.any(Number), total: expect.any(Number) });
    // The Khmer pledge: a PDF with the Khmer heading typeface and text face embedded.
    expect(result.pledge).toMatchObject({ head: '%PDF-', pages: 1 });
    expect(result.pledge.fonts.join(' ')).toMatch(/Moul/);
    expect(result.pledge.fonts.join(' ')).toMatch(/Khmer/);
    expect(result.sync).toMatchObject({ directoryVersion: expect.any(Number) });
    expect(result.admin).toEqual({ role: 'administrator' });
    expect(result.steps.filter((s) => !s.ok)).toEqual([]);
    // Electron's security checklist as the packaged main.cjs applies it (docs/release-checklist.md).
    expect(result.security).toEqual({
      webPreferences: expect.objectContaining({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false }),
      preloadInPackage: true,
      url: 'app://banhchi/index.html',
      sandboxEnabled: true,
      index: { status: 200, csp: expect.stringContaining("default-src 'none'"), html: true },
      escapeStatus: 403,
      foreignSender: { ok: false, error: { code: 'boundary.forbidden', params: { op: 'app.info' } } },
      remoteCancelled: [true, true],
      permission: false,
      windowOpen: { open: { action: 'deny' }, prevented: 3 },
    });
    // Quitting waited for the database to be checkpointed and closed, then exited.
    expect(result.quit).toEqual({ prevented: true, exitCode: 0, walBytes: 0 });

    const installed = path.dirname(layout.resources);
    const fromPackage = modules.filter((m) => m.parent && inside(installed, m.parent));
    expect(fromPackage.some((m) => m.thread === 'worker')).toBe(true);
    const outside = fromPackage.filter((m) => !m.resolved || (!isBuiltin(m.resolved) && !inside(installed, m.resolved)));
    expect(outside).toEqual([]);
    const natives = modules.filter((m) => m.kind === 'native');
    expect(natives.map((m) => path.basename(m.resolved!))).toContain('better_sqlite3.node');
    expect(natives.every((m) => inside(path.join(layout.resources, 'app.asar.unpacked'), m.resolved!))).toBe(true);
  }, 240_000);

  it('runs the built dist/electron/worker.mjs (not the TypeScript source) behind the host', async () => {
    const backend = await startWorkerBackend({
      dbFile: path.join(mkdtempSync(path.join(work, 'built-')), 'banhchi.db'),
      workerPath: path.join(ROOT, 'dist', 'electron', 'worker.mjs'),
      resourcesDir: path.resolve(ROOT, '..', 'shared'),
    });
    try {
      expect(await backend.call('app.info', {}, LOCAL_OPERATOR)).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } });
      expect(await backend.call('gazetteer.importBundled', {}, LOCAL_OPERATOR)).toMatchObject({ ok: true, value: { status: 'imported' } });
    } finally {
      await backend.close();
    }
  }, 120_000);

  it('keeps the worker inside app.asar and unpacks only native modules', () => {
    expect(layout.unpacked.length).toBeGreaterThan(0);
    expect(layout.unpacked.filter((file) => !file.endsWith('.node'))).toEqual([]);
    expect(existsSync(path.join(layout.appDir, 'dist', 'electron', 'worker.mjs'))).toBe(true);
  });
});
