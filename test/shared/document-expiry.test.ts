import { describe, expect, it } from 'vitest';
import { expiryWarnings } from '../../shared/document-expiry.js';

describe('expiry warnings at registration', () => {
  const today = '2026-03-01';
  it('warns for an expired passport and a visa expiring within 30 days', () => {
    expect(expiryWarnings({ passportExpiry: '2026-02-28', visaExpiry: '2026-03-31' }, today)).toEqual([
      { document: 'passport', field: 'passportExpiry', state: 'expired', days: -1, date: '2026-02-28' },
      { document: 'visa', field: 'visaExpiry', state: 'expiring', days: 30, date: '2026-03-31' },
    ]);
  });
  it('says today on the expiry day, and nothing beyond 30 days or without a date', () => {
    expect(expiryWarnings({ passportExpiry: today }, today)).toMatchObject([{ state: 'today', days: 0 }]);
    expect(expiryWarnings({ passportExpiry: '2026-04-01', visaExpiry: null }, today)).toEqual([]);
    expect(expiryWarnings({ passportExpiry: '' }, today)).toEqual([]);
  });
  it('counts days across a leap day and a year end by calendar date', () => {
    expect(expiryWarnings({ visaExpiry: '2028-03-01' }, '2028-02-28')).toMatchObject([{ days: 2 }]);
    expect(expiryWarnings({ visaExpiry: '2027-01-02' }, '2026-12-31')).toMatchObject([{ days: 2 }]);
  });
});
