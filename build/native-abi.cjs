// Which Node/Electron ABI a native module (.node) was built for, read from the binary itself:
// a module built against V8 (not N-API) exports `node_register_module_v<NODE_MODULE_VERSION>`,
// and that name is in the file's symbol/export table on Linux (ELF) and Windows (PE) alike.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded by electron-builder / node --require */
const { readFileSync } = require('node:fs');
const path = require('node:path');

/** NODE_MODULE_VERSION of a .node file's bytes, or null if it names none (e.g. an N-API module). */
function nodeModuleVersionOf(bytes) {
  const found = new Set();
  const pattern = /node_register_module_v(\d+)/g;
  const text = bytes.toString('latin1');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.add(Number(match[1]));
  if (found.size !== 1) return null;
  return [...found][0];
}

/**
 * The ABI of an Electron version: node-abi's table, else the `abi_version` file the `electron`
 * package ships when it is that very version.
 */
function electronAbi(electronVersion, projectDir) {
  try {
    return Number(require('node-abi').getAbi(electronVersion, 'electron'));
  } catch (error) {
    try {
      const electronDir = path.dirname(require.resolve('electron/package.json', { paths: [projectDir] }));
      const installed = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
      if (installed === electronVersion) return Number(readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim());
    } catch {
      // fall through to the error below
    }
    throw new Error(`Cannot tell which NODE_MODULE_VERSION Electron ${electronVersion} uses (${error.message}); update node-abi.`);
  }
}

module.exports = { nodeModuleVersionOf, electronAbi };
