import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n/index.js';
import { fileSource } from '../../../electron/sync/import.js';
import { bundlePath, corpus, fileHash, makeWorld, openCopy, problemsOf, tryImport, type InsiderWorld } from './insider-world.js';

let world: InsiderWorld;
beforeAll(async () => {
  world = await makeWorld();
}, 120_000);
afterAll(() => world?.cleanup());

describe('insider corpus (test/fixtures/insider): bundles signed with real keys of offices in the directory', () => {
  it('has authorisation, reference, invalid-value, lying-manifest and sequence attacks, and controls', () => {
    const kinds = new Set(corpus.cases.map((c) => c.file.split('-')[0]));
    expect([...kinds].sort()).toEqual(['auth', 'bad', 'bundle', 'lie', 'ok', 'ref', 'relay', 'seq']);
    expect(corpus.cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of corpus.cases) {
    it(`${c.file}: ${c.attack} → ${c.expect}`, async () => {
      const receiver = world.receivers[c.receiver];
      const db = openCopy(world, c.receiver);
      try {
        const before = fileHash(db);
        const outcome = await tryImport(db, receiver, fileSource(bundlePath(c.file)));
        if (c.expect === 'applied') {
          expect(outcome.ok && outcome.result.status, JSON.stringify(outcome)).toBe('applied');
          expect(fileHash(db)).not.toBe(before);
          return;
        }
        expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error.code).toBe(c.expect);
        expect(outcome.error.params?.file).toBe(c.file);
        if (c.problems) expect(problemsOf(outcome.error)).toEqual(c.problems);
        // Refused whole: the database file is byte-for-byte what it was, and nothing was held.
        expect(fileHash(db)).toBe(before);
        expect(existsSync(`${db.name}-held`)).toBe(false);
      } finally {
        db.close();
      }
    });
  }

  it('names the change, the office and the rule in both languages', async () => {
    const db = openCopy(world, 'P');
    try {
      const outcome = await tryImport(db, world.receivers.P, fileSource(bundlePath('auth-update-other-commune.bchb')));
      if (outcome.ok) throw new Error('accepted');
      const params = outcome.error.params ?? {};
      expect(params).toMatchObject({ entity: 'person', office: world.offices.A.id, origin: world.offices.B.id, line: '1' });
      for (const lang of ['en', 'km'] as const) {
        const t = createI18n(lang).t;
        const text = t(`errors.${outcome.error.code}` as never, params as never) as unknown as string;
        expect(text).toContain(world.offices.A.id);
        expect(text).toContain(world.offices.B.id);
        expect(text).not.toContain('{{');
      }
      const invalid = await tryImport(db, world.receivers.P, fileSource(bundlePath('bad-many.bchb')));
      if (invalid.ok) throw new Error('accepted');
      expect(invalid.error.params?.count).toBe(5);
      for (const detail of invalid.error.details ?? []) {
        expect(detail.params).toMatchObject({ entity: expect.any(String), id: expect.any(String), field: expect.any(String), line: expect.any(Number) });
        for (const lang of ['en', 'km'] as const) {
          const text = createI18n(lang).t(`errors.${detail.code}` as never, detail.params as never) as unknown as string;
          expect(text).toContain(String(detail.params?.field));
        }
      }
    } finally {
      db.close();
    }
  });
});
