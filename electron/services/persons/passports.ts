import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import { updateRecord } from '../../db/changes.js';
import { passportsOf, toPassport } from '../../db/passports.js';
import { getPersonRow, personEntity, toPerson, type PersonRow } from '../../db/persons.js';
import { notFound, today } from '../registration/common.js';
import { derivedKeys, normalisePerson, personColumns, queueDuplicates } from '../registration/identity.js';
import { refuseMerged } from './merged.js';
import { checkPassportFree, ensureCurrentPassport, replacePassport } from './passport-records.js';

const PASSPORT_FIELDS = ['passportNo', 'issuingState', 'passportIssued', 'passportExpiry'] as const;

function load(db: Parameters<typeof getPersonRow>[0], id: string): PersonRow {
  return getPersonRow(db, id) ?? notFound('person', id);
}

export const passportsHandlers: Pick<HandlerTable, 'passports.list' | 'passports.add'> = {
  'passports.list': (ctx, request) => {
    load(ctx.db, request.personId);
    return passportsOf(ctx.db, request.personId).map(toPassport);
  },

  'passports.add': (ctx, request) => {
    const day = today(ctx.db, request);
    return ctx.db.transaction(() => {
      const person = load(ctx.db, request.personId);
      refuseMerged(ctx.db, person);
      const others = { ...(request.patch ?? {}) };
      for (const field of PASSPORT_FIELDS) delete others[field];
      // Checked as one form: the new passport against the birth date, the other fields against the person.
      const passport = normalisePerson({ ...request.passport, passportIssued: request.passport.passportIssued ?? null }, day, person);
      const patch = normalisePerson(others, day, person);
      const next = { ...person, ...personColumns(patch), ...personColumns(passport) } as PersonRow;
      if (passport.passportNo === person.passport_no) throw new AppError('persons.passport.sameNumber', { passportNo: passport.passportNo });
      const former = passportsOf(ctx.db, person.id).find((p) => p.passport_no === passport.passportNo);
      if (former) throw new AppError('persons.passport.former', { passportNo: passport.passportNo });
      checkPassportFree(ctx.db, person.id, next.nationality, next.passport_no, next.birth_date);
      ensureCurrentPassport(ctx.db, ctx.writer(), person);
      replacePassport(ctx.db, ctx.writer(), person, { ...passport, passportIssued: passport.passportIssued ?? null }, day);
      updateRecord(ctx.writer(), personEntity, person.id, { ...personColumns(patch), ...personColumns(passport), ...derivedKeys(next) });
      const row = load(ctx.db, person.id);
      queueDuplicates(ctx.db, ctx.writer(), row);
      return toPerson(row);
    })();
  },
};
