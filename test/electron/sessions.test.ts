import { describe, expect, it } from 'vitest';
import { Sessions } from '../../electron/sessions.js';
import { testBackend } from '../helpers/db.js';

describe('sessions kept by the transport', () => {
  it('before any account the local operator acts; the first administrator is then signed in and acts under their name', async () => {
    const t = testBackend();
    let clock = 1_000_000;
    const sessions = new Sessions(t.backend, () => clock);
    expect(await sessions.call('a', 'session.current', {})).toMatchObject({ ok: true, value: { user: null, needsAdmin: true } });
    await sessions.call('a', 'office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh' });
    const admin = await sessions.call('a', 'accounts.createFirstAdmin', { username: 'sokha', nameEn: 'Sok Sokha', nameKm: 'សុខ សុខា', password: 'correct horse battery' });
    expect(admin.ok).toBe(true);
    expect(await sessions.call('a', 'session.current', {})).toMatchObject({ value: { user: { username: 'sokha', role: 'administrator' }, locked: false, needsAdmin: false } });
    await sessions.call('a', 'accounts.create', { username: 'dara', nameEn: 'Chan Dara', nameKm: 'ចាន់ ដារ៉ា', role: 'clerk', password: 'clerk password 1' });
    const actors = t.db.prepare(`SELECT actor FROM change_log WHERE entity = 'user_account' ORDER BY seq`).pluck().all();
    expect(actors).toEqual(['local-operator', (admin as { value: { id: string } }).value.id]);

    // Another browser session is signed out: only the office's name, nothing else.
    expect(await sessions.call('b', 'office.get', {})).toMatchObject({ ok: true });
    expect(await sessions.call('b', 'persons.search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'session.signedOut' } });
    expect(await sessions.call('b', 'session.login', { username: 'dara', password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'accounts.badLogin' } });
    expect(await sessions.call('b', 'session.login', { username: 'dara', password: 'clerk password 1' })).toMatchObject({ ok: true, value: { user: { role: 'clerk' } } });
    // The clerk is refused a merge and user management by the boundary, whatever the page shows.
    expect(await sessions.call('b', 'duplicates.merge', { reviewId: '0190a0b0-0000-7000-8000-000000000000', keepId: 'x' })).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
    expect(await sessions.call('b', 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });

    // Idle past the set time: locked; unlocking needs the password.
    clock += 11 * 60_000;
    expect(await sessions.call('b', 'persons.search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'session.locked' } });
    expect(await sessions.call('b', 'session.unlock', { password: 'wrong password' })).toMatchObject({ ok: false, error: { code: 'accounts.badLogin' } });
    expect(await sessions.call('b', 'session.unlock', { password: 'clerk password 1' })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await sessions.call('b', 'persons.search', { query: 'x' })).toMatchObject({ ok: true });
    // Switch user: signed out, then someone else signs in without a restart.
    expect(await sessions.call('b', 'session.logout', {})).toMatchObject({ ok: true, value: { user: null } });
    expect(await sessions.call('b', 'persons.search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'session.signedOut' } });
  });
});
