// Runs the packaged main.cjs under plain Node with the stand-in `electron` module
// (test/electron/fake-electron.ts) and drives it through its real IPC handlers, as the window
// would. Started by packaged-app.test.ts as
//   node --require track-modules.cjs harness.mjs <resources dir> <userData dir> <result.json>
// and writes what happened to result.json. Nothing here reaches into the package: every call
// goes through the handlers main.cjs registered.
import { randomUUID } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { register } from 'tsx/esm/api';

const [resources, userData, resultFile] = process.argv.slice(2);
register();
const { electronModule, state } = await import('../electron/fake-electron.ts');

const load = Module._load;
Module._load = function loadWithFakeElectron(request, ...rest) {
  return request === 'electron' ? electronModule : load.call(this, request, ...rest);
};
process.resourcesPath = resources;
const appDir = path.join(resources, 'app.asar');
state.appPath = appDir;
state.isPackaged = true;
state.userData = userData;
state.locale = process.env.HARNESS_LOCALE ?? 'en-US';

const result = { steps: [] };
const done = (extra) => {
  writeFileSync(resultFile, JSON.stringify({ ...result, ...extra }, null, 2));
  process.exit(0);
};
const waitFor = async (what, test, ms = 60_000) => {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

try {
  createRequire(import.meta.url)(path.join(appDir, 'dist', 'electron', 'main.cjs'));
  await waitFor('a window or an error box', () => state.windows.length > 0 || state.errorBoxes.length > 0);
  if (state.errorBoxes.length > 0) done({ errorBoxes: state.errorBoxes });

  const trusted = { senderFrame: { url: 'app://banhchi/index.html', parent: null } };
  const call = async (op, input) => {
    const handler = state.ipcHandlers.get(`banhchi:${op}`);
    if (!handler) throw new Error(`no IPC handler for ${op}`);
    const outcome = await handler(trusted, input);
    result.steps.push({ op, ok: outcome.ok, ...(outcome.ok ? {} : { error: outcome.error }) });
    return outcome;
  };
  const sent = () => state.windows[0].webContents.sent;

  // The security settings as the packaged main.cjs applies them (docs/release-checklist.md).
  const window = state.windows[0];
  const serve = state.protocolHandlers.get('app');
  const index = await serve({ url: 'app://banhchi/' });
  const escape = await serve({ url: 'app://banhchi/..%2f..%2fpackage.json' });
  const foreign = await state.ipcHandlers.get('banhchi:app.info')({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
  result.security = {
    webPreferences: window.options.webPreferences,
    preloadInPackage: existsSync(window.options.webPreferences.preload) && window.options.webPreferences.preload.startsWith(appDir),
    url: window.url,
    sandboxEnabled: state.enableSandbox.mock.calls.length > 0,
    index: { status: index.status, csp: index.headers.get('content-security-policy'), html: (await index.text()).includes('<div id="root">') },
    escapeStatus: escape.status,
    foreignSender: foreign,
    remoteCancelled: ['https://example.com/', 'file:///etc/passwd'].map((url) => {
      let answer;
      state.beforeRequest({ url }, (a) => (answer = a));
      return answer.cancel;
    }),
    permission: state.permissionCheckHandler({}, 'media'),
    windowOpen: (() => {
      const contents = { listeners: new Map(), on(name, l) { this.listeners.set(name, l); return this; }, setWindowOpenHandler(h) { this.open = h; } };
      for (const listener of state.appListeners.get('web-contents-created') ?? []) listener({}, contents);
      let prevented = 0;
      for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) contents.listeners.get(name)?.({ preventDefault: () => (prevented += 1) });
      return { open: contents.open?.({ url: 'https://example.com/' }), prevented };
    })(),
  };

  result.info = (await call('app.info', {})).value;

  const bundled = await call('gazetteer.bundled', {});
  result.bundled = bundled.ok ? bundled.value : null;
  const jobId = randomUUID();
  const imported = await call('gazetteer.importBundled', { jobId });
  result.gazetteer = imported.ok ? imported.value : null;
  result.progress = sent().filter((m) => m.channel === 'banhchi:progress' && m.payload.jobId === jobId).map((m) => m.payload);

  const communes = (await call('gazetteer.units', { level: 'commune' })).value ?? [];
  await call('office.setup', { level: 'commune', unitCode: communes[0]?.code ?? '', name: 'ប៉ុស្តិ៍នគរបាល' });
  await call('registration.demo', { persons: 3, seed: 7, jobId: randomUUID() });
  const premises = (await call('premises.list', {})).value;
  const premisesId = premises?.items?.[0]?.id ?? '';
  const pledge = await call('print.pledge', { premisesId, lang: 'km' });
  if (pledge.ok) {
    const pdf = Buffer.from(pledge.value.pdfBase64 ?? '', 'base64');
    result.pledge = { pages: pledge.value.pages, head: pdf.subarray(0, 5).toString('latin1'), bytes: pdf.length, fonts: [...new Set(pdf.toString('latin1').match(/\/BaseFont\s*\/[A-Z]{6}\+[\w-]+/g) ?? [])] };
  }
  result.sync = (await call('sync.status', {})).value ?? null;
  // Argon2id (a native module of its own) from inside the package: the first administrator's password is hashed.
  const admin = await call('accounts.createFirstAdmin', { username: 'admin', nameKm: 'សុខ សុខា', nameEn: 'Sok Sokha', password: 'packaged app 2026' });
  result.admin = admin.ok ? { role: admin.value.role } : { error: admin.error };

  // Quit as Electron does: will-quit listeners run; the app must hold the quit until the database is closed.
  let prevented = false;
  for (const listener of state.appListeners.get('will-quit') ?? []) listener({ preventDefault: () => (prevented = true) });
  await waitFor('app.exit after closing the database', () => state.exit.mock.calls.length > 0);
  const wal = path.join(userData, 'banhchi.db-wal');
  result.quit = { prevented, exitCode: state.exit.mock.calls[0][0], walBytes: existsSync(wal) ? statSync(wal).size : 0 };
  done({ errorBoxes: state.errorBoxes });
} catch (error) {
  done({ errorBoxes: state.errorBoxes, harnessError: String(error?.stack ?? error) });
}
