import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/db.js';
import { hotlineCase, passport, registerBackend } from './fixtures.js';

function pdftotext(base64: string): string {
  const file = path.join(tempDir(), 'doc.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('documents meant for owners', () => {
  it('never carry a reporter, a complaint or anything about a possible victim', async () => {
    const t = await registerBackend();
    const { hotel } = await hotlineCase(t);
    await t.ok('owners.create', { surname: 'Sok', givenNames: 'Dara', sex: 'M', nationality: 'KHM', idKind: 'khmer_id', idNumber: '0102', premisesId: hotel.id, role: 'owner' });
    const { fields, mrz } = passport(5);
    const guest = await t.ok('stays.checkIn', { premisesId: hotel.id, room: '301', arrivedAt: '2026-03-01T10:00', fields, mrz });
    const op = await t.ok('operations.create', { heldOn: '2026-03-05', kind: 'rescue', leadUnit: 'Military police', premisesId: hotel.id });
    await t.ok('operations.addPerson', {
      operationId: op.id, found: { how: 'registered', personId: guest.person.id }, declaredVictim: true, identifiedAs: 'detention',
      referredTo: 'Sunrise Shelter', noReturn: true, note: 'Held for ransom in room 301',
    });
    const texts: string[] = [];
    for (const lang of ['km+en', 'en'] as const) {
      texts.push(pdftotext((await t.ok('print.pledge', { premisesId: hotel.id, date: '2026-03-05', lang })).pdfBase64!));
      texts.push(pdftotext((await t.ok('print.receipt', { stayId: guest.stay.id, lang })).pdfBase64!));
    }
    // The documents are the real ones (the guest is on them)…
    expect(texts.every((text) => text.includes(fields.surname))).toBe(true);
    // …and nothing of the case is.
    for (const text of texts) {
      expect(text).not.toMatch(/Sopheap|012 345 678|ransom|Sunrise Shelter|victim|detention|ជនរងគ្រោះ|Military police/i);
    }
  });
});
