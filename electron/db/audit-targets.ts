import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The persons a printed document shows, for the audit of reads. Each uses the same selection as the
 * document's own query in `print.ts` (`foreignersOn`, `workersOf`, `stayRow`): keep them in step.
 */

export function personOfStay(db: Database, stayId: string): string[] {
  return db.prepare('SELECT person_id FROM stay WHERE id = ?').pluck().all(stayId) as string[];
}

/** The foreigners listed on a premises' pledge: those staying there now. */
export function personsOnPremises(db: Database, premisesId: string): string[] {
  return db.prepare('SELECT DISTINCT person_id FROM stay WHERE premises_id = ? AND departed_on IS NULL ORDER BY person_id').pluck().all(premisesId) as string[];
}

/** The workers listed on an employer's declaration card: current employments. */
export function workersOfEmployer(db: Database, employerId: string): string[] {
  return db.prepare('SELECT DISTINCT person_id FROM employment WHERE employer_id = ? AND end_date IS NULL ORDER BY person_id').pluck().all(employerId) as string[];
}

/** The persons an inspection report lists. */
export function personsOfInspection(db: Database, inspectionId: string): string[] {
  return db.prepare('SELECT DISTINCT person_id FROM inspection_person WHERE inspection_id = ? ORDER BY person_id').pluck().all(inspectionId) as string[];
}

export function premisesOfCommune(db: Database, communeCode: string): string[] {
  return db.prepare('SELECT id FROM premises WHERE commune_code = ? ORDER BY name_latin, id').pluck().all(communeCode) as string[];
}
