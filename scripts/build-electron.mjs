// Bundles the Electron side into dist/electron: main and the sandboxed preload as CommonJS files,
// the DB worker as an ES module (harfbuzzjs, used by printing, has a top-level await).
// 'electron' is provided at run time; better-sqlite3-multiple-ciphers is native and stays in node_modules (rebuilt
// for Electron by electron-builder); pdfkit and harfbuzzjs load data files next to their own code,
// so they stay in node_modules too.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  // Native modules stay outside the bundles: their .node files are loaded from node_modules (unpacked from the asar).
  { in: 'electron/main.ts', out: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2'] },
  // Sandboxed preloads get only a tiny `require`: everything else must be inside the file.
  { in: 'electron/preload.ts', out: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: false },
  {
    in: 'electron/backend/worker.ts',
    out: 'dist/electron/worker.mjs',
    format: 'esm',
    external: ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'harfbuzzjs', 'pdfkit'],
    // Bundled CommonJS dependencies still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  },
];

await Promise.all(
  entries.map((entry) =>
    build({
      ...common,
      entryPoints: [entry.in],
      outfile: entry.out,
      external: entry.external,
      ...(entry.format ? { format: entry.format } : {}),
      ...(entry.banner ? { banner: entry.banner } : {}),
      ...(entry.sourcemap === false ? { sourcemap: false } : {}),
    }),
  ),
);
console.log(`built ${entries.map((e) => e.out).join(', ')}`);
