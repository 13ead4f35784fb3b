import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Stage } from '../../../electron/services/spreadsheet/stage.js';
import { tempDir } from '../../helpers/db.js';
import { personFields, TODAY } from '../services/registration/fixtures.js';
import { enrol, exportOne, makeOffice } from '../sync/world.js';

/** Foreigners with passport numbers and names that appear nowhere else. */
const FOREIGNERS = [
  { surname: 'Zvonimirovska', givenNames: 'Ljudevita', passportNo: 'ZQ7731905' },
  { surname: 'Quenneville', givenNames: 'Aurelien Baptiste', passportNo: 'XK4410287' },
  { surname: 'Oyelaran', givenNames: 'Temitope', passportNo: 'A09988776' },
  { surname: 'Thorvaldsdottir', givenNames: 'Sigrun', passportNo: 'P55501239' },
];

/** Each secret as the register may store it: as typed, upper and lower case (search columns), UTF-8 and UTF-16. */
function needles(): Buffer[] {
  const texts = FOREIGNERS.flatMap((f) => [f.surname, f.givenNames.split(' ')[0] as string, f.passportNo]);
  return texts.flatMap((t) => [t, t.toUpperCase(), t.toLowerCase()]).flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le')]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(e.parentPath ?? dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every file (and which secret) where a secret is found in the bytes. */
function leaks(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    for (const needle of needles()) if (bytes.includes(needle)) found.push(`${path.basename(file)}: ${needle.toString(needle.length % 2 ? 'utf8' : 'utf8')}`);
  }
  return found;
}

describe('bytes on disk: no passport number or name of a foreigner in clear', () => {
  it('in the database, its -wal and -shm, temporary files and sync bundles', async () => {
    // Temporary files of this process (scratch databases, spools) go to a folder we can search.
    const tmp = tempDir('banhchi-tmp-');
    process.env.TMPDIR = tmp;
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    const commune = await makeOffice('commune', 'Commune', province);
    await enrol(national, [province, commune]);
    for (const person of FOREIGNERS) await commune.ok('persons.register', { fields: personFields(person), today: TODAY });
    expect((await commune.ok('persons.search', { query: FOREIGNERS[0]!.passportNo })).items.length).toBeGreaterThan(0);

    // A spreadsheet import too big to hold in memory stages its rows in a scratch database in the temporary folder.
    const stage = new Stage(commune.db, 0);
    for (const [i, person] of FOREIGNERS.entries()) stage.add({ row: i + 2, person: personFields(person) as never });
    expect(stage.repeats()).toEqual([]);
    expect(stage.onDisk).toBe(true);

    // While the register is open: the database, its -wal and -shm, the staged rows.
    const dir = path.dirname(commune.file);
    const open = [...filesUnder(dir), ...filesUnder(tmp)];
    expect(open.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['banhchi.db', 'banhchi.db-wal', 'banhchi.db-shm']));
    expect(open.some((f) => path.basename(f).startsWith('banhchi-import-'))).toBe(true);
    expect(leaks(open)).toEqual([]);
    stage.dispose();

    // A sync bundle written to disk, and the province's register after importing it.
    const bundle = await exportOne(commune);
    await province.ok('sync.import', { passphrase: 'correct horse battery', paths: [bundle] });
    expect((await province.ok('persons.search', { query: FOREIGNERS[1]!.passportNo })).items.length).toBeGreaterThan(0);
    const afterSync = [bundle, ...filesUnder(dir), ...filesUnder(path.dirname(province.file)), ...filesUnder(tmp)];
    expect(leaks(afterSync)).toEqual([]);

    // The test would see a leak: the same search finds the passport in a plain export of the rows.
    const plain = Buffer.from(JSON.stringify(commune.db.prepare('SELECT * FROM person').all()));
    expect(plain.includes(Buffer.from(FOREIGNERS[0]!.passportNo))).toBe(true);
  });
});
