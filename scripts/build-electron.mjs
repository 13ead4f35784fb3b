// Bundles the Electron side into dist/electron: main, the sandboxed preload and the DB worker,
// each one CommonJS file. 'electron' is provided at run time; better-sqlite3 is native and
// stays in node_modules (rebuilt for Electron by electron-builder).
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
  { in: 'electron/main.ts', out: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3'] },
  // Sandboxed preloads get only a tiny `require`: everything else must be inside the file.
  { in: 'electron/preload.ts', out: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: false },
  { in: 'electron/backend/worker.ts', out: 'dist/electron/worker.cjs', external: ['better-sqlite3'] },
];

await Promise.all(
  entries.map((entry) =>
    build({
      ...common,
      entryPoints: [entry.in],
      outfile: entry.out,
      external: entry.external,
      ...(entry.sourcemap === false ? { sourcemap: false } : {}),
    }),
  ),
);
console.log(`built ${entries.map((e) => e.out).join(', ')}`);
