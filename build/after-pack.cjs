// electron-builder afterPack hook: refuse a package whose native modules were not built for the
// packaged Electron. A better-sqlite3 built for Node (the one `npm test` uses) cannot load in
// Electron ("was compiled against a different Node.js version … NODE_MODULE_VERSION"), and a
// rebuild that failed quietly (offline: no prebuilt download, no headers to compile against)
// would otherwise ship exactly that. The check reads the ABI from the packaged .node files.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded by electron-builder / node --require */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { electronAbi, nodeModuleVersionOf } = require('./native-abi.cjs');

/** Only the packaging test, which packs without Electron's binary or a rebuild, may skip it. */
const SKIP_VARIABLE = 'BANHCHI_TEST_ONLY_SKIP_ABI_CHECK';
const REQUIRED = 'better_sqlite3.node';

function nativeFiles(dir) {
  let found = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found = found.concat(nativeFiles(full));
    else if (entry.name.endsWith('.node')) found.push(full);
  }
  return found;
}

/** Throws unless every packaged .node file was built for `electronVersion`; returns what it checked. */
function checkNativeModules({ appOutDir, electronVersion, projectDir }) {
  const unpacked = path.join(appOutDir, 'resources', 'app.asar.unpacked');
  const files = nativeFiles(unpacked);
  if (!files.some((file) => path.basename(file) === REQUIRED)) {
    throw new Error(`afterPack: ${REQUIRED} is not in ${unpacked}. The database cannot open without it; check asarUnpack in electron-builder.yml.`);
  }
  const expected = electronAbi(electronVersion, projectDir);
  const checked = [];
  for (const file of files) {
    const abi = nodeModuleVersionOf(readFileSync(file));
    if (abi === null) continue; // N-API modules run on every ABI
    if (abi !== expected) {
      throw new Error(
        `afterPack: ${path.relative(appOutDir, file)} was built for NODE_MODULE_VERSION ${abi}, but Electron ${electronVersion} needs ${expected}. ` +
          'The native rebuild for Electron did not happen (no prebuilt binary could be downloaded — offline? — and compiling from source failed). ' +
          'Run `npm run dist` where the internet is reachable; the installer was not made.',
      );
    }
    checked.push({ file, abi });
  }
  return checked;
}

async function afterPack(context) {
  if (process.env[SKIP_VARIABLE] === '1') {
    console.log(`  • afterPack: native ABI check skipped (${SKIP_VARIABLE}=1, packaging test only)`);
    return;
  }
  const electronVersion = context.packager.config.electronVersion ?? context.packager.info.framework.version;
  const checked = checkNativeModules({ appOutDir: context.appOutDir, electronVersion, projectDir: context.packager.projectDir });
  console.log(`  • afterPack: ${checked.length} native module(s) built for Electron ${electronVersion} (ABI ${checked[0]?.abi})`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.checkNativeModules = checkNativeModules;
module.exports.SKIP_VARIABLE = SKIP_VARIABLE;
