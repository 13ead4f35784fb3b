import { describe, expect, it } from 'vitest';
import { opNames } from '../../shared/contract/index.js';
import { OPERATION_ROLES, ROLES, actorHas, canPerform, roleMayCall, type Role } from '../../shared/permissions.js';

/** What each role must be able to do, and what it must never do, from the role list. */
const MUST: Record<Role, string[]> = {
  administrator: ['settings.set', 'sync.keysCreate', 'sync.directoryAdd', 'office.setup', 'accounts.create', 'accounts.resetPassword', 'accounts.setActive'],
  'commune-officer': ['persons.register', 'print.pledge', 'duplicates.merge', 'premises.close', 'sync.export'],
  clerk: ['persons.register', 'persons.update', 'print.pledge', 'stays.checkIn'],
  'provincial-officer': ['sync.import', 'persons.search', 'premises.close'],
  'national-analyst': ['persons.search', 'persons.get', 'registration.stats', 'campaigns.create', 'campaigns.close'],
};
const MUST_NOT: Record<Role, string[]> = {
  administrator: ['persons.register', 'duplicates.merge'],
  'commune-officer': ['accounts.create', 'sync.keysCreate'],
  clerk: ['duplicates.merge', 'premises.close', 'stays.delete', 'accounts.create', 'sync.import'],
  'provincial-officer': ['accounts.create', 'accounts.resetPassword'],
  'national-analyst': ['persons.register', 'persons.update', 'premises.update', 'duplicates.merge', 'stays.checkIn', 'inspections.record', 'declarations.record'],
};

describe('permission table', () => {
  it('names at least one role for every operation, and only known roles', () => {
    for (const op of opNames) {
      const roles = OPERATION_ROLES[op] as readonly string[];
      expect(roles.length, op).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
    expect(Object.keys(OPERATION_ROLES).sort()).toEqual([...opNames].sort());
  });

  it('walks every role × every operation through the boundary check, which agrees with the table', () => {
    let allowed = 0;
    for (const role of ROLES) {
      for (const op of opNames) {
        const actor = { id: `user:${role}`, kind: 'user' as const, role };
        expect(canPerform(actor, op), `${role} ${op}`).toBe(roleMayCall(role, op));
        if (roleMayCall(role, op)) allowed += 1;
      }
    }
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(ROLES.length * opNames.length);
  });

  for (const role of ROLES) {
    it(`${role}: may do its work and is refused what it must not do`, () => {
      for (const op of MUST[role]) expect(roleMayCall(role, op as never), op).toBe(true);
      for (const op of MUST_NOT[role]) expect(roleMayCall(role, op as never), op).toBe(false);
    });
  }

  it('a user without a role may do nothing beyond what the legacy local operator could', () => {
    expect(canPerform({ id: 'x', kind: 'user' }, 'persons.register')).toBe(false);
    expect(canPerform({ id: 'local-operator', kind: 'local-operator' }, 'persons.register')).toBe(true);
  });

  it("only the administrator changes the office's settings; everyone keeps their own language", () => {
    for (const role of ROLES) {
      const actor = { id: `user:${role}`, kind: 'user' as const, role };
      expect(actorHas(actor, 'settings.office'), role).toBe(role === 'administrator');
      expect(canPerform(actor, 'settings.set'), role).toBe(true);
    }
  });
});
