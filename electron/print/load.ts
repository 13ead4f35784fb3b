import type { Database } from 'better-sqlite3-multiple-ciphers';
import { officeToday } from '../../shared/local-time.js';
import { now } from '../backend/clock.js';
import { officeZone } from '../db/settings.js';
import type { Office } from '../../shared/contract/foundation.js';
import {
  employerInfo, foreignersOn, issueReceiptNumber, officeInfo, openPledge, ownerOf, pledgeNumberOf, premisesInfo, receiptNumberOf, setPledgeStatus, stayRow, visaOf, workersOf,
} from '../db/print.js';
import type { WriteContext } from '../db/changes.js';
import type { CardData, PledgeData, ReceiptData } from './documents/types.js';
import { receiptCode } from './qr.js';

/** Gathers each document's data from the register. */

/** The office's date today, in its time zone (not the machine's). */
export function today(db: Database): string {
  return officeToday(officeZone(db), now());
}

/** Loads a pledge; gives it a number and marks the premises' pledge as printed (through the change log). */
export function loadPledge(writer: WriteContext, office: Office | null, premisesId: string, date: string, preview = false): PledgeData {
  const { db } = writer;
  const premises = premisesInfo(db, premisesId);
  // A preview changes nothing: it shows the number the pledge already has, or none yet.
  const docNo = preview ? pledgeNumberOf(db, premisesId) : openPledge(writer, premisesId, date).docNo;
  if (!preview) setPledgeStatus(writer, premisesId, 'printed');
  return { docNo, date, office: officeInfo(db, office), owner: ownerOf(db, premisesId), premises, foreigners: foreignersOn(db, premisesId) };
}

export function loadCard(db: Database, office: Office | null, employerId: string | null, date: string): CardData {
  if (!employerId) return { date, office: officeInfo(db, office), employer: null, workers: [] };
  return { date, office: officeInfo(db, office), employer: employerInfo(db, employerId), workers: workersOf(db, employerId) };
}

/** The facts a receipt's hash covers: change any and the code no longer matches. */
export function receiptFacts(row: Record<string, string | number | null>): string[] {
  return [String(row.person_id), String(row.premises_id), String(row.arrived_at), String(row.passport_no)];
}

/** Loads a receipt; printing (not a preview) gives the stay its receipt number at this office. */
export function loadReceipt(writer: WriteContext, office: Office | null, stayId: string, preview = false): ReceiptData {
  const { db } = writer;
  const row = stayRow(db, stayId);
  const premises = premisesInfo(db, String(row.premises_id));
  const date = officeToday(officeZone(db), now());
  const number = preview ? receiptNumberOf(db, stayId, writer.originOffice) : issueReceiptNumber(writer, stayId, office?.unitCode ?? '', date);
  return {
    stayId,
    number,
    code: receiptCode(stayId, receiptFacts(row)),
    date: String(row.reported_at).slice(0, 10),
    office: officeInfo(db, office),
    person: {
      name: `${row.surname} ${row.given_names}`.trim(),
      nameKm: String(row.name_km),
      sex: row.sex as 'M' | 'F' | 'X',
      birthDate: String(row.birth_date),
      nationality: String(row.nationality),
      passportNo: String(row.passport_no),
      visa: visaOf(row),
    },
    premises,
    room: String(row.room),
    arrivedAt: String(row.arrived_at),
    reportedAt: String(row.reported_at),
    late: Number(row.late) === 1,
  };
}
