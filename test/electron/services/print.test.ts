import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../electron/db/open.js';
import { receiptFacts } from '../../../electron/print/load.js';
import { receiptCode } from '../../../electron/print/qr.js';
import { tempDir, testBackend } from '../../helpers/db.js';

/** Stay ids are UUIDs, as the register makes them: receipts are numbered through the validated write path. */
const stayId = (i: number) => `01900000-0000-7000-8000-0000000005${String(i).padStart(2, '0')}`;
const STAY1 = stayId(1);
const STAY2 = stayId(2);
const STAY3 = stayId(3);

/** Registration rows written directly: the printing tests only need them to exist. The premises id is a UUID: pledges are written through the validated write path. */
function seed(db: Database) {
  const ins = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${cols.join(',')}, origin_office, revision) VALUES (${cols.map(() => '?').join(',')}, 'test', 1)`).run(...Object.values(row));
  };
  ins('premises', { id: '01900000-0000-7000-8000-0000000000e1', name_latin: 'Golden Lotus', name_km: 'ផ្កាឈូកមាស', type: 'hotel', province_code: '12', district_code: '1201', commune_code: '120101', created_at: '2026-01-01' });
  ins('owner', { id: 'own-1', surname: 'SOK', given_names: 'SOPHEA', name_km: 'សុខ សុភា', sex: 'F', nationality: 'KHM', id_kind: 'khmer_id', id_number: '0102', created_at: '2026-01-01' });
  ins('premises_owner', { id: 'link-1', owner_id: 'own-1', premises_id: '01900000-0000-7000-8000-0000000000e1', role: 'owner' });
  for (let i = 0; i < 9; i++) {
    ins('person', {
      id: `per-${i}`, surname: `NGUYEN${i}`, given_names: 'VAN AN', sex: 'M', birth_date: '1990-01-01', nationality: 'VNM', passport_no: `C00${i}`,
      issuing_state: 'VNM', passport_expiry: '2030-01-01', source: 'manual', name_key: `n${i}`, passport_key: `p${i}`, created_at: '2026-01-01',
    });
    ins('stay', { id: stayId(i), person_id: `per-${i}`, premises_id: '01900000-0000-7000-8000-0000000000e1', room: `${i}`, arrived_at: '2026-11-01T10:00:00+07:00', reported_at: '2026-11-01T12:00:00+07:00' });
  }
  ins('employer', { id: 'emp-1', name_latin: 'Mekong Steel', name_km: 'មេគង្គ', province_code: '12', district_code: '1201', commune_code: '120101', workforce_total: 50, cambodian_count: 44, created_at: '2026-01-01' });
  ins('employment', { id: 'job-1', person_id: 'per-1', employer_id: 'emp-1', job_title: 'Cook', start_date: '2026-01-01', work_status: 'no_permit' });
}

function pdftotext(base64: string): string {
  const file = path.join(tempDir(), 'doc.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('printing services', () => {
  it('prints a pledge with an annex, records it as signed and changes the premises status', async () => {
    const t = testBackend();
    await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'ស្នងការដ្ឋាននគរបាល Phnom Penh' });
    seed(t.db);
    const printed = await t.ok('print.pledge', { premisesId: '01900000-0000-7000-8000-0000000000e1', date: '2026-11-21' });
    expect(printed.pages).toBeGreaterThanOrEqual(2);
    expect(printed.docNo).toBe('0001/26');
    const text = pdftotext(printed.pdfBase64!);
    expect(text).toContain('លិខិតសន្យា');
    expect(text).toContain('សុខ សុភា');
    expect(text).toContain('NGUYEN8 VAN AN');
    expect(text).toContain('ថ្ងៃទី២១ ខែវិច្ឆិកា ឆ្នាំ២០២៦');
    const status = () => (t.db.prepare("SELECT pledge_status FROM premises WHERE id = '01900000-0000-7000-8000-0000000000e1'").get() as { pledge_status: string }).pledge_status;
    expect(status()).toBe('printed');
    const signed = await t.ok('pledge.recordSigned', { premisesId: '01900000-0000-7000-8000-0000000000e1', signedOn: '2026-11-22', witness: 'Chea Dara' });
    expect(signed.docNo).toBe('0001/26');
    expect(status()).toBe('signed');
    const history = await t.ok('history.forRecord', { entity: 'premises', recordId: '01900000-0000-7000-8000-0000000000e1' });
    expect(history.map((h) => h.after?.pledge_status)).toEqual(['printed', 'signed']);
  });

  it('prints cards, receipts and batches in each language mode; receipts verify', async () => {
    const t = testBackend();
    seed(t.db);
    for (const lang of ['km+en', 'km', 'en'] as const) {
      const card = await t.ok('print.declarationCard', { employerId: 'emp-1', lang });
      expect(pdftotext(card.pdfBase64!)).toContain('NGUYEN1 VAN AN');
      const blank = await t.ok('print.declarationCard', { blank: true, lang });
      expect(blank.pages).toBeGreaterThanOrEqual(1);
      const receipt = await t.ok('print.receipt', { stayId: STAY3, lang });
      expect(pdftotext(receipt.pdfBase64!)).toContain('NGUYEN3 VAN AN');
    }
    const batch = await t.ok('print.batch', { kind: 'receipts', stayIds: [STAY1, STAY2, STAY3] });
    expect(batch.pages).toBe(3);
    const row = t.db.prepare("SELECT * FROM stay s JOIN person p ON p.id = s.person_id WHERE s.id = ?").get(STAY2) as Record<string, string>;
    const code = receiptCode(STAY2, receiptFacts(row));
    const good = await t.ok('print.verifyReceipt', { code });
    expect(good).toMatchObject({ valid: true, stayId: STAY2, personName: 'NGUYEN2 VAN AN', premisesName: 'Golden Lotus' });
    const forged = await t.ok('print.verifyReceipt', { code: code.replace(/:[0-9a-f]{10}$/, ':0000000000') });
    expect(forged.valid).toBe(false);
  });

  it('cancels a batch', async () => {
    const t = testBackend();
    seed(t.db);
    const jobId = '0192f3a4-0000-7000-8000-00000000abcd';
    const pending = t.call('print.batch', { kind: 'receipts', stayIds: Array.from({ length: 200 }, (_, i) => stayId(i % 9)), jobId });
    await t.ok('jobs.cancel', { jobId });
    const result = await pending;
    expect(result.ok).toBe(false);
  });

  it('numbers receipts per office, year and sequence, keeps the number on reprint, and a preview numbers nothing', async () => {
    const t = testBackend();
    await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh police' });
    seed(t.db);
    // Records written (a preview writes none; it still shows the person, so it is in the audit of reads).
    const changes = () => (t.db.prepare(`SELECT count(*) AS n FROM change_log WHERE entity <> 'audit_entry'`).get() as { n: number }).n;
    const before = changes();
    const preview = await t.ok('print.receipt', { stayId: STAY3, preview: true, lang: 'en' });
    expect(preview.receiptNo).toBeNull();
    const previewText = pdftotext(preview.pdfBase64!);
    expect(previewText).toContain('Receipt no.:');
    expect(previewText).toContain('……………');
    expect(previewText).not.toMatch(/\d+\/\d{4}\/\d{6}/);
    expect(changes()).toBe(before);

    const first = await t.ok('print.receipt', { stayId: STAY3, lang: 'en' });
    const year = new Date().getUTCFullYear();
    expect(first.receiptNo).toMatch(new RegExp(`^12/(${year}|${year + 1})/000001$`));
    expect(pdftotext(first.pdfBase64!)).toContain(first.receiptNo!);
    const again = await t.ok('print.receipt', { stayId: STAY3, lang: 'km' });
    expect(again.receiptNo).toBe(first.receiptNo);
    // Khmer copy: the number in Khmer digits, the label ending in ៖.
    const kmText = pdftotext(again.pdfBase64!);
    expect(kmText).toContain(`លេខបង្កាន់ដៃ៖`);
    expect(kmText).toMatch(/១២\/[០-៩]{4}\/០០០០០១/);
    const second = await t.ok('print.receipt', { stayId: STAY1, lang: 'en' });
    expect(second.receiptNo).toBe(first.receiptNo!.replace(/1$/, '2'));
    const previewAfter = await t.ok('print.receipt', { stayId: STAY3, preview: true, lang: 'en' });
    expect(previewAfter.receiptNo).toBe(first.receiptNo);
    // Receipts are records like any other: in the change log, so they travel up with the stays.
    expect((t.db.prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'receipt'").get() as { n: number }).n).toBe(2);
  });

  it('a pledge preview neither numbers it nor marks it printed; printing does', async () => {
    const t = testBackend();
    seed(t.db);
    const premisesId = '01900000-0000-7000-8000-0000000000e1';
    const status = () => (t.db.prepare('SELECT pledge_status FROM premises WHERE id = ?').get(premisesId) as { pledge_status: string }).pledge_status;
    const preview = await t.ok('print.pledge', { premisesId, date: '2026-11-21', preview: true, lang: 'en' });
    expect(preview.docNo).toBeNull();
    expect(status()).toBe('none');
    expect((t.db.prepare('SELECT count(*) AS n FROM pledge').get() as { n: number }).n).toBe(0);
    expect(pdftotext(preview.pdfBase64!)).toMatch(/^No\. ……………$/m);
    const printed = await t.ok('print.pledge', { premisesId, date: '2026-11-21', lang: 'en' });
    expect(printed.docNo).toBe('0001/26');
    expect(status()).toBe('printed');
    const previewAgain = await t.ok('print.pledge', { premisesId, date: '2026-11-21', preview: true, lang: 'en' });
    expect(previewAgain.docNo).toBe('0001/26');
  });

  it('prints nationality by name, dates in words and page numbers on a pledge with an annex', async () => {
    const t = testBackend();
    seed(t.db);
    const premisesId = '01900000-0000-7000-8000-0000000000e1';
    for (const lang of ['km+en', 'km', 'en'] as const) {
      const printed = await t.ok('print.pledge', { premisesId, date: '2026-11-21', lang });
      const text = pdftotext(printed.pdfBase64!);
      const pages = printed.pages;
      expect(pages).toBeGreaterThanOrEqual(2);
      if (lang !== 'en') {
        expect(text).toContain('វៀតណាម');
        expect(text).toContain(`ទំព័រ ១ នៃ ${pages === 2 ? '២' : '៣'}`);
        expect(text).toContain('១ វិច្ឆិកា ២០២៦');
      }
      if (lang !== 'km') {
        expect(text).toContain(`Page 1 of ${pages}`);
        expect(text).toContain(`Page ${pages} of ${pages}`);
      }
      if (lang === 'en') expect(text).toContain('Vietnam');
      // No nationality code alone in a table cell, no ISO date.
      expect(text).not.toMatch(/^VNM$/m);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});

