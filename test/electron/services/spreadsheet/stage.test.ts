import { describe, expect, it } from 'vitest';
import { Stage } from '../../../../electron/services/spreadsheet/stage.js';
import type { RowPlan } from '../../../../electron/services/spreadsheet/rows.js';
import { freshDb } from '../../../helpers/db.js';

/** Row `row` for person `who`: the same `who` twice is the same identity (nationality, passport, birth date). */
function plan(row: number, who: number): RowPlan {
  return {
    row,
    person: { surname: `P${who}`, givenNames: '', sex: 'F', birthDate: '1980-01-02', nationality: 'THA', passportNo: `X${who}`, issuingState: 'THA', passportExpiry: '2031-01-01' } as RowPlan['person'],
  };
}

// Rows 2..41; rows 9 and 30 repeat row 3's person, row 40 repeats row 39's.
const WHO = Array.from({ length: 40 }, (_, i) => i);
WHO[7] = 1;
WHO[28] = 1;
WHO[38] = 37;

function staged(inMemoryRows: number) {
  const { db } = freshDb();
  const stage = new Stage(db, inMemoryRows);
  try {
    for (const [i, who] of WHO.entries()) stage.add(plan(i + 2, who));
    return { repeats: stage.repeats(), rows: [...stage.plans()].map((p) => p.row), onDisk: stage.onDisk, count: stage.count };
  } finally {
    stage.dispose();
  }
}

describe('import stage', () => {
  it('finds the same repeated people, and gives back every row in sheet order, in memory or on disk', () => {
    const expected = { repeats: [{ row: 9, first: 3 }, { row: 30, first: 3 }, { row: 40, first: 39 }], rows: WHO.map((_, i) => i + 2), count: 40 };
    const inMemory = staged(1000);
    expect(inMemory).toEqual({ ...expected, onDisk: false });
    // Spilled after 10 rows: the first rows and the later ones meet in the scratch file.
    expect(staged(10)).toEqual({ ...expected, onDisk: true });
    expect(staged(0)).toEqual({ ...expected, onDisk: true });
  });
});
