import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './pack.js';

const require = createRequire(import.meta.url);
const afterPack = require('../../build/after-pack.cjs') as ((context: unknown) => Promise<void>) & { SKIP_VARIABLE: string };
const { nodeModuleVersionOf, electronAbi } = require('../../build/native-abi.cjs') as {
  nodeModuleVersionOf(bytes: Buffer): number | null;
  electronAbi(version: string, projectDir: string): number;
};

const NODE_BUILD = path.join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
const ELECTRON_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

/** A packaged app folder (as electron-builder leaves it before afterPack) holding `binary` as better_sqlite3.node. */
function packagedWith(write: (file: string) => void): string {
  const appOutDir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-afterpack-'));
  const dir = path.join(appOutDir, 'resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/build/Release');
  mkdirSync(dir, { recursive: true });
  write(path.join(dir, 'better_sqlite3.node'));
  return appOutDir;
}
const context = (appOutDir: string) => ({ appOutDir, packager: { config: { electronVersion: ELECTRON_VERSION }, projectDir: ROOT, info: {} } });

afterEach(() => {
  delete process.env[afterPack.SKIP_VARIABLE];
});

describe('afterPack native ABI check (build/after-pack.cjs)', () => {
  it("reads NODE_MODULE_VERSION from a .node file: this machine's Node build is Node's ABI", () => {
    expect(nodeModuleVersionOf(readFileSync(NODE_BUILD))).toBe(Number(process.versions.modules));
    expect(electronAbi(ELECTRON_VERSION, ROOT)).toBe(Number(readFileSync(path.join(ROOT, 'node_modules/electron/abi_version'), 'utf8')));
  });

  it('refuses a package whose better-sqlite3 was built for Node, not Electron (what a failed offline rebuild leaves)', async () => {
    const appOutDir = packagedWith((file) => copyFileSync(NODE_BUILD, file));
    const expected = electronAbi(ELECTRON_VERSION, ROOT);
    await expect(afterPack(context(appOutDir))).rejects.toThrow(
      new RegExp(`NODE_MODULE_VERSION ${process.versions.modules}, but Electron ${ELECTRON_VERSION.replace(/\./g, '\\.')} needs ${expected}`),
    );
  });

  it('accepts a binary carrying the Electron ABI', async () => {
    const expected = electronAbi(ELECTRON_VERSION, ROOT);
    const appOutDir = packagedWith((file) => writeFileSync(file, Buffer.from(`\x7fELF…node_register_module_v${expected}\0…`, 'latin1')));
    await expect(afterPack(context(appOutDir))).resolves.toBeUndefined();
  });

  it('refuses a package without better_sqlite3.node at all', async () => {
    const appOutDir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-afterpack-'));
    await expect(afterPack(context(appOutDir))).rejects.toThrow(/better_sqlite3\.node is not in/);
  });

  it('is skipped only by its explicit test-only variable, set to 1', async () => {
    const appOutDir = packagedWith((file) => copyFileSync(NODE_BUILD, file));
    process.env[afterPack.SKIP_VARIABLE] = 'true';
    await expect(afterPack(context(appOutDir))).rejects.toThrow(/NODE_MODULE_VERSION/);
    process.env[afterPack.SKIP_VARIABLE] = '1';
    await expect(afterPack(context(appOutDir))).resolves.toBeUndefined();
    expect(afterPack.SKIP_VARIABLE).toMatch(/TEST_ONLY/);
  });
});
