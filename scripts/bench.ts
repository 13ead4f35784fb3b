/**
 * `npm run bench [-- --only registration,print] [-- --sizes 100000]`: runs each section in scripts/bench/*.ts
 * in its own process, one after the other; each prints its markdown table. Extra arguments go to the sections.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import './bench-data/key.js';

const dir = path.join(import.meta.dirname, 'bench');
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1]?.split(',') : undefined;
const sections = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).filter((name) => !only || only.includes(name));
let failed = 0;
for (const name of sections) {
  process.stdout.write(`\n# ${name}\n\n`);
  // Registration takes --sizes; the others take a positional count and ignore flags they do not know.
  const sectionArgs = name === 'registration' ? args : [];
  const run = spawnSync(process.execPath, [...process.execArgv, path.join(dir, `${name}.ts`), ...sectionArgs], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
