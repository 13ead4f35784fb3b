import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { state } from './fake-electron.js';

// The database worker refuses a file made by a newer version of the app.
vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);
vi.mock('../../electron/backend/host.js', () => ({
  startWorkerBackend: () =>
    Promise.reject(new AppError('db.newerVersion', { file: '/data/banhchi.db', version: 99, supported: 2 })),
}));

describe('electron main process when the database cannot be opened', () => {
  it('shows the error in the system language and quits without opening a window', async () => {
    state.locale = 'km-KH';
    await import('../../electron/main.js');
    await vi.waitFor(() => expect(state.errorBoxes).toHaveLength(1));
    expect(state.errorBoxes[0]!.content).toMatch(/[\u1780-\u17FF]/);
    expect(state.errorBoxes[0]!.content).toContain('/data/banhchi.db');
    expect(state.quit).toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
    expect(state.ipcHandlers.size).toBe(0);
  });

  it('quits at once when another instance already runs', async () => {
    vi.resetModules();
    state.singleInstance = false;
    state.quit.mockClear();
    await import('../../electron/main.js');
    expect(state.quit).toHaveBeenCalled();
  });
});
