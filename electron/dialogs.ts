import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../shared/actor.js';
import type { PickedFile, SavedFiles } from '../shared/contract/api.js';
import type { Result } from '../shared/errors.js';
import type { Backend } from './backend/backend.js';

/**
 * Native open and save dialogs, run in the main process. The main process reads and writes the
 * files; the page gets names and bytes, never a path it could send back.
 */

/** Bundles are the largest files the app reads (see sync.import's limit). */
export const MAX_FILE_BYTES = 300 * 1024 * 1024;

/** A plain file name: no folder part, no "..", no control characters. */
const plainName = (name: string) =>
  name !== '.' && name !== '..' && ![...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const fileName = z.string().min(1).max(200).refine(plainName, 'not a plain file name');
const kind = z.object({ label: z.string().max(200), extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).max(20) }).strict();

export const openOptionsSchema = z.object({
  title: z.string().max(200),
  kinds: z.array(kind).max(10).optional(),
  multiple: z.boolean().optional(),
  folder: z.boolean().optional(),
}).strict();

export const saveOptionsSchema = z.object({
  title: z.string().max(200),
  files: z.array(z.object({ name: fileName, bytes: z.instanceof(Uint8Array) }).strict()).min(1).max(1000),
  kinds: z.array(kind).max(10).optional(),
  purpose: z.enum(['bundles', 'other']).optional(),
}).strict();

const invalid = (): Result<never> => ({ ok: false, error: { code: 'files.invalidRequest' } });

function matches(name: string, extensions: string[]): boolean {
  return extensions.length === 0 || extensions.some((ext) => name.toLowerCase().endsWith(`.${ext.toLowerCase()}`));
}

async function readChosen(file: string): Promise<PickedFile> {
  const info = await stat(file);
  if (info.size > MAX_FILE_BYTES) throw Object.assign(new Error('too large'), { code: 'files.tooLarge', file: path.basename(file) });
  return { name: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
}

/** Shows the open dialog and reads what was chosen (every matching file of a chosen folder). */
export async function openFiles(window: BrowserWindow | null, input: unknown): Promise<Result<PickedFile[]>> {
  const parsed = openOptionsSchema.safeParse(input);
  if (!parsed.success) return invalid();
  const options = parsed.data;
  const extensions = (options.kinds ?? []).flatMap((k) => k.extensions);
  const dialogOptions: OpenDialogOptions = {
    title: options.title,
    properties: options.folder ? ['openDirectory'] : options.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    ...(options.kinds && !options.folder ? { filters: options.kinds.map((k) => ({ name: k.label, extensions: k.extensions })) } : {}),
  };
  const chosen = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  if (chosen.canceled || chosen.filePaths.length === 0) return { ok: true, value: [] };
  let paths = chosen.filePaths;
  try {
    if (options.folder) {
      const folder = paths[0] ?? '';
      const entries = await readdir(folder, { withFileTypes: true });
      paths = entries.filter((e) => e.isFile() && matches(e.name, extensions)).map((e) => path.join(folder, e.name)).sort();
    }
    const files: PickedFile[] = [];
    for (const file of paths) files.push(await readChosen(file));
    return { ok: true, value: files };
  } catch (error) {
    const e = error as { code?: string; file?: string; message?: string };
    if (e.code === 'files.tooLarge') return { ok: false, error: { code: 'files.tooLarge', params: { file: e.file ?? '', max: MAX_FILE_BYTES / 1024 / 1024 } } };
    return { ok: false, error: { code: 'files.cannotRead', params: { reason: e.message ?? String(error) } } };
  }
}

/** Writes next to the target and renames, so a file is never left half written. */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** One file: a save dialog. Several: a folder dialog, each file written in the folder. Bundles: the place is remembered. */
export async function saveFiles(window: BrowserWindow | null, backend: Backend, input: unknown): Promise<Result<SavedFiles | null>> {
  const parsed = saveOptionsSchema.safeParse(input);
  if (!parsed.success) return invalid();
  const options = parsed.data;
  const targets: { name: string; file: string; bytes: Uint8Array }[] = [];
  let place: string;
  if (options.files.length === 1) {
    const only = options.files[0]!;
    const chosen = await (window
      ? dialog.showSaveDialog(window, { title: options.title, defaultPath: only.name, ...(options.kinds ? { filters: options.kinds.map((k) => ({ name: k.label, extensions: k.extensions })) } : {}) })
      : dialog.showSaveDialog({ title: options.title, defaultPath: only.name }));
    if (chosen.canceled || !chosen.filePath) return { ok: true, value: null };
    targets.push({ name: only.name, file: chosen.filePath, bytes: only.bytes });
    place = path.dirname(chosen.filePath);
  } else {
    const dialogOptions: OpenDialogOptions = { title: options.title, properties: ['openDirectory', 'createDirectory'] };
    const chosen = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    const folder = chosen.filePaths[0];
    if (chosen.canceled || !folder) return { ok: true, value: null };
    for (const f of options.files) targets.push({ name: f.name, file: path.join(folder, f.name), bytes: f.bytes });
    place = folder;
  }
  for (const target of targets) {
    try {
      await writeAtomically(target.file, target.bytes);
    } catch (error) {
      return { ok: false, error: { code: 'files.cannotWrite', params: { file: path.basename(target.file), reason: (error as Error).message } } };
    }
  }
  const names = targets.map((t) => t.name);
  if (options.purpose === 'bundles') await backend.call('sync.bundlesWritten', { names, place }, SYSTEM_ACTOR);
  return { ok: true, value: { names: targets.map((t) => path.basename(t.file)), place: targets.length === 1 ? targets[0]!.file : place } };
}
