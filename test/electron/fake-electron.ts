import { vi } from 'vitest';

/**
 * A stand-in for the 'electron' module that records what the main process and the preload ask
 * of it, so the security settings can be asserted under plain Node.
 */
type Listener = (...args: unknown[]) => unknown;

export interface FakeWebContents {
  listeners: Map<string, Listener[]>;
  windowOpenHandler?: (details: unknown) => unknown;
  sent: { channel: string; payload: unknown }[];
  on(name: string, listener: Listener): FakeWebContents;
  setWindowOpenHandler(handler: (details: unknown) => unknown): void;
  send(channel: string, payload: unknown): void;
  emit(name: string, ...args: unknown[]): void;
}

export function fakeWebContents(): FakeWebContents {
  const contents: FakeWebContents = {
    listeners: new Map(),
    sent: [],
    on(name, listener) {
      contents.listeners.set(name, [...(contents.listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      contents.windowOpenHandler = handler;
    },
    send(channel, payload) {
      contents.sent.push({ channel, payload });
    },
    emit(name, ...args) {
      for (const listener of contents.listeners.get(name) ?? []) listener(...args);
    },
  };
  return contents;
}

export const state = {
  appPath: '/nonexistent',
  userData: '/nonexistent',
  locale: 'en-US',
  singleInstance: true,
  appListeners: new Map<string, Listener[]>(),
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  windows: [] as { options: Record<string, unknown>; url?: string; webContents: FakeWebContents; destroyed?: boolean }[],
  ipcHandlers: new Map<string, Listener>(),
  permissionRequestHandler: undefined as Listener | undefined,
  permissionCheckHandler: undefined as Listener | undefined,
  devicePermissionHandler: undefined as Listener | undefined,
  beforeRequest: undefined as Listener | undefined,
  errorBoxes: [] as { title: string; content: string }[],
  /** What the next open/save dialog answers, and the options each dialog was shown with. */
  openDialogAnswer: { canceled: true, filePaths: [] as string[] },
  saveDialogAnswer: { canceled: true, filePath: undefined as string | undefined },
  dialogsShown: [] as { kind: 'open' | 'save'; options: Record<string, unknown> }[],
  quit: vi.fn(),
  exit: vi.fn(),
  isPackaged: false,
  enableSandbox: vi.fn(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Listener[]>(),
  invoked: [] as { channel: string; input: unknown }[],
  /** safeStorage: whether it works, and the Linux backend it reports. */
  safeStorageAvailable: true,
  safeStorageBackend: 'gnome_libsecret',
};

/** A stand-in for the OS key store: reversible, tagged, and refusing what it did not make. */
const FAKE_OS_TAG = 'fake-os-key-store:';

class FakeBrowserWindow {
  readonly webContents = fakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    state.windows.push({ options, webContents: this.webContents });
  }
  once(): this {
    return this;
  }
  on(): this {
    return this;
  }
  loadURL(url: string): Promise<void> {
    const entry = state.windows.find((w) => w.webContents === this.webContents);
    if (entry) entry.url = url;
    return Promise.resolve();
  }
  removeMenu(): void {}
  destroy(): void {
    const entry = state.windows.find((w) => w.webContents === this.webContents);
    if (entry) entry.destroyed = true;
  }
  isDestroyed(): boolean {
    return state.windows.find((w) => w.webContents === this.webContents)?.destroyed === true;
  }
  isMinimized(): boolean {
    return false;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
}

export const electronModule = {
  app: {
    requestSingleInstanceLock: () => state.singleInstance,
    on(name: string, listener: Listener) {
      state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), listener]);
    },
    whenReady: () => Promise.resolve(),
    getAppPath: () => state.appPath,
    getPath: (name: string) => (name === 'userData' ? state.userData : '/nonexistent'),
    getLocale: () => state.locale,
    quit: state.quit,
    exit: state.exit,
    get isPackaged() {
      return state.isPackaged;
    },
    enableSandbox: state.enableSandbox,
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (state.permissionRequestHandler = handler),
      setPermissionCheckHandler: (handler: Listener) => (state.permissionCheckHandler = handler),
      setDevicePermissionHandler: (handler: Listener) => (state.devicePermissionHandler = handler),
      webRequest: { onBeforeRequest: (handler: Listener) => (state.beforeRequest = handler) },
    },
  },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, handler: Listener) => {
      if (state.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      state.ipcHandlers.set(channel, handler);
    },
    removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
  },
  dialog: {
    showErrorBox: (title: string, content: string) => state.errorBoxes.push({ title, content }),
    showOpenDialog: (...args: unknown[]) => {
      state.dialogsShown.push({ kind: 'open', options: args.at(-1) as Record<string, unknown> });
      return Promise.resolve(state.openDialogAnswer);
    },
    showSaveDialog: (...args: unknown[]) => {
      state.dialogsShown.push({ kind: 'save', options: args.at(-1) as Record<string, unknown> });
      return Promise.resolve(state.saveDialogAnswer);
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => state.safeStorageAvailable,
    getSelectedStorageBackend: () => state.safeStorageBackend,
    encryptString: (text: string) => Buffer.from(FAKE_OS_TAG + Buffer.from(text).reverse().toString('base64')),
    decryptString: (data: Buffer) => {
      const text = data.toString();
      if (!state.safeStorageAvailable || !text.startsWith(FAKE_OS_TAG)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(FAKE_OS_TAG.length), 'base64').reverse().toString();
    },
  },
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => state.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      state.invoked.push({ channel, input });
      return Promise.resolve({ ok: true, value: channel });
    },
    on: (channel: string, listener: Listener) => {
      state.rendererListeners.set(channel, [...(state.rendererListeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: Listener) => {
      state.rendererListeners.set(channel, (state.rendererListeners.get(channel) ?? []).filter((l) => l !== listener));
    },
  },
};
