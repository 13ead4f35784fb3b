import type { FileKind } from '../../shared/contract/api.js';
import type { AppErrorShape } from '../../shared/errors.js';
import { api, files } from './api.js';
import { fromBase64 } from './files.js';

export type Saved = { ok: true; names: string[]; place: string | null } | { ok: false; error: AppErrorShape } | null;

/**
 * Saves files the backend made: a native save (or folder) dialog in the desktop app, a download in
 * the browser. Bundles remember where they went (the main process records the folder; a download
 * is recorded from here, without any place).
 */
export async function saveOutputs(
  outputs: { name: string; base64: string }[], options: { title: string; kinds?: FileKind[]; bundles?: boolean },
): Promise<Saved> {
  const result = await files.save({
    title: options.title,
    files: outputs.map((f) => ({ name: f.name, bytes: fromBase64(f.base64) })),
    ...(options.kinds ? { kinds: options.kinds } : {}),
    purpose: options.bundles ? 'bundles' : 'other',
  });
  if (!result.ok) return { ok: false, error: result.error };
  if (!result.value) return null;
  if (options.bundles && result.value.place === null) {
    const recorded = await api['sync.bundlesWritten']({ names: outputs.map((f) => f.name) });
    if (!recorded.ok) return { ok: false, error: recorded.error };
  }
  return { ok: true, ...result.value };
}

export function textFile(name: string, text: string): { name: string; base64: string } {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name, base64: btoa(binary) };
}
