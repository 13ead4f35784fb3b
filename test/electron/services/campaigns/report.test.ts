import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../../electron/cli/program.js';
import { tempDir } from '../../../helpers/db.js';
import { extractLines } from '../../../helpers/pdf-text.js';
import { personFields, registerBackend } from '../registration/fixtures.js';

/** The CLI in this process (spawning it through tsx costs seconds per command on a busy machine). */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await runCli(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
async function cli(...args: string[]): Promise<string> {
  const result = await run(...args);
  if (result.code !== 0) throw new Error(`banhchi ${args.join(' ')}: ${result.err}`);
  return result.out;
}

/** A province with a declaration campaign, one declared employer and one inspected without a declaration (real clock: dates in 2025). */
async function world() {
  const t = await registerBackend();
  await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh provincial police', nameKm: 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ' });
  const employer = (name: string, nameKm = '') =>
    t.ok('employers.create', { nameLatin: name, nameKm, sector: 'Construction', communeCode: '120101', workforceTotal: 60, cambodianCount: 57 });
  const declared = await employer('Angkor Build Co');
  const missing = await employer('Mekong Tower Site', 'ការដ្ឋានអគារមេគង្គ');
  const campaign = await t.ok('campaigns.create', {
    kind: 'employer_declaration', title: 'Work-status declaration 2025', legalReference: 'Action plan of the Ministries of Interior and Labour, 2025',
    scopeUnits: ['1201'], startDate: '2025-01-02', deadline: '2025-03-15',
  });
  await t.ok('declarations.record', { campaignId: campaign.id, targetId: declared.id, receivedOn: '2025-03-16', skilledKm: 50, skilledForeign: 3 });
  const person = (surname: string, passportNo: string) =>
    t.ok('persons.register', { fields: personFields({ surname, givenNames: 'Wei', nationality: 'CHN', issuingState: 'CHN', passportNo, entryDate: '2024-12-01' }) }).then((r) => r.person);
  const [a, b, c] = [await person('ZHANG', 'E11111111'), await person('LIU', 'E22222222'), await person('CHEN', 'E33333333')];
  const [inspection] = (await t.ok('inspections.plan', { campaignId: campaign.id, rules: ['missing'], plannedOn: '2025-04-07', today: '2025-04-01' })).inspections;
  await t.ok('inspections.record', {
    id: inspection!.id, inspectedOn: '2025-04-07', team: ['Capt. Sok Dara', 'Lt. Chan Vichea'], outcome: 'notice',
    premisesFindings: 'Forty workers sleep in a dormitory on the site.',
    persons: [
      { personId: a.id, finding: 'permit_valid', permitNo: 'WP-100' },
      { personId: b.id, finding: 'application_receipt', receiptNo: 'RC-200' },
      { personId: c.id, finding: 'no_permit' },
    ],
    referrals: [{ authority: 'prosecutor', grounds: 'other_offence' }],
  });
  return { t, campaign, inspection: inspection!, missing };
}

describe('inspection report', () => {
  it('prints team, site, persons and findings, the 20-day notice and signatures, Khmer first', async () => {
    const { t, inspection } = await world();
    const kmEn = await t.ok('print.inspectionReport', { inspectionId: inspection.id, lang: 'km+en' });
    expect(kmEn.docNo).toBe('INS/12/2025/00001');
    const text = (await extractLines('poppler', Buffer.from(kmEn.pdfBase64!, 'base64'))).join('\n');
    expect(text).toContain('INSPECTION REPORT');
    // The number is never broken across lines: each language's number line whole under the authority.
    expect(text).toContain('លេខ៖ INS/១២/២០២៥/០០០០១');
    expect(text).toContain('No. INS/12/2025/00001');
    expect(text).toContain('Capt. Sok Dara');
    expect(text).toContain('Mekong Tower Site');
    for (const name of ['ZHANG WEI', 'LIU WEI', 'CHEN WEI']) expect(text).toContain(name);
    expect(text).toContain('No work permit');
    expect(text).toContain('RC-200');
    // The notice: 20 days after 7 April 2025.
    expect(text).toMatch(/by 27 April 2025/);
    expect(text).toContain('Provincial prosecutor');
    expect(text).toContain('No declaration was received');
    expect(text).toContain('Head of the inspection team');
    // Khmer first: the Khmer title comes before the English one.
    expect(text.indexOf('ត្រួតពិនិត្យ')).toBeGreaterThan(-1);
    expect(text.indexOf('ត្រួតពិនិត្យ')).toBeLessThan(text.indexOf('INSPECTION REPORT'));

    const km = await t.ok('print.inspectionReport', { inspectionId: inspection.id, lang: 'km' });
    const kmText = (await extractLines('poppler', Buffer.from(km.pdfBase64!, 'base64'))).join('\n');
    expect(kmText).not.toContain('INSPECTION REPORT');
    expect(kmText).toContain('ស្នាមមេដៃ');
    // Khmer digits in the Khmer date of the notice (២៧ = 27).
    expect(kmText).toContain('២៧');
  });

  it('refuses to print an inspection not yet recorded', async () => {
    const { t, missing } = await world();
    const planned = await t.ok('inspections.create', { targetKind: 'employer', targetId: missing.id, plannedOn: '2025-05-01' });
    const result = await t.call('print.inspectionReport', { inspectionId: planned.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'inspections.notRecorded' } });
  });

  it('banhchi campaign list|show|targets, inspection list and print inspection-report', async () => {
    const { t, campaign, inspection } = await world();
    t.db.close();
    const list = JSON.parse(await cli('campaign', 'list', '--db', t.file, '--today', '2025-04-10', '--json'));
    expect(list).toEqual([expect.objectContaining({ id: campaign.id, counts: expect.objectContaining({ targets: 2, late: 1, missing: 1 }) })]);
    const show = JSON.parse(await cli('campaign', 'show', campaign.id, '--db', t.file, '--today', '2025-04-10', '--json'));
    expect(show.byCommune).toEqual([expect.objectContaining({ communeCode: '120101', late: 1, missing: 1, timeliness: 0 })]);
    const late = JSON.parse(await cli('campaign', 'targets', campaign.id, '--db', t.file, '--state', 'late', '--today', '2025-04-10', '--json'));
    expect(late.map((x: { nameLatin: string }) => x.nameLatin)).toEqual(['Angkor Build Co']);
    const human = await cli('campaign', 'show', campaign.id, '--db', t.file, '--today', '2025-04-10');
    expect(human).toContain('Work-status declaration 2025');
    const inspections = JSON.parse(await cli('inspection', 'list', '--db', t.file, '--json'));
    expect(inspections).toEqual([expect.objectContaining({ id: inspection.id, status: 'done', personsFound: 3, proofPending: 1 })]);
    const out = path.join(tempDir(), 'report.pdf');
    const printed = JSON.parse(await cli('print', 'inspection-report', '--db', t.file, '--inspection', inspection.id, '--out', out, '--lang', 'km', '--json'));
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await run('campaign', 'targets', campaign.id, '--db', t.file, '--state', 'gone');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--state must be one of');
  });
});
