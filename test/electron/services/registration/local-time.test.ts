import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TIME_ZONE_SETTING } from '../../../../shared/local-time.js';
import { offsetForFakeNow, now } from '../../../../electron/backend/clock.js';
import { personFields, registerBackend } from './fixtures.js';

/** The backend's "today" is the office's date: at 00:30 in Phnom Penh the UTC date is still yesterday. */
describe('office local time in the backend', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T00:30:00+07:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('accepts an entry dated today in Phnom Penh and refuses tomorrow', async () => {
    const t = await registerBackend();
    const { person } = await t.ok('persons.register', { fields: personFields({ entryDate: '2026-03-01' }) });
    expect(person.entryDate).toBe('2026-03-01');
    const tomorrow = await t.call('persons.register', { fields: personFields({ passportNo: 'X1234567', entryDate: '2026-03-02' }) });
    expect(tomorrow.ok).toBe(false);
    expect(JSON.stringify(tomorrow)).toContain('entryInFuture');
  });

  it('counts days to expiry from the office date', async () => {
    const t = await registerBackend();
    const premises = await t.ok('premises.create', { nameLatin: 'Golden Lotus', type: 'hotel', communeCode: '120101' });
    const { person } = await t.ok('persons.register', { fields: personFields({ visaExpiry: '2026-03-31' }) });
    await t.ok('stays.arrive', { personId: person.id, premisesId: premises.id, arrivedAt: '2026-02-28' });
    const { alerts } = await t.ok('persons.get', { id: person.id });
    expect(alerts.find((a) => a.kind === 'visa_expiring')?.days).toBe(30);
  });

  it('follows the office time zone setting and refuses a zone that does not exist', async () => {
    const t = await registerBackend();
    expect(await t.call('settings.set', { key: TIME_ZONE_SETTING, value: 'Asia/Nowhere' })).toMatchObject({ ok: false, error: { code: 'stays.timeZone' } });
    await t.ok('settings.set', { key: TIME_ZONE_SETTING, value: 'UTC' });
    const refused = await t.call('persons.register', { fields: personFields({ entryDate: '2026-03-01' }) });
    expect(JSON.stringify(refused)).toContain('entryInFuture');
  });
});

describe('the web test server clock', () => {
  afterEach(() => {
    delete process.env.BANHCHI_CLOCK_OFFSET_MS;
  });
  it('is shifted only when an offset is set', () => {
    const real = Date.now();
    expect(Math.abs(now() - real)).toBeLessThan(1000);
    const offset = offsetForFakeNow('2026-03-02T00:31:00+07:00', real)!;
    process.env.BANHCHI_CLOCK_OFFSET_MS = String(offset);
    expect(Math.abs(now() - Date.parse('2026-03-02T00:31:00+07:00'))).toBeLessThan(1000);
    expect(offsetForFakeNow(undefined)).toBeNull();
    expect(() => offsetForFakeNow('tomorrow')).toThrow(/BANHCHI_FAKE_NOW/);
  });
});
