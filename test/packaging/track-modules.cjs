// Preloaded (node --require) into the packaged-app harness and, through the inherited execArgv,
// into the database worker thread. Records every module the app resolves — CommonJS and ES
// modules — as one JSON line per resolution in the file named by BANHCHI_TRACK_MODULES, so the
// test can prove that nothing the package loads comes from outside the package.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: loaded by electron-builder / node --require */
const { appendFileSync } = require('node:fs');
const Module = require('node:module');
const { pathToFileURL } = require('node:url');
const { isMainThread } = require('node:worker_threads');

const log = process.env.BANHCHI_TRACK_MODULES;
if (log) {
  const thread = isMainThread ? 'main' : 'worker';
  const record = (entry) => appendFileSync(log, `${JSON.stringify({ thread, ...entry })}\n`);
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function trackedResolve(request, parent, ...rest) {
    const resolved = resolve.call(this, request, parent, ...rest);
    record({ kind: 'cjs', request, parent: parent?.filename ?? null, resolved });
    return resolved;
  };
  const dlopen = process.dlopen;
  process.dlopen = function trackedDlopen(module, filename, ...rest) {
    record({ kind: 'native', request: filename, parent: null, resolved: filename });
    return dlopen.call(this, module, filename, ...rest);
  };
  Module.register(pathToFileURL(require.resolve('./track-esm-hooks.mjs')), { data: { log, thread } });
}
