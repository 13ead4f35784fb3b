import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, protocol, safeStorage, session, type WebContents } from 'electron';
import { AppError } from '../shared/errors.js';
import { createI18n } from '../shared/i18n/index.js';
import { APP_ENTRY_URL, APP_SCHEME, contentTypeOf, resolveAppFile } from './app-protocol.js';
import type { Backend } from './backend/backend.js';
import { startWorkerBackend } from './backend/host.js';
import { appDatabaseKey, osSealedNewKey, rememberWithOs } from './db/app-key.js';
import { canUnlockByHand, lockedBackend } from './backend/locked.js';
import { readKeyStore } from './db/key-store.js';
import { CSP } from './csp.js';
import { registerIpc } from './ipc.js';
import { startupError, startupMessage, writeLog } from './startup-report.js';
import type { UpgradeStep } from './db/open.js';
import { upgradePage, upgradePageUrl } from './upgrade-page.js';

/**
 * The Electron entry (dist/electron/main.cjs). Thin on purpose: a locked-down window over the
 * app:// scheme, the IPC glue and the database worker. Everything else runs under plain Node.
 */

/** Every renderer, whatever created it, gets these. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  // Chromium's built-in PDF viewer is a plugin; the document preview shows PDFs in an iframe.
  plugins: true,
} as const;

/** Requests the app never makes; anything that asks for them is refused before it leaves. */
const REMOTE_URL = /^(https?|wss?|ftp|file):/i;

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

const appPath = () => app.getAppPath();
/**
 * What ships beside the app (the gazetteer): the package's resources folder, or during
 * development BANHCHI_RESOURCES_DIR or ../shared beside the repository.
 */
const resourcesDir = () =>
  app.isPackaged ? process.resourcesPath : (process.env.BANHCHI_RESOURCES_DIR ?? path.resolve(appPath(), '..', 'shared'));
const rendererDir = () => path.join(appPath(), 'dist', 'renderer');

function systemLanguage(): 'km' | 'en' {
  return app.getLocale().toLowerCase().startsWith('km') ? 'km' : 'en';
}

/** Serves dist/renderer over app://banhchi/ with the CSP on every response; nothing outside it. */
async function serveApp(request: Request): Promise<Response> {
  const file = resolveAppFile(rendererDir(), request.url);
  const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' };
  if (!file) return new Response('forbidden', { status: 403, headers });
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
  } catch {
    return new Response('not found', { status: 404, headers });
  }
}

/** Navigation, new windows and <webview> are denied for every web contents the app ever creates. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: REMOTE_URL.test(details.url) }));
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Banhchi',
    webPreferences: { ...WEB_PREFERENCES, preload: path.join(appPath(), 'dist', 'electron', 'preload.cjs') },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/**
 * A key rotation from the window: the main process makes the new key and seals it with
 * safeStorage (which the worker cannot reach), so the OS wrap is remade with the others.
 */
function withOsSealedRotation(inner: Backend): Backend {
  return {
    ...inner,
    call: (op, input, actor) =>
      inner.call(op, op === 'keys.rotate' && input && typeof input === 'object' ? { ...input, ...osSealedNewKey(safeStorage) } : input, actor),
  };
}

/**
 * While an existing register is upgraded (before the main window can open) a small window says so, step by
 * step, in the system language. It cannot be closed by hand, and is closed once the main window exists (closing
 * the only window would quit the app).
 */
function upgradeWindow(): { onUpgrade: (step: UpgradeStep) => void; close: () => void } {
  let window: BrowserWindow | null = null;
  const lang = systemLanguage();
  const { t } = createI18n(lang);
  let font: Buffer | null | undefined;
  // The renderer's Khmer font (file name hashed by the build).
  const khmerFont = () => {
    if (font !== undefined) return font;
    const assets = path.join(rendererDir(), 'assets');
    const file = readdirSync(assets).find((name) => /^noto-sans-khmer-khmer-400-normal-.*\.woff2$/.test(name));
    return (font = file ? readFileSync(path.join(assets, file)) : null);
  };
  return {
    onUpgrade: (step) => {
      if (step.from === 0) return;
      if (step.done >= step.total) {
        // An upgrade after unlocking a locked register runs under the main window: close now. At start, close() does.
        if (mainWindow) {
          window?.destroy();
          window = null;
        }
        return;
      }
      if (!window) {
        window = new BrowserWindow({
          width: 560, height: 260, resizable: false, minimizable: false, closable: false, title: 'Banhchi', webPreferences: { ...WEB_PREFERENCES },
        });
        window.removeMenu();
      }
      void window.loadURL(upgradePageUrl(upgradePage(t, lang, step, lang === 'km' ? khmerFont() : null)));
    },
    close: () => {
      window?.destroy();
      window = null;
    },
  };
}

/** Says what failed (the worker, or the database) and what to do, in the system language; the stack goes to logs/. */
function showStartupError(error: unknown, dataDir: string): void {
  const failure = startupError(error);
  const logFile = writeLog(dataDir, `Banhchi could not start: ${failure.code}`, failure);
  const { title, text } = startupMessage(createI18n(systemLanguage()).t, failure, { dataDir, logFile });
  dialog.showErrorBox(title, text);
}

async function start(): Promise<void> {
  await app.whenReady();
  protocol.handle(APP_SCHEME, serveApp);
  lockDownSession();
  const dataDir = app.getPath('userData');
  const dbFile = path.join(dataDir, 'banhchi.db');
  const upgrading = upgradeWindow();
  try {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      // A data folder that cannot be made is the register's problem (disk, rights), not the install's.
      throw new AppError('db.cannotOpen', { file: dbFile, reason: (error as Error).message });
    }
    // The worker loads from inside app.asar (worker threads read the archive since Electron 18);
    // only native .node files are unpacked, and Electron's asar support finds them there.
    const workerOptions = {
      dbFile,
      workerPath: path.join(appPath(), 'dist', 'electron', 'worker.mjs'),
      resourcesDir: resourcesDir(),
      onCrash: (error: Error) => void writeLog(dataDir, 'The database worker stopped', error),
      onUpgrade: upgrading.onUpgrade,
    };
    // The database key, unwrapped by the OS key store (DPAPI, Keychain, libsecret); new at first start.
    let dbKey: Buffer | null = null;
    try {
      dbKey = appDatabaseKey(dbFile, safeStorage);
    } catch (error) {
      // The OS key store cannot give the key any more (a new Windows profile, a moved disk): the window
      // asks for the recovery key or an administrator's passphrase instead of only saying so.
      if (!(error instanceof AppError && error.code === 'atrest.osKeyLost' && canUnlockByHand(readKeyStore(dbFile)))) throw error;
      writeLog(dataDir, 'The database key could not be read from the OS key store; waiting for the recovery key or a passphrase', error);
    }
    backend = dbKey
      ? await startWorkerBackend({ ...workerOptions, dbKey })
      : lockedBackend({
        dbFile,
        start: (key) => startWorkerBackend({ ...workerOptions, dbKey: key }),
        // From now on the OS key store opens it again by itself.
        remember: (key) => rememberWithOs(dbFile, key, safeStorage),
      });
  } catch (error) {
    upgrading.close();
    showStartupError(error, dataDir);
    app.quit();
    return;
  }
  const live = backend;
  registerIpc({ backend: withOsSealedRotation(live), window: () => mainWindow });
  mainWindow = createWindow();
  upgrading.close();
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow();
  });
}

// Must happen before 'ready': a standard, secure scheme gets a real origin ('self' in the CSP).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  // One instance only: two writers on one database file would fight over it.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Hold the quit until the database is checkpointed and closed, then leave.
  app.on('will-quit', (event) => {
    const closing = backend;
    if (!closing) return;
    backend = null;
    event.preventDefault();
    void closing
      .close()
      .catch((error: unknown) => writeLog(app.getPath('userData'), 'Closing the database failed', error))
      .finally(() => app.exit(0));
  });
  void start();
}
