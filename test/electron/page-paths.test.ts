import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { SYSTEM_ACTOR } from '../../shared/actor.js';
import { contract, opNames, pageOpNames, pageRequestSchema } from '../../shared/contract/index.js';
import { startWebServer, type RunningWebServer } from '../../electron/web/server.js';
import { tempDir, testBackend } from '../helpers/db.js';
import { state } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

/**
 * No file path crosses from the page: every operation the page can reach takes file contents,
 * the CLI's path-taking forms are refused over IPC and over HTTP before the backend sees them,
 * and files are opened and saved by the main process's dialogs.
 */

/** Every field name in a zod schema, however deep (objects, arrays, unions, optional, default…). */
function fieldNames(schema: z.ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const names: string[] = [];
  const shape = def.shape as Record<string, z.ZodType> | undefined;
  if (shape) for (const [key, child] of Object.entries(shape)) names.push(key, ...fieldNames(child, seen));
  for (const key of ['innerType', 'element', 'valueType', 'in', 'out', 'left', 'right'] as const) {
    const child = def[key] as z.ZodType | undefined;
    if (child && typeof child === 'object' && '_zod' in child) names.push(...fieldNames(child, seen));
  }
  for (const child of (def.options as z.ZodType[] | undefined) ?? []) names.push(...fieldNames(child, seen));
  if (def.type === 'lazy') names.push(...fieldNames((def.getter as () => z.ZodType)(), seen));
  return names;
}

const PATH_FIELDS = ['path', 'paths', 'dir', 'out', 'receiptDir', 'folder', 'file', 'filePath'];

/** Requests the CLI may send, each naming a file or folder: the page may send none of them. */
const withPaths = (dir: string) => [
  ['sync.export', { passphrase: 'correct horse battery', dir }, 'dir'],
  ['sync.import', { passphrase: 'correct horse battery', files: [], paths: [path.join(dir, 'x.bchb')] }, 'paths'],
  ['sync.import', { passphrase: 'correct horse battery', files: [], receiptDir: dir }, 'receiptDir'],
  ['print.receipt', { stayId: 'x', out: path.join(dir, 'receipt.pdf') }, 'out'],
  ['print.batch', { kind: 'pledges', communeCode: '120101', out: path.join(dir, 'batch.pdf') }, 'out'],
  ['spreadsheet.inspect', { source: { path: path.join(dir, 'people.csv') } }, 'source'],
  ['spreadsheet.import', { source: { path: path.join(dir, 'people.csv') }, target: { kind: 'persons' }, mapping: {} }, 'source'],
  ['sync.bundlesWritten', { names: ['a.bchb'], place: dir }, 'place'],
] as const;

describe('the page contract', () => {
  it('has no field that names a file, in any operation the page can call', () => {
    for (const op of pageOpNames) {
      const names = fieldNames(pageRequestSchema(op));
      expect(names.filter((n) => PATH_FIELDS.includes(n)), op).toEqual([]);
    }
  });

  it('keeps path-taking forms for the CLI only', () => {
    expect(opNames).toContain('sync.inspect');
    expect(pageOpNames).not.toContain('sync.inspect');
    expect(fieldNames(contract['sync.export'].request)).toContain('dir');
    expect(fieldNames(contract['spreadsheet.import'].request)).toContain('path');
  });
});

describe('over IPC', () => {
  const calls: unknown[][] = [];
  const backend = {
    call: (...args: unknown[]) => {
      // A register without accounts yet (the sessions ask first): the local operator acts.
      if (args[0] === 'accounts.status') return Promise.resolve({ ok: true, value: { hasUsers: false, idleMinutes: 10 } });
      calls.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    onProgress: () => () => undefined,
    close: () => Promise.resolve(),
  };
  const trusted = { senderFrame: { url: 'app://banhchi/index.html', parent: null } };
  const invoke = (channel: string, input: unknown) => {
    const handler = state.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler on ${channel}`);
    return handler(trusted, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; details?: { params: { field: string } }[] } }>;
  };
  let dir: string;

  beforeAll(async () => {
    const { registerIpc } = await import('../../electron/ipc.js');
    registerIpc({ backend: backend as never, window: () => null });
    dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-paths-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a request that names a file and never passes it to the backend', async () => {
    for (const [op, input, field] of withPaths(dir)) {
      calls.length = 0;
      const result = await invoke(`banhchi:${op}`, input);
      expect(result, op).toMatchObject({ ok: false, error: { code: 'files.pathRefused' } });
      expect(result.error?.details?.map((d) => d.params.field).join(' '), op).toContain(field);
      expect(calls, op).toEqual([]);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('has no channel for the CLI-only operations', () => {
    expect(state.ipcHandlers.has('banhchi:sync.inspect')).toBe(false);
  });

  it('passes the same operations on without the path', async () => {
    calls.length = 0;
    await expect(invoke('banhchi:sync.export', { passphrase: 'correct horse battery' })).resolves.toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('opens files through the native dialog and gives the page names and bytes, not paths', async () => {
    writeFileSync(path.join(dir, 'a.bchb'), 'bundle A');
    writeFileSync(path.join(dir, 'b.bchb'), 'bundle B');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a bundle');
    state.openDialogAnswer = { canceled: false, filePaths: [dir] };
    const result = await invoke('banhchi:files.open', { title: 'Bundles', kinds: [{ label: 'Bundles', extensions: ['bchb'] }], folder: true });
    expect(result.ok).toBe(true);
    const files = result.value as { name: string; bytes: Uint8Array }[];
    expect(files.map((f) => f.name)).toEqual(['a.bchb', 'b.bchb']);
    expect(Buffer.from(files[0]!.bytes).toString()).toBe('bundle A');
    expect(JSON.stringify(files.map((f) => f.name))).not.toContain(dir);
    expect(state.dialogsShown.at(-1)).toMatchObject({ kind: 'open', options: { properties: ['openDirectory'] } });

    state.openDialogAnswer = { canceled: true, filePaths: [] };
    await expect(invoke('banhchi:files.open', { title: 'Bundles' })).resolves.toEqual({ ok: true, value: [] });
    // A path smuggled into the options is refused, not opened.
    await expect(invoke('banhchi:files.open', { title: 'x', defaultPath: '/etc' })).resolves.toMatchObject({ ok: false, error: { code: 'files.invalidRequest' } });
  });

  it('saves bundles into the folder chosen in the dialog and records where, by the main process', async () => {
    const usb = path.join(dir, 'usb');
    mkdirSync(usb);
    state.openDialogAnswer = { canceled: false, filePaths: [usb] };
    calls.length = 0;
    const files = [{ name: 'one.bchb', bytes: new Uint8Array([1, 2, 3]) }, { name: 'two.bchb', bytes: new Uint8Array([4]) }];
    const result = await invoke('banhchi:files.save', { title: 'Write bundle', files, purpose: 'bundles' });
    expect(result).toEqual({ ok: true, value: { names: ['one.bchb', 'two.bchb'], place: usb } });
    expect([...readFileSync(path.join(usb, 'one.bchb'))]).toEqual([1, 2, 3]);
    expect(readdirSync(usb).sort()).toEqual(['one.bchb', 'two.bchb']);
    expect(calls).toEqual([['sync.bundlesWritten', { names: ['one.bchb', 'two.bchb'], place: usb }, SYSTEM_ACTOR]]);

    const single = path.join(dir, 'card.pdf');
    state.saveDialogAnswer = { canceled: false, filePath: single };
    await expect(invoke('banhchi:files.save', { title: 'PDF', files: [{ name: 'key-card.pdf', bytes: new Uint8Array([9]) }] })).resolves.toMatchObject({ ok: true });
    expect(existsSync(single)).toBe(true);
    expect(state.dialogsShown.at(-1)).toMatchObject({ kind: 'save', options: { defaultPath: 'key-card.pdf' } });
  });

  it('refuses a file name that is really a path', async () => {
    for (const name of ['../evil.bchb', '/etc/passwd', 'a\\b.bchb', '..']) {
      const result = await invoke('banhchi:files.save', { title: 'x', files: [{ name, bytes: new Uint8Array([1]) }, { name: 'ok.bchb', bytes: new Uint8Array([1]) }] });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'files.invalidRequest' } });
    }
  });
});

describe('over HTTP (npm run web)', () => {
  let server: RunningWebServer;
  let dir: string;
  beforeAll(async () => {
    const t = testBackend();
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    server = await startWebServer({ backend: t.backend, staticDir });
    dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-paths-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (op: string, input: unknown) =>
    new Promise<{ ok: boolean; error?: { code: string; details?: { params: { field: string } }[] } }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1', port: server.port, path: `/api/call/${op}`, method: 'POST',
        headers: { 'content-type': 'application/json', 'x-banhchi': '1', 'x-banhchi-token': server.token },
      }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body) as never));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ input }));
    });

  it('refuses every request that names a file, and the CLI-only operations', async () => {
    for (const [op, input, field] of withPaths(dir)) {
      const result = await post(op, input);
      expect(result, op).toMatchObject({ ok: false, error: { code: 'files.pathRefused' } });
      expect(result.error?.details?.map((d) => d.params.field).join(' '), op).toContain(field);
    }
    await expect(post('sync.inspect', { path: '/etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    expect(readdirSync(dir)).toEqual([]);
  });
});
