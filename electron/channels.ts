import type { OpName } from '../shared/contract/index.js';

/** IPC channel names, shared by ipc.ts (main) and preload.ts: one per operation, plus progress. */
export const channelFor = (op: OpName): string => `banhchi:${op}`;
export const PROGRESS_CHANNEL = 'banhchi:progress';
