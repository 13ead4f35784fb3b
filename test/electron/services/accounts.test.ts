import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../../shared/actor.js';
import { SYSTEM_ACTOR } from '../../../shared/actor.js';
import { LOCKOUT_MINUTES, MAX_FAILURES } from '../../../electron/services/accounts.js';
import { userActor } from '../../../electron/sessions.js';
import { testBackend } from '../../helpers/db.js';
import { readKeyStore, unwrapKey } from '../../../electron/db/key-store.js';
import { keyOf } from '../../../electron/db/open.js';

async function officeWithAdmin() {
  const t = testBackend();
  await t.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh' });
  const admin = await t.ok('accounts.createFirstAdmin', { username: 'Sokha', nameEn: 'Sok Sokha', nameKm: 'សុខ សុខា', password: 'correct horse battery' });
  return { t, admin, adminActor: userActor(admin) as Actor };
}

describe('accounts', () => {
  it('the first administrator is made once; the password is stored only as an Argon2id hash', async () => {
    const { t, admin } = await officeWithAdmin();
    expect(admin).toMatchObject({ username: 'sokha', role: 'administrator', active: true });
    const stored = t.db.prepare('SELECT password_hash FROM user_secret WHERE user_id = ?').pluck().get(admin.id) as string;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM change_log').all())).not.toContain('correct horse');
    const again = await t.call('accounts.createFirstAdmin', { username: 'other', nameEn: 'Other', nameKm: 'ផ្សេង', password: 'another password' });
    expect(again).toMatchObject({ ok: false, error: { code: 'accounts.adminExists' } });
  });

  it("the administrator's passphrase alone opens the database key (no OS key store); a new password replaces it, deactivation removes it", async () => {
    const { t, admin, adminActor } = await officeWithAdmin();
    const store = readKeyStore(t.file);
    expect(store?.wraps.map((w) => w.kind)).toEqual(['passphrase']);
    expect(unwrapKey(store!, 'passphrase', 'correct horse battery', 'sokha').equals(keyOf(t.db))).toBe(true);
    expect(() => unwrapKey(store!, 'passphrase', 'wrong horse battery')).toThrow('atrest.wrongPassphrase');
    expect(JSON.stringify(store)).not.toContain(keyOf(t.db).toString('hex'));

    const second = await t.ok('accounts.create', { username: 'dara', nameEn: 'Dara', nameKm: 'ដារ៉ា', role: 'administrator', password: 'second admin pass' }, adminActor);
    const clerk = await t.ok('accounts.create', { username: 'clerk', nameEn: 'Clerk', nameKm: 'ស្មៀន', role: 'clerk', password: 'clerk password' }, adminActor);
    expect(readKeyStore(t.file)?.wraps.map((w) => (w.kind === 'passphrase' ? w.label : w.kind))).toEqual(['sokha', 'dara']);
    await t.ok('accounts.resetPassword', { id: clerk.id, password: 'new clerk password' }, adminActor);
    await t.ok('accounts.resetPassword', { id: admin.id, password: 'a brand new passphrase' }, adminActor);
    expect(() => unwrapKey(readKeyStore(t.file)!, 'passphrase', 'correct horse battery', 'sokha')).toThrow('atrest.wrongPassphrase');
    expect(unwrapKey(readKeyStore(t.file)!, 'passphrase', 'a brand new passphrase', 'Sokha').equals(keyOf(t.db))).toBe(true);
    await t.ok('accounts.setActive', { id: second.id, active: false }, adminActor);
    expect(readKeyStore(t.file)?.wraps.map((w) => (w.kind === 'passphrase' ? w.label : w.kind))).toEqual(['sokha']);
  });

  it('signs in with the right password only, and the account is locked after repeated failures', async () => {
    const { t } = await officeWithAdmin();
    await expect(t.ok('accounts.authenticate', { username: 'sokha', password: 'correct horse battery' }, SYSTEM_ACTOR)).resolves.toMatchObject({ username: 'sokha' });
    expect(await t.call('accounts.authenticate', { username: 'nobody', password: 'x' }, SYSTEM_ACTOR)).toMatchObject({ ok: false, error: { code: 'accounts.badLogin' } });
    for (let i = 1; i < MAX_FAILURES; i += 1) {
      expect(await t.call('accounts.authenticate', { username: 'sokha', password: 'wrong' }, SYSTEM_ACTOR)).toMatchObject({ ok: false, error: { code: 'accounts.badLogin' } });
    }
    expect(await t.call('accounts.authenticate', { username: 'sokha', password: 'wrong' }, SYSTEM_ACTOR))
      .toMatchObject({ ok: false, error: { code: 'accounts.lockedOut', params: { minutes: LOCKOUT_MINUTES } } });
    // Locked: even the right password is refused until the time has passed.
    expect(await t.call('accounts.authenticate', { username: 'sokha', password: 'correct horse battery' }, SYSTEM_ACTOR)).toMatchObject({ ok: false, error: { code: 'accounts.lockedOut' } });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + (LOCKOUT_MINUTES + 1) * 60_000);
      expect(await t.call('accounts.authenticate', { username: 'sokha', password: 'correct horse battery' }, SYSTEM_ACTOR)).toMatchObject({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('the administrator creates, resets and deactivates users (never deletes); other roles are refused', async () => {
    const { t, adminActor } = await officeWithAdmin();
    const clerk = await t.ok('accounts.create', { username: 'dara', nameEn: 'Chan Dara', nameKm: 'ចាន់ ដារ៉ា', role: 'clerk', password: 'clerk password 1' }, adminActor);
    const clerkActor = userActor(clerk);
    expect(await t.call('accounts.create', { username: 'x2', nameEn: 'X', nameKm: 'X', role: 'administrator', password: 'password 123' }, clerkActor))
      .toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    expect(await t.call('accounts.create', { username: 'dara', nameEn: 'Dup', nameKm: 'Dup', role: 'clerk', password: 'password 123' }, adminActor))
      .toMatchObject({ ok: false, error: { code: 'accounts.usernameTaken' } });
    await t.ok('accounts.resetPassword', { id: clerk.id, password: 'new clerk password' }, adminActor);
    expect(await t.call('accounts.authenticate', { username: 'dara', password: 'clerk password 1' }, SYSTEM_ACTOR)).toMatchObject({ ok: false });
    await t.ok('accounts.authenticate', { username: 'dara', password: 'new clerk password' }, SYSTEM_ACTOR);
    await t.ok('accounts.setActive', { id: clerk.id, active: false }, adminActor);
    expect(await t.call('accounts.authenticate', { username: 'dara', password: 'new clerk password' }, SYSTEM_ACTOR)).toMatchObject({ ok: false, error: { code: 'accounts.inactive' } });
    expect((await t.ok('accounts.list', {}, adminActor)).map((u) => [u.username, u.active])).toEqual([['sokha', true], ['dara', false]]);
    // The last active administrator stays.
    const admin = (await t.ok('accounts.list', {}, adminActor)).find((u) => u.role === 'administrator')!;
    expect(await t.call('accounts.setActive', { id: admin.id, active: false }, adminActor)).toMatchObject({ ok: false, error: { code: 'accounts.deactivateSelf' } });
    expect(await t.call('accounts.update', { id: admin.id, nameEn: 'A', nameKm: 'A', role: 'clerk' }, adminActor)).toMatchObject({ ok: false, error: { code: 'accounts.lastAdmin' } });
  });

  it('a change made by a user is recorded under the user and shown with the name', async () => {
    const { t, adminActor } = await officeWithAdmin();
    await t.ok('settings.set', { key: 'office.timeZone', value: 'Asia/Bangkok' }, adminActor);
    const history = await t.ok('history.forRecord', { entity: 'setting', recordId: 'office.timeZone' }, adminActor);
    expect(history[0]).toMatchObject({ actor: adminActor.id, actorName: { en: 'Sok Sokha', km: 'សុខ សុខា' } });
  });

  it("only the administrator changes the office's settings; anyone keeps their language", async () => {
    const { t, adminActor } = await officeWithAdmin();
    const clerk = userActor(await t.ok('accounts.create', { username: 'dara', nameEn: 'Chan Dara', nameKm: 'ចាន់ ដារ៉ា', role: 'clerk', password: 'clerk password 1' }, adminActor));
    expect(await t.call('settings.set', { key: 'office.timeZone', value: 'Asia/Bangkok' }, clerk)).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    await t.ok('settings.set', { key: 'ui.language', value: 'en' }, clerk);
    expect(await t.call('accounts.setIdleMinutes', { minutes: 3 }, clerk)).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    await t.ok('accounts.setIdleMinutes', { minutes: 3 }, adminActor);
    expect(await t.ok('accounts.status', {}, SYSTEM_ACTOR)).toEqual({ hasUsers: true, idleMinutes: 3 });
  });
});
