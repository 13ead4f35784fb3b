import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_OPERATOR, SYSTEM_ACTOR } from '../../shared/actor.js';
import { pageOpNames } from '../../shared/contract/index.js';
import { CSP } from '../../electron/csp.js';
import { keyCheck } from '../../electron/db/db-key.js';
import { readKeyStore } from '../../electron/db/key-store.js';
import { fakeWebContents, state } from './fake-electron.js';

const backendState = vi.hoisted(() => ({
  fail: undefined as unknown,
  calls: [] as unknown[][],
  progress: undefined as undefined | ((event: unknown) => void),
  started: [] as unknown[],
  closed: 0,
}));

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);
vi.mock('../../electron/backend/host.js', () => ({
  startWorkerBackend: (options: unknown) => {
    backendState.started.push(options);
    if (backendState.fail) return Promise.reject(backendState.fail);
    return Promise.resolve({
      call: (...args: unknown[]) => {
        backendState.calls.push(args);
        // A register without accounts yet: the local operator acts (the sessions ask this first).
        if (args[0] === 'accounts.status') return Promise.resolve({ ok: true, value: { hasUsers: false, idleMinutes: 10 } });
        return Promise.resolve({ ok: true, value: 'from backend' });
      },
      onProgress: (listener: (event: unknown) => void) => {
        backendState.progress = listener;
        return () => undefined;
      },
      close: () => {
        backendState.closed += 1;
        return Promise.resolve();
      },
    });
  },
}));


const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fake installed app: the renderer build plus a file outside it that must stay unreachable. */
function appDir(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'banhchi-main-'));
  roots.push(root);
  mkdirSync(path.join(root, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Banhchi</title>');
  writeFileSync(path.join(root, 'dist', 'renderer', 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(root, 'dist', 'secret.txt'), 'outside the renderer');
  return root;
}

/** Loads electron/main.ts (once per test file: it is the app entry) and waits until it has started or given up. */
async function loadMain(options: { fail?: unknown; locale?: string } = {}): Promise<void> {
  const root = appDir();
  state.appPath = root;
  state.userData = path.join(root, 'userData');
  state.locale = options.locale ?? 'en-US';
  backendState.fail = options.fail;
  await import('../../electron/main.js');
  await vi.waitFor(() => {
    if (state.windows.length === 0 && state.errorBoxes.length === 0) throw new Error('main has not started yet');
  });
}

const trusted = { senderFrame: { url: 'app://banhchi/index.html', parent: null } };

describe('electron main process', () => {
  beforeAll(async () => {
    await loadMain();
  });

  it('opens one window, locked down, loading the UI over app://', () => {
    expect(state.windows).toHaveLength(1);
    const window = state.windows[0]!;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(prefs.preload).toBe(path.join(state.appPath, 'dist', 'electron', 'preload.cjs'));
    expect(window.url).toBe('app://banhchi/index.html');
    expect(state.enableSandbox).toHaveBeenCalled();
  });

  it('registers app:// as a standard, secure scheme and serves only dist/renderer, with the CSP', async () => {
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const serve = state.protocolHandlers.get('app')!;
    const get = (url: string) => serve({ url } as Request);

    const index = await get('app://banhchi/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('<title>Banhchi</title>');
    expect((await get('app://banhchi/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);

    for (const url of ['app://banhchi/..%2fsecret.txt', 'app://banhchi/%2e%2e/%2e%2e/etc/passwd', 'app://banhchi/assets/..%5c..%5csecret.txt', 'app://other/index.html', 'app://banhchi/%00index.html']) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(await response.text()).not.toContain('outside the renderer');
    }
    expect((await get('app://banhchi/missing.js')).status).toBe(404);
  });

  it('has a strict CSP: no inline code, no eval, no remote hosts', () => {
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('denies navigation, redirects, webviews and new windows in every web contents', () => {
    const created = state.appListeners.get('web-contents-created');
    expect(created).toHaveLength(1);
    const contents = fakeWebContents();
    created![0]!({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event, 'https://example.com/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check, and cancels requests to remote or file URLs', () => {
    const callback = vi.fn();
    state.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(state.permissionCheckHandler?.({}, 'notifications')).toBe(false);
    expect(state.devicePermissionHandler?.({})).toBe(false);
    for (const [url, cancel] of [
      ['https://example.com/x.js', true],
      ['http://127.0.0.1/', true],
      ['wss://example.com/', true],
      ['file:///etc/passwd', true],
      ['app://banhchi/index.html', false],
    ] as const) {
      const done = vi.fn();
      state.beforeRequest?.({ url }, done);
      expect(done, url).toHaveBeenCalledWith({ cancel });
    }
  });

  it('takes the single-instance lock and starts the worker with the database in userData', () => {
    expect(state.appListeners.get('second-instance')).toHaveLength(1);
    // The worker runs from inside the app (app.asar in a package), not from app.asar.unpacked.
    expect(backendState.started).toEqual([
      {
        dbFile: path.join(state.userData, 'banhchi.db'),
        dbKey: expect.any(Buffer),
        workerPath: path.join(state.appPath, 'dist', 'electron', 'worker.mjs'),
        resourcesDir: expect.any(String),
        onCrash: expect.any(Function),
        onUpgrade: expect.any(Function),
      },
    ]);
    expect(existsSync(state.userData)).toBe(true);
    // A new random database key, kept wrapped by the OS key store (safeStorage) beside the database.
    const { dbKey } = backendState.started[0] as { dbKey: Buffer };
    expect(dbKey).toHaveLength(32);
    const store = readKeyStore(path.join(state.userData, 'banhchi.db'));
    expect(store?.check).toBe(keyCheck(dbKey));
    expect(store?.wraps.map((w) => [w.kind, 'backend' in w ? w.backend : ''])).toEqual([['os', 'gnome_libsecret']]);
    expect(JSON.stringify(store)).not.toContain(dbKey.toString('hex'));
  });

  it('shows a window that cannot be closed by hand while an existing register is upgraded, and closes it when done', () => {
    const { onUpgrade } = backendState.started[0] as { onUpgrade: (step: { from: number; total: number; done: number; version: number }) => void };
    const before = state.windows.length;
    // A new register (from version 0) says nothing.
    onUpgrade({ from: 0, total: 60, done: 0, version: 1 });
    expect(state.windows).toHaveLength(before);
    onUpgrade({ from: 55, total: 3, done: 0, version: 56 });
    onUpgrade({ from: 55, total: 3, done: 1, version: 57 });
    expect(state.windows).toHaveLength(before + 1);
    const shown = state.windows.at(-1)!;
    expect(shown.options).toMatchObject({ closable: false, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
    expect(shown.options.webPreferences).not.toHaveProperty('preload');
    expect(decodeURIComponent(String(shown.url))).toContain('step 2 of 3');
    expect(shown.destroyed).not.toBe(true);
    onUpgrade({ from: 55, total: 3, done: 3, version: 58 });
    expect(shown.destroyed).toBe(true);
  });

  it('registers exactly one IPC handler per page operation, and the two file dialogs', () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual([...pageOpNames.map((op) => `banhchi:${op}`), 'banhchi:files.open', 'banhchi:files.save'].sort());
  });

  it('forwards a call from the app page to the backend as the local operator while the register has no accounts', async () => {
    backendState.calls = [];
    const handler = state.ipcHandlers.get('banhchi:office.get')!;
    await expect(handler(trusted, {})).resolves.toEqual({ ok: true, value: 'from backend' });
    expect(backendState.calls).toEqual([['accounts.status', {}, SYSTEM_ACTOR], ['office.get', {}, LOCAL_OPERATOR]]);
  });

  it('refuses calls from a foreign page, a subframe or a destroyed frame', async () => {
    backendState.calls = [];
    const handler = state.ipcHandlers.get('banhchi:settings.set')!;
    const senders = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///tmp/x.html', parent: null } },
      { senderFrame: { url: 'app://banhchi.evil/index.html', parent: null } },
      { senderFrame: { url: 'app://banhchi/index.html', parent: { url: 'app://banhchi/' } } },
      { senderFrame: null },
    ];
    for (const sender of senders) {
      const result = (await handler(sender, { key: 'language', value: 'km' })) as { ok: boolean; error?: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    }
    expect(backendState.calls).toEqual([]);
  });

  it('sends progress events to the window', () => {
    backendState.progress?.({ jobId: 'j', done: 1, total: 2 });
    expect(state.windows[0]!.webContents.sent).toEqual([{ channel: 'banhchi:progress', payload: { jobId: 'j', done: 1, total: 2 } }]);
  });

  // Last: it closes the backend.
  it('holds the quit until the database is checkpointed and closed, then exits', async () => {
    const event = { preventDefault: vi.fn() };
    for (const listener of state.appListeners.get('will-quit') ?? []) listener(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(state.exit).toHaveBeenCalledWith(0));
    expect(backendState.closed).toBe(1);
  });
});
