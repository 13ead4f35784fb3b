// `npm start`: build the UI and the Electron bundles, then run the app.
// Tests run better-sqlite3 under plain Node, so node_modules keeps the Node build; the app gets
// its own Electron build in node_modules/.cache, handed to the worker by BANHCHI_SQLITE_BINDING.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(message) {
  console.error(message);
  process.exit(1);
}

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (!electron) {
  fail(
    'The Electron binary is not installed: run `npm install` with internet access (without ELECTRON_SKIP_BINARY_DOWNLOAD) to get it, or use `npm run web` to run Banhchi in a browser instead.',
  );
}

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

/** better-sqlite3 compiled for this Electron's ABI, fetched once by prebuild-install. */
function electronSqliteBinding() {
  const version = require('electron/package.json').version;
  const cacheDir = path.join(root, 'node_modules', '.cache', 'banhchi-electron', `electron-${version}`);
  const binding = path.join(cacheDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  cpSync(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), cacheDir, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build${path.sep}`),
  });
  const prebuild = require.resolve('prebuild-install/bin.js', { paths: [cacheDir, root] });
  try {
    execFileSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', version], { cwd: cacheDir, stdio: 'inherit' });
  } catch {
    fail('Could not get better-sqlite3 built for Electron: run `npm start` once with internet access, or use `npm run web`.');
  }
  return binding;
}

try {
  run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')]);
} catch {
  fail('The build failed; see the messages above.');
}

const child = spawn(electron, [root, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BANHCHI_SQLITE_BINDING: electronSqliteBinding() },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
