import { describe, expect, it } from 'vitest';
import { personFields, registerBackend, TODAY } from './fixtures.js';

describe('one identity whatever the nationality code', () => {
  it('a German passport scanned with the MRZ code D finds the person typed in with DEU, and the other way round', async () => {
    const t = await registerBackend();
    const typed = await t.ok('persons.register', { fields: personFields({ nationality: 'DEU', issuingState: 'DEU', passportNo: 'C01X00T47' }), today: TODAY });
    expect(typed.status).toBe('created');
    const scanned = await t.ok('persons.register', { fields: personFields({ nationality: 'D', issuingState: 'D', passportNo: 'C01X00T47' }), today: TODAY });
    expect(scanned).toMatchObject({ status: 'existing', person: { id: typed.person.id } });
    // A different passport of the same nationality is a different person.
    const other = await t.ok('persons.register', { fields: personFields({ nationality: 'D', issuingState: 'D', passportNo: 'C01X00T48' }), today: TODAY });
    expect(other.status).toBe('created');
    expect((t.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(2);
  });
});
