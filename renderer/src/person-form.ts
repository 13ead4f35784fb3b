import type { Person } from '../../shared/contract/registration.js';
import { BLANK_PERSON, type PersonForm } from './components/PersonFields.js';

/** A registered person as the registration form's values, for editing. */
export function fromPerson(p: Person): PersonForm {
  return {
    ...BLANK_PERSON,
    surname: p.surname, givenNames: p.givenNames, nameKm: p.nameKm, sex: p.sex, birthDate: p.birthDate, nationality: p.nationality,
    passportNo: p.passportNo, issuingState: p.issuingState, passportIssued: p.passportIssued ?? '', passportExpiry: p.passportExpiry,
    visaType: p.visaType ?? '', visaNo: p.visaNo, visaExpiry: p.visaExpiry ?? '', entryDate: p.entryDate ?? '', entryPoint: p.entryPoint,
    phone: p.phone, diplomatic: p.diplomatic,
  };
}

export const personName = (p: { surname: string; givenNames: string }): string => `${p.surname} ${p.givenNames}`.trim();
