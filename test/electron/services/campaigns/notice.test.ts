import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/db.js';
import { extractLines } from '../../../helpers/pdf-text.js';
import { registerBackend } from '../registration/fixtures.js';

async function world() {
  const t = await registerBackend();
  await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh provincial police', nameKm: 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ' });
  const employers = await t.ok('campaigns.create', {
    kind: 'employer_declaration', title: 'Work-status declaration 2025', legalReference: 'Action plan of the Ministries of Interior and Labour, 2025',
    scopeUnits: ['1201', '120201'], startDate: '2025-01-02', deadline: '2025-03-15', targetSectors: ['Construction'],
  });
  const premises = await t.ok('campaigns.create', {
    kind: 'premises_pledge', title: 'Premises report 2025', legalReference: 'Letter of the provincial governor, 2022', scopeUnits: ['12'],
    startDate: '2025-01-02', deadline: '2025-01-16', targetTypes: ['hotel', 'construction'],
  });
  return { t, employers, premises };
}

const textOf = async (base64: string) => (await extractLines('poppler', Buffer.from(base64, 'base64'))).join('\n');

describe('campaign notice', () => {
  it('prints the campaign, what to do, the deadline and the legal reference, Khmer first', async () => {
    const { t, employers, premises } = await world();
    const kmEn = await t.ok('print.campaignNotice', { campaignId: employers.id, lang: 'km+en' });
    expect(kmEn.pages).toBe(1);
    const text = await textOf(kmEn.pdfBase64!);
    expect(text).toContain('ព្រះរាជាណាចក្រកម្ពុជា');
    expect(text.indexOf('សេចក្តីជូនដំណឹង')).toBeGreaterThan(-1);
    expect(text.indexOf('សេចក្តីជូនដំណឹង')).toBeLessThan(text.indexOf('NOTICE'));
    expect(text).toContain('Work-status declaration 2025');
    expect(text).toContain('Action plan of the Ministries of Interior and Labour, 2025');
    expect(text).toContain('Deadline: 15 March 2025');
    expect(text).toContain('ថ្ងៃផុតកំណត់៖ ១៥ មីនា ២០២៥');
    expect(text).toContain('Chamkar Mon');
    // A sector typed in one script is printed once.
    expect(text.match(/Construction/g)).toHaveLength(1);
    expect(text).toMatch(/has 20 days to show proof/);
    expect(text).toMatch(/returns it to Phnom Penh provincial police\s+by\s+15 March 2025/);

    const km = await textOf((await t.ok('print.campaignNotice', { campaignId: employers.id, lang: 'km' })).pdfBase64!);
    expect(km).not.toContain('NOTICE');
    expect(km).toContain('ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ');
    expect(km).toContain('២០ ថ្ងៃ');

    const pledge = await textOf((await t.ok('print.campaignNotice', { campaignId: premises.id, lang: 'en' })).pdfBase64!);
    expect(pledge).toContain('report of foreigners and pledge');
    expect(pledge).toContain('Deadline: 16 January 2025');
    expect(pledge).toContain('Hotel');
    expect(pledge).not.toContain('ថ្ងៃផុតកំណត់');
  });

  it('refuses a campaign that does not exist, and writes to a file', async () => {
    const { t, employers } = await world();
    const missing = await t.call('print.campaignNotice', { campaignId: '01900000-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false });
    const out = path.join(tempDir(), 'notice.pdf');
    const written = await t.ok('print.campaignNotice', { campaignId: employers.id, out });
    expect(written).toMatchObject({ path: out, pdfBase64: null, pages: 1 });
    if (process.env.BANHCHI_NOTICE_PNG) {
      for (const lang of ['km+en', 'km'] as const) {
        const pdf = path.join(process.env.BANHCHI_NOTICE_PNG, `campaign-notice-${lang.replace('+', '')}.pdf`);
        writeFileSync(pdf, Buffer.from((await t.ok('print.campaignNotice', { campaignId: employers.id, lang })).pdfBase64!, 'base64'));
        execFileSync('pdftoppm', ['-r', '110', '-png', pdf, pdf.replace(/\.pdf$/, '')]);
      }
    }
  });
});
