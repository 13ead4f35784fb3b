import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Arch, build, Platform, type Configuration } from 'electron-builder';

/**
 * Packaging as a packager would do it, without Electron's binary: electron-builder `--dir` for
 * Linux with our electron-builder.yml, a stand-in Electron distribution and no native rebuild,
 * then the packaged layout laid out on disk the way Electron's asar support shows it to the app.
 */
export const ROOT = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as typeof import('@electron/asar');

/** Electron's fuse sentinel (@electron/fuses), the fuse wire version 1 and eight fuses, all on. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Builds the renderer and the Electron bundles exactly as `npm run build` does. */
export function buildBundles(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-electron.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

/** An "unpacked Electron distribution": one executable that carries the fuse wire, so the fuse step really runs. */
export function standInElectronDist(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'electron');
  writeFileSync(file, Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.alloc(8, 0x31)]));
  chmodSync(file, 0o755);
  return dir;
}

/** The fuse wire bytes after the sentinel in a packaged executable ('0' off, '1' on). */
export function readFuses(executable: string): string {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  return bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString('latin1');
}

/** Overrides for what cannot happen here; electron-builder reads electron-builder.yml itself and deep-merges these over it. */
export function builderOverrides(electronDist: string, outDir: string): Configuration {
  const electronVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  return { electronDist, npmRebuild: false, electronVersion, directories: { output: outDir } };
}

/**
 * electron-builder --dir --linux x64 into `outDir`; returns the unpacked app folder. There is no
 * Electron rebuild here, so the packaged better-sqlite3 is the Node build: the afterPack ABI
 * check (build/after-pack.cjs) would rightly refuse it, and is skipped by its test-only variable.
 */
export async function packLinuxDir(outDir: string, electronDist: string): Promise<string> {
  const config = builderOverrides(electronDist, outDir);
  const previous = process.env.BANHCHI_TEST_ONLY_SKIP_ABI_CHECK;
  process.env.BANHCHI_TEST_ONLY_SKIP_ABI_CHECK = '1';
  try {
    await build({ projectDir: ROOT, config, targets: Platform.LINUX.createTarget('dir', Arch.x64), publish: 'never' });
  } finally {
    if (previous === undefined) delete process.env.BANHCHI_TEST_ONLY_SKIP_ABI_CHECK;
    else process.env.BANHCHI_TEST_ONLY_SKIP_ABI_CHECK = previous;
  }
  return path.join(outDir, 'linux-unpacked');
}

/**
 * Lays the packaged resources out as Electron's asar support presents them to the app: app.asar
 * as a folder holding every file of the archive, app.asar.unpacked beside it, and each file the
 * archive marks unpacked (native modules) visible inside app.asar but served from
 * app.asar.unpacked — what Electron does when a file inside the archive has `unpacked: true`.
 */
export function layOutPackage(appOutDir: string, dest: string): { resources: string; appDir: string; unpacked: string[] } {
  const source = path.join(appOutDir, 'resources');
  const resources = path.join(dest, 'resources');
  mkdirSync(resources, { recursive: true });
  for (const entry of readdirSync(source)) {
    if (entry !== 'app.asar') cpSync(path.join(source, entry), path.join(resources, entry), { recursive: true });
  }
  const archive = path.join(source, 'app.asar');
  const appDir = path.join(resources, 'app.asar');
  asar.extractAll(archive, appDir);
  const unpacked: string[] = [];
  for (const name of asar.listPackage(archive, { isPack: false })) {
    const relative = name.replace(/^[/\\]/, '');
    const entry = asar.statFile(archive, relative, false) as { unpacked?: boolean; files?: unknown };
    if (!entry.unpacked || entry.files) continue;
    const inArchive = path.join(appDir, relative);
    if (!statSync(inArchive).isFile()) continue;
    rmSync(inArchive);
    symlinkSync(path.join(resources, 'app.asar.unpacked', relative), inArchive);
    unpacked.push(relative);
  }
  return { resources, appDir, unpacked };
}
