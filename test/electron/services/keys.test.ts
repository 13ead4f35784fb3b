import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../../shared/actor.js';
import { readKeyStore, unwrapKey } from '../../../electron/db/key-store.js';
import { connect, keyOf } from '../../../electron/db/open.js';
import { keyCheck } from '../../../electron/db/db-key.js';
import { userActor } from '../../../electron/sessions.js';
import { tempDir, testBackend } from '../../helpers/db.js';

process.env.BANHCHI_KEY_WORK_FACTOR = '10';

async function officeWithAdmin() {
  const t = testBackend();
  await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh police', nameKm: 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ' });
  const admin = await t.ok('accounts.createFirstAdmin', { username: 'sokha', nameEn: 'Sok Sokha', nameKm: 'សុខ សុខា', password: 'correct horse battery' });
  const adminActor = userActor(admin) as Actor;
  const clerk = await t.ok('accounts.create', { username: 'clerk', nameEn: 'Chan Clerk', nameKm: 'ចាន់ ស្មៀន', role: 'clerk', password: 'clerk password' }, adminActor);
  return { t, admin, adminActor, clerkActor: userActor(clerk) as Actor };
}

function pdftotext(base64: string, name = 'sheet', layout = false): string {
  const file = path.join(tempDir(), `${name}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  if (process.env.BANHCHI_KEEP_PDF) writeFileSync(path.join(process.env.BANHCHI_KEEP_PDF, `${name}.pdf`), Buffer.from(base64, 'base64'));
  return execFileSync('/usr/bin/pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('keys: recovery sheet', () => {
  it('prints a new recovery key on the sheet (Khmer then English); the key read back from the PDF opens the register', async () => {
    const { t, adminActor, clerkActor } = await officeWithAdmin();
    const sheet = await t.ok('keys.recoverySheet', { lang: 'km+en' }, adminActor);
    expect(sheet.pages).toBe(1);
    const text = pdftotext(sheet.pdfBase64!, 'recovery-km-en');
    // Eight groups of four (160 bits in Crockford base32), four a line, read in order as laid out.
    const candidates = pdftotext(sheet.pdfBase64!, 'recovery-layout', true).match(/\b[0-9A-HJKMNP-TV-Z]{4}\b/g) ?? [];
    for (const group of candidates.slice(-8)) expect(text).toContain(group);
    const store = readKeyStore(t.file)!;
    expect(store.wraps.map((w) => w.kind).sort()).toEqual(['passphrase', 'recovery']);
    let opened: Buffer | null = null;
    for (let i = 0; i + 8 <= candidates.length && !opened; i++) {
      try {
        opened = unwrapKey(store, 'recovery', candidates.slice(i, i + 8).join('-'));
      } catch {
        opened = null;
      }
    }
    expect(opened?.equals(keyOf(t.db))).toBe(true);
    expect(text).toContain('សន្លឹកសង្គ្រោះកូនសោនៃបញ្ជី');
    expect(text).toContain("RECOVERY SHEET OF THE REGISTER'S KEY");
    expect(text).toContain('ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ');
    expect(text).toContain('Phnom Penh police');
    expect(text.indexOf('សន្លឹកសង្គ្រោះ')).toBeLessThan(text.indexOf('RECOVERY SHEET'));
    expect(await t.ok('keys.status', {}, adminActor)).toMatchObject({ passphrases: ['sokha'], os: null });

    // A new sheet: the previous key stops working.
    const second = await t.ok('keys.recoverySheet', { lang: 'en' }, adminActor);
    const enText = pdftotext(second.pdfBase64!, 'recovery-en');
    expect(enText).not.toContain('សន្លឹក');
    expect(() => unwrapKey(readKeyStore(t.file)!, 'recovery', (opened ? candidates : []).slice(0, 8).join('-'))).toThrow();

    // Only the administrator: the boundary refuses a clerk.
    expect(await t.call('keys.recoverySheet', {}, clerkActor)).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    expect(await t.call('keys.status', {}, clerkActor)).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
  });
});

describe('keys: rotation from the app', () => {
  it("the administrator's password changes the key; the register keeps working with the new key; a new recovery sheet comes back", async () => {
    const { t, adminActor, clerkActor } = await officeWithAdmin();
    const before = keyOf(t.db);
    expect(await t.call('keys.rotate', { password: 'correct horse battery' }, clerkActor)).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    expect(await t.call('keys.rotate', { password: 'not my password' }, adminActor)).toMatchObject({ ok: false, error: { code: 'keys.wrongPassword' } });
    expect(readKeyStore(t.file)!.check).toBe(keyCheck(before));
    const sheet = await t.ok('keys.rotate', { password: 'correct horse battery', lang: 'en' }, adminActor);
    const layout = pdftotext(sheet.pdfBase64!, 'rotated', true);
    const groups = layout.slice(layout.indexOf('Recovery key'), layout.indexOf('Letters and digits')).match(/\b[0-9A-HJKMNP-TV-Z]{4}\b/g) ?? [];
    expect(groups).toHaveLength(8);
    const store = readKeyStore(t.file)!;
    const fresh = unwrapKey(store, 'passphrase', 'correct horse battery', 'sokha');
    expect(fresh.equals(before)).toBe(false);
    expect(unwrapKey(store, 'recovery', groups.join('-')).equals(fresh)).toBe(true);
    // The backend reopened the register with the new key: calls go on.
    expect((await t.ok('accounts.list', {}, adminActor)).map((u) => u.username).sort()).toEqual(['clerk', 'sokha']);
    expect(await t.ok('keys.status', {}, adminActor)).toMatchObject({ passphrases: ['sokha'], os: null });
    expect(() => connect(t.file, before, { readonly: true })).toThrow('atrest.wrongKey');
  });
});

describe('backups from the app', () => {
  it('backs up (bytes back to the page), lists it, reminds after N days, restores a backup verified first and keeps the previous register', async () => {
    const { t, adminActor, clerkActor } = await officeWithAdmin();
    expect(await t.call('backup.create', {}, clerkActor)).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    const fresh = await t.ok('backup.status', {}, adminActor);
    expect(fresh).toMatchObject({ backups: [], reminderDays: 7, daysSince: null, due: false });

    const made = await t.ok('backup.create', {}, adminActor);
    expect(made.name).toMatch(/^banhchi-backup-\d{4}-\d{2}-\d{2}-\d{4}\.bkp$/);
    expect(made.place).toBeNull();
    const bytes = Buffer.from(made.base64!, 'base64');
    expect(bytes.subarray(0, 15).toString()).toBe('BANHCHI-BACKUP ');
    // No scratch copy is left beside the register.
    expect(existsSync(path.join(path.dirname(t.file), made.name))).toBe(false);
    const usb = tempDir('usb-');
    const toFolder = await t.ok('backup.create', { to: usb }, adminActor);
    expect(existsSync(toFolder.place!)).toBe(true);

    await t.ok('backup.setReminder', { days: 3 }, adminActor);
    const listed = await t.ok('backup.status', {}, adminActor);
    expect(listed.backups.map((b) => [b.name, b.byNameEn, b.place])).toEqual([[toFolder.name, 'Sok Sokha', usb], [made.name, 'Sok Sokha', null]]);
    expect(listed).toMatchObject({ reminderDays: 3, daysSince: 0, due: false });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 86_400_000);
    expect(await t.ok('backup.status', {}, adminActor)).toMatchObject({ daysSince: 3, due: false });
    vi.setSystemTime(Date.now() + 86_400_000);
    expect(await t.ok('backup.status', {}, adminActor)).toMatchObject({ daysSince: 4, due: true });
    await t.ok('backup.setReminder', { days: null }, adminActor);
    expect(await t.ok('backup.status', {}, adminActor)).toMatchObject({ reminderDays: null, due: false });
    vi.useRealTimers();

    // A change after the backup, then a damaged file: refused, nothing replaced.
    await t.ok('accounts.create', { username: 'later', nameEn: 'Made Later', nameKm: 'ធ្វើក្រោយ', role: 'clerk', password: 'later password' }, adminActor);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0xff;
    expect(await t.call('backup.restore', { base64: damaged.toString('base64'), name: 'usb.bkp' }, adminActor))
      .toMatchObject({ ok: false, error: { code: 'backup.damaged', params: { file: 'usb.bkp' } } });
    expect(await t.call('backup.restore', { base64: Buffer.from('not a backup').toString('base64'), name: 'x.bkp' }, adminActor))
      .toMatchObject({ ok: false, error: { code: 'backup.notBackup', params: { file: 'x.bkp' } } });
    expect((await t.ok('accounts.list', {}, adminActor)).map((u) => u.username)).toContain('later');

    const restored = await t.ok('backup.restore', { base64: made.base64!, name: made.name }, adminActor);
    expect(restored).toMatchObject({ name: made.name });
    expect((await t.ok('accounts.list', {}, adminActor)).map((u) => u.username).sort()).toEqual(['clerk', 'sokha']);
    expect(existsSync(`${t.file}.before-restore.1`)).toBe(true);
    // The list of backups is this PC's: still both, though the restored register was copied before the second.
    expect((await t.ok('backup.status', {}, adminActor)).backups).toHaveLength(2);
  });
});
