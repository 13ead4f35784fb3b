import type { OpName } from '../shared/contract/index.js';

/** IPC channel names, shared by ipc.ts (main) and preload.ts: one per operation, plus progress and the file dialogs. */
export const channelFor = (op: OpName): string => `banhchi:${op}`;
export const PROGRESS_CHANNEL = 'banhchi:progress';
export const FILES_OPEN_CHANNEL = 'banhchi:files.open';
export const FILES_SAVE_CHANNEL = 'banhchi:files.save';
