import { describe, expect, it, vi } from 'vitest';
import type { BanhchiBridge } from '../../shared/contract/api.js';
import { opNames, pageOpNames } from '../../shared/contract/index.js';
import { state } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

async function loadBridge(): Promise<BanhchiBridge> {
  await import('../../electron/preload.js');
  return state.exposed.get('banhchi') as BanhchiBridge;
}

describe('preload', () => {
  it('exposes only `banhchi`, with exactly one function per page operation, the file dialogs and no ipcRenderer', async () => {
    const bridge = await loadBridge();
    expect([...state.exposed.keys()]).toEqual(['banhchi']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'files', 'onProgress']);
    expect(Object.keys(bridge.api).sort()).toEqual([...pageOpNames].sort());
    for (const op of pageOpNames) expect(typeof bridge.api[op], op).toBe('function');
    // The CLI's path-taking operations are not reachable from the page at all.
    expect(opNames).toContain('sync.inspect');
    expect(Object.keys(bridge.api)).not.toContain('sync.inspect');
    expect(Object.keys(bridge.files).sort()).toEqual(['open', 'save']);
    expect(Object.isFrozen(bridge.files)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
    const reachable = JSON.stringify(Object.keys(bridge)) + JSON.stringify(Object.keys(bridge.api));
    // No raw channel functions (an operation may be named `…sendDown`: names are quoted keys here).
    expect(reachable).not.toMatch(/ipcRenderer|"(invoke|send|sendSync|postMessage|on|once)"/);
  });

  it('calls each operation on its own channel with the input only', async () => {
    const bridge = await loadBridge();
    state.invoked.length = 0;
    await bridge.api['office.get']({});
    await bridge.api['settings.set']({ key: 'language', value: 'km' });
    expect(state.invoked).toEqual([
      { channel: 'banhchi:office.get', input: {} },
      { channel: 'banhchi:settings.set', input: { key: 'language', value: 'km' } },
    ]);
  });

  it('passes progress data on without the IPC event, and unsubscribes', async () => {
    const bridge = await loadBridge();
    const seen: unknown[] = [];
    const stop = bridge.onProgress((event) => seen.push(event));
    const [listener] = state.rendererListeners.get('banhchi:progress') ?? [];
    listener?.({ sender: 'ipcRenderer would leak here' }, { jobId: 'j', done: 1, total: 3 });
    expect(seen).toEqual([{ jobId: 'j', done: 1, total: 3 }]);
    stop();
    expect(state.rendererListeners.get('banhchi:progress')).toEqual([]);
  });
});
