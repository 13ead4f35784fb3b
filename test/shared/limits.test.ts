import { describe, expect, it } from 'vitest';
import { limitsOf } from '../../shared/contract/limits.js';
import { ownerInput, personFields, premisesInput } from '../../shared/contract/registration-schemas.js';

describe('input limits from the contract schemas', () => {
  it('gives text lengths and number ranges as the schemas check them', () => {
    expect(limitsOf(personFields, 'surname')).toEqual({ maxLength: 100, minLength: 1 });
    expect(limitsOf(personFields, 'passportNo')).toEqual({ maxLength: 20, minLength: 1 });
    expect(limitsOf(premisesInput, 'nameKm')).toEqual({ maxLength: 200 });
    expect(limitsOf(premisesInput, 'rooms')).toEqual({ min: 0, max: 100_000, integer: true });
    expect(limitsOf(ownerInput, 'idNumber')).toEqual({ maxLength: 50 });
    expect(limitsOf(premisesInput, 'noSuchField')).toEqual({});
  });
});
