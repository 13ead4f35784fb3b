import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en/sync.json' with { type: 'json' };
import km from '../../../shared/i18n/km/sync.json' with { type: 'json' };

function flat(value: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? Object.entries(flat(v as object, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]]));
}
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('sync strings', () => {
  it('English and Khmer have the same keys and placeholders', () => {
    const e = flat(en);
    const k = flat(km);
    expect(Object.keys(k).sort()).toEqual(Object.keys(e).sort());
    for (const key of Object.keys(e)) expect(placeholders(k[key] ?? ''), key).toEqual(placeholders(e[key] ?? ''));
  });

  it('every syncdb error code used in the code has a message that names the file where there is one', () => {
    const dirs = ['electron/sync', 'electron/services', 'electron/db'].map((d) => path.resolve(__dirname, '../../..', d));
    const used = new Set<string>();
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
        for (const m of readFileSync(path.join(dir, name), 'utf8').matchAll(/'syncdb\.(\w+)'|fail\('(\w+)'/g)) used.add((m[1] ?? m[2]) as string);
      }
    }
    const messages = flat(en.errors.syncdb);
    for (const code of used) expect(messages[code], code).toBeTruthy();
  });
});
