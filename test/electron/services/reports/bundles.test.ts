import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { bundleTimeliness } from '../../../../electron/services/reports/bundles.js';
import type { Office } from '../../../../shared/contract/foundation.js';
import { createI18n, errorMessage } from '../../../../shared/i18n/index.js';
import { registerBackend } from '../registration/fixtures.js';

const PROVINCE = { id: 'office-12', level: 'province', unitCode: '12' } as unknown as Office;

function entry(officeId: string, unitCode: string, parentOfficeId: string | null, keyId = `${officeId}-key`) {
  return { officeId, level: unitCode.length === 6 ? 'commune' : 'province', unitCode, name: `Office ${unitCode}`, parentOfficeId, signingKey: '', signingKeyId: keyId, ageRecipient: '', ageKeyId: keyId, status: 'active', revokedAfterSequence: null };
}

/** The key directory in effect (as stored once verified) and the bundles applied here. */
function setUp(db: Database, received: [string, string, string][]) {
  const directory = {
    version: 1, issuedAt: '2026-01-01T00:00:00Z', issuer: 'national', issuerKeyId: 'n',
    entries: [
      entry('office-120101', '120101', PROVINCE.id), entry('office-120102', '120102', PROVINCE.id), entry('office-120103', '120103', PROVINCE.id),
      // Its key replaced: listed twice, one office.
      entry('office-120104', '120104', PROVINCE.id, 'old'), entry('office-120104', '120104', PROVINCE.id, 'new'),
      // Another province's commune.
      entry('office-170101', '170101', 'office-17'), entry(PROVINCE.id, '12', 'national'),
    ],
  };
  db.prepare('INSERT INTO sync_directory (version, signed_json, imported_at) VALUES (1, ?, ?)')
    .run(JSON.stringify({ format: 'banhchi-directory/1', body: JSON.stringify(directory), signature: '' }), '2026-01-01T00:00:00Z');
  const insert = db.prepare(`INSERT INTO sync_received (bundle_id, from_office, seq, hash, kind, inserted, updated, deleted, skipped, conflicts, file_name, imported_at)
    VALUES (?, ?, ?, '', ?, 0, 0, 0, 0, 0, 'x.bundle', ?)`);
  received.forEach(([from, kind, at], i) => insert.run(`b${i}`, from, i + 1, kind, at));
}

describe('bundle timeliness of the offices below', () => {
  it('counts office-local days since the last bundle of changes, late after seven, never received is late', async () => {
    const { db } = await registerBackend();
    setUp(db, [
      // 00:30 in Phnom Penh on 23 February (still the 22nd in UTC): seven days before 2 March, on time.
      ['office-120101', 'changes', '2026-02-20T03:00:00Z'], ['office-120101', 'changes', '2026-02-22T17:30:00Z'],
      // 23:30 on the 22nd in Phnom Penh: eight days, late; a later receipt is not a bundle of records.
      ['office-120102', 'changes', '2026-02-22T16:30:00Z'], ['office-120102', 'receipt', '2026-03-01T03:00:00Z'],
      ['office-120104', 'changes', '2026-03-02T01:00:00Z'],
      ['office-170101', 'changes', '2026-03-02T01:00:00Z'],
    ]);
    const rows = bundleTimeliness(db, PROVINCE, '2026-03-02');
    expect(rows.map((r) => [r.officeId, r.daysAgo, r.late])).toEqual([
      ['office-120101', 7, false],
      ['office-120102', 8, true],
      ['office-120103', null, true],
      ['office-120104', 0, false],
    ]);
    expect(rows[0]!.lastBundle).toBe('2026-02-22T17:30:00Z');
    expect(rows[0]!.unit.en).toMatch(/\S/);
    // A day later the first is late too.
    expect(bundleTimeliness(db, PROVINCE, '2026-03-03')[0]).toMatchObject({ daysAgo: 8, late: true });
    // A commune has no office below it; an office not in the directory sees nothing.
    expect(bundleTimeliness(db, { id: 'office-120101', level: 'commune', unitCode: '120101' } as unknown as Office, '2026-03-02')).toEqual([]);
    expect(bundleTimeliness(db, { id: 'other', level: 'province', unitCode: '18' } as unknown as Office, '2026-03-02')).toEqual([]);
  });

  it("follows the office's own number of days, set in Settings; a value that is not a number of days is refused in words", async () => {
    const t = await registerBackend();
    setUp(t.db, [['office-120101', 'changes', '2026-02-20T03:00:00Z'], ['office-120102', 'changes', '2026-02-01T03:00:00Z']]);
    expect(bundleTimeliness(t.db, PROVINCE, '2026-03-02').slice(0, 2).map((r) => [r.daysAgo, r.late])).toEqual([[10, true], [29, true]]);
    await t.ok('settings.set', { key: 'reports.bundleLateDays', value: '14' });
    expect(bundleTimeliness(t.db, PROVINCE, '2026-03-02').slice(0, 2).map((r) => [r.daysAgo, r.late])).toEqual([[10, false], [29, true]]);
    for (const value of ['0', '366', 'two weeks', '1.5', '']) {
      const refused = await t.call('settings.set', { key: 'reports.bundleLateDays', value });
      expect(refused, value).toMatchObject({ ok: false, error: { code: 'reports.bundleLateDays' } });
      if (refused.ok) continue;
      expect(errorMessage(createI18n('en', { strict: true }).t, refused.error)).toContain('whole number from 1 to 365');
      expect(errorMessage(createI18n('km', { strict: true }).t, refused.error)).toContain('ពី ១ ដល់ ៣៦៥');
    }
    // Nothing refused was kept.
    expect(t.db.prepare("SELECT value FROM setting WHERE id = 'reports.bundleLateDays'").pluck().get()).toBe('14');
  });
});
