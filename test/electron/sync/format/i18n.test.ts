import { describe, expect, it } from 'vitest';
import en from '../../../../shared/i18n/en/sync-format.json' with { type: 'json' };
import km from '../../../../shared/i18n/km/sync-format.json' with { type: 'json' };
import { resources } from '../../../../shared/i18n/resources.js';
import { SYNC_FORMAT_ERRORS } from '../../../../electron/sync/format/errors.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('sync-format strings', () => {
  it('has every error code in both languages with the same placeholders', () => {
    const enSync = en.errors.sync as Record<string, string>;
    const kmSync = km.errors.sync as Record<string, string>;
    expect(Object.keys(kmSync).sort()).toEqual(Object.keys(enSync).sort());
    for (const code of SYNC_FORMAT_ERRORS) {
      const key = code.slice('sync.'.length);
      expect(enSync[key], code).toBeTypeOf('string');
      expect(placeholders(kmSync[key]!), code).toEqual(placeholders(enSync[key]!));
      expect(placeholders(enSync[key]!), code).toContain('file');
    }
    const merged = resources.en.translation as unknown as { errors: { sync: Record<string, string> } };
    expect(merged.errors.sync.truncated).toBe(enSync.truncated);
  });
});
