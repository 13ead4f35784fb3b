import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n/index.js';
import { formatDate } from '../../../shared/khmer.js';
import { addDemo, enrol, exportOne, importAll, makeOffice } from './world.js';

const DAY = 86_400_000;

/** Runs `work` with this process's backend clock moved by `ms` (what BANHCHI_FAKE_NOW does for the web app). */
async function withClockMoved<T>(ms: number, work: () => Promise<T>): Promise<T> {
  process.env.BANHCHI_CLOCK_OFFSET_MS = String(ms);
  try {
    return await work();
  } finally {
    delete process.env.BANHCHI_CLOCK_OFFSET_MS;
  }
}

describe("a sending office whose clock is wrong", () => {
  it('is applied as always, and the result says the bundle was written days after today here, in words in both languages', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Siem Reap', national);
    const commune = await makeOffice('commune', 'Sala Kamraeuk', province);
    await enrol(national, [province, commune]);
    addDemo(commune, 1, 2);
    const onTime = await exportOne(commune);
    const [first] = await importAll(province, [onTime]);
    expect(first).toMatchObject({ status: 'applied', senderClockAhead: null });

    // The commune's PC is set ten days ahead; a bundle carried for days (written earlier) is normal and says nothing.
    addDemo(commune, 1, 2);
    const ahead = await withClockMoved(10 * DAY, () => exportOne(commune));
    const [second] = await importAll(province, [ahead]);
    expect(second?.status, JSON.stringify(second?.error)).toBe('applied');
    expect(second?.senderClockAhead?.days).toBe(10);
    const date = second!.senderClockAhead!.createdAt.slice(0, 10);
    expect(Date.parse(date) - Date.now()).toBeGreaterThan(8 * DAY);
    const en = createI18n('en', { strict: true }).t('sync.senderClockAhead', { count: 10, date: formatDate(date, 'en') });
    expect(en).toContain('10 days after today here');
    const km = createI18n('km', { strict: true }).t('sync.senderClockAhead', { count: 10, date: formatDate(date, 'km') });
    expect(km).toContain('១០ ថ្ងៃក្រោយថ្ងៃនេះ');
    expect(km).not.toMatch(/[A-Za-z]/);

    // A bundle written a day behind (carried by USB) is not flagged.
    addDemo(commune, 1, 1);
    const behind = await withClockMoved(-3 * DAY, () => exportOne(commune));
    const [third] = await importAll(province, [behind]);
    expect(third?.senderClockAhead ?? null).toBeNull();
  });
});
