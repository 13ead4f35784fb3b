// `npm run dist [-- --linux | --win]`: the installers, built so that node_modules stays exactly as
// `npm test` needs it. electron-builder rebuilds native modules for Electron in the project it
// packs; here that project is a staging copy (out/stage/banhchi) with its own production
// node_modules, so the Node build of better-sqlite3 in ./node_modules is never touched.
//
// 1. Electron's binary is fetched first (into @electron/get's cache). Where that is impossible
//    the build stops at once with a clear message, before anything is changed.
// 2. `npm run build`, then the staging copy, `npm ci --omit=dev` in it, electron-builder there.
// 3. build/after-pack.cjs refuses a package whose better-sqlite3 is not built for Electron.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const platforms = [...new Set([args.includes('--win') ? 'win32' : null, args.includes('--linux') ? 'linux' : null].filter(Boolean))];
if (platforms.length === 0) platforms.push(process.platform === 'win32' ? 'win32' : 'linux');

const nodeBuild = path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
const fingerprint = () => (existsSync(nodeBuild) ? createHash('sha256').update(readFileSync(nodeBuild)).digest('hex') : 'missing');
const before = fingerprint();

function stop(lines) {
  console.error(`\nnpm run dist stopped.\n${lines.join('\n')}\n`);
  process.exit(1);
}

// 1. Electron first: without it there is no installer, and nothing has been changed yet.
const { downloadArtifact } = require('@electron/get');
for (const platform of platforms) {
  try {
    const zip = await downloadArtifact({ version: electronVersion, artifactName: 'electron', platform, arch: 'x64' });
    console.log(`Electron ${electronVersion} ${platform}-x64: ${zip}`);
  } catch (error) {
    stop([
      `Electron ${electronVersion} for ${platform}-x64 could not be downloaded: ${error.message.split('\n')[0]}`,
      'An installer needs Electron itself and a better-sqlite3 built for Electron, both downloaded from the internet.',
      'Run `npm run dist` on a machine with internet access (or set ELECTRON_MIRROR to a reachable mirror).',
      'Nothing was changed: node_modules is as `npm test` needs it.',
    ]);
  }
}

const gazetteer = path.resolve(root, '..', 'shared', 'data', 'cambodia-admin-units.csv');
if (!existsSync(gazetteer)) stop([`The gazetteer ${gazetteer} is missing; the installer ships it. Put ../shared beside the repository.`]);

const run = (command, commandArgs, cwd) => {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (result.status !== 0) stop([`${command} ${commandArgs.join(' ')} failed (exit ${result.status}). See the output above.`]);
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// 2. The bundles, then the staging copy with production dependencies only.
run(npm, ['run', 'build'], root);
const stageRoot = path.join(root, 'out', 'stage');
const stage = path.join(stageRoot, 'banhchi');
rmSync(stageRoot, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of ['package.json', 'package-lock.json', 'electron-builder.yml', 'dist', 'build', 'resources']) {
  cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true, filter: (file) => !file.endsWith('.map') });
}
// electron-builder.yml takes the gazetteer from ../shared/data, beside the project it packs.
mkdirSync(path.join(stageRoot, 'shared', 'data'), { recursive: true });
cpSync(gazetteer, path.join(stageRoot, 'shared', 'data', 'cambodia-admin-units.csv'));
run(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], stage);

// 3. electron-builder in the staging copy: it rebuilds better-sqlite3 there, afterPack checks it.
const builderArgs = [
  require.resolve('electron-builder/cli.js'),
  '--projectDir', stage,
  '--config', 'electron-builder.yml',
  `-c.electronVersion=${electronVersion}`,
  `-c.directories.output=${path.join(root, 'out')}`,
  ...args,
];
try {
  execFileSync(process.execPath, builderArgs, { cwd: stage, stdio: 'inherit' });
} finally {
  if (fingerprint() !== before) console.error('Warning: node_modules/better-sqlite3 changed during the build; run `npm rebuild better-sqlite3-multiple-ciphers`.');
}
console.log(`\nInstallers are in ${path.join(root, 'out')}. node_modules was not changed.`);
