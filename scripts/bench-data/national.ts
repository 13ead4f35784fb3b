/**
 * A national register for the reports benchmark, written straight into the record tables with SQL
 * (no change log, no search index: reports read neither). Plausible shapes: 200 premises per 1,000
 * foreigners spread over every commune, one open or closed stay per foreigner plus an earlier stay
 * for one in ten, arrivals over two years with report delays up to three days, employers and
 * employment with every work status. `random()` makes each run different; counts are the same.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface NationalShape { persons: number; today: string }

const NATIONALITIES: [string, number][] = [['CHN', 44], ['VNM', 15], ['THA', 7], ['KOR', 6], ['RUS', 3], ['PHL', 3], ['IND', 3], ['JPN', 3], ['USA', 3], ['FRA', 3], ['GBR', 2], ['D', 2], ['MYS', 2], ['IDN', 2], ['AUS', 2]];
const VISAS: [string, number][] = [['EB', 50], ['EG', 20], ['T', 15], ['ER', 5], ['ES', 5], ['K', 5]];
const PREMISES: [string, number][] = [['rental', 30], ['apartment', 18], ['hotel', 10], ['guesthouse', 10], ['construction', 12], ['factory', 7], ['office', 5], ['casino', 4], ['restaurant', 3], ['other', 1]];
const STATUSES: [string, number][] = [['valid_permit', 60], ['application_submitted', 20], ['no_permit', 15], ['exempt', 5]];

/** A SQL expression choosing from weighted values with the 0–99 integer in `pick`. */
function weighted(values: [string, number][], pick: string): string {
  const total = values.reduce((s, [, w]) => s + w, 0);
  let at = 0;
  const arms = values.map(([v, w]) => { at += (w * 100) / total; return `WHEN ${pick} < ${Math.round(at)} THEN '${v}'`; });
  return `CASE ${arms.join(' ')} ELSE '${values[values.length - 1]![0]}' END`;
}

const id = (prefix: string, n: string) => `printf('%08x-${prefix}-7000-8000-%012x', ${n}, ${n})`;
const rnd = (n: number) => `(abs(random()) % ${n})`;
const seq = (count: number) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}) SELECT i FROM n`;

export function fillNational(db: Database, shape: NationalShape): { premises: number; employers: number; stays: number; employments: number } {
  const premises = Math.max(1, Math.round(shape.persons / 5));
  const employers = Math.max(1, Math.round(shape.persons / 20));
  const at = (daysBack: string, hours: string) => `strftime('%Y-%m-%dT%H:%M:%S', julianday('${shape.today}') - ${daysBack} + ${hours} / 24.0) || '+07:00'`;
  db.transaction(() => {
    db.exec(`CREATE TEMP TABLE bench_commune AS SELECT row_number() OVER (ORDER BY id) AS n, id AS code FROM admin_unit WHERE level = 'commune' AND retired = 0`);
    const communes = (db.prepare('SELECT count(*) AS n FROM temp.bench_commune').get() as { n: number }).n;
    if (communes === 0) throw new Error('import the gazetteer first');
    db.exec(`
      INSERT INTO premises (id, name_latin, type, province_code, district_code, commune_code, pledge_status, created_at, origin_office, revision)
        SELECT ${id('0001', 'i')}, 'Premises ' || i, ${weighted(PREMISES, rnd(100))}, substr(c.code, 1, 2), substr(c.code, 1, 4), c.code,
          CASE ${rnd(10)} WHEN 0 THEN 'printed' WHEN 1 THEN 'printed' WHEN 2 THEN 'none' WHEN 3 THEN 'none' WHEN 4 THEN 'none' ELSE 'signed' END,
          '2024-01-01T00:00:00+07:00', 'bench', 1
        FROM (${seq(premises)}) AS s JOIN temp.bench_commune c ON c.n = 1 + (s.i * 7919) % ${communes};
      INSERT INTO person (id, surname, given_names, sex, birth_date, nationality, passport_no, issuing_state, passport_expiry, visa_type, visa_expiry, entry_date,
                          source, name_key, passport_key, created_at, origin_office, revision)
        SELECT ${id('0002', 'i')}, 'SURNAME' || (i % 5000), 'GIVEN' || (i % 300), CASE i % 3 WHEN 0 THEN 'F' ELSE 'M' END,
          date('1960-01-01', '+' || (i % 15000) || ' days'), nat, 'P' || printf('%08d', i), nat,
          date('${shape.today}', '+' || ${rnd(3000)} || ' days'), ${weighted(VISAS, rnd(100))}, date('${shape.today}', '+' || (${rnd(400)} - 30) || ' days'),
          date('${shape.today}', '-' || ${rnd(800)} || ' days'), 'bench', 'k' || i, 'P' || i, '2024-01-01T00:00:00+07:00', 'bench', 1
        FROM (SELECT i, ${weighted(NATIONALITIES, rnd(100))} AS nat FROM (${seq(shape.persons)}));
      -- Each foreigner's stay: arrived up to two years ago, reported after 0–72 hours, a quarter departed.
      INSERT INTO stay (id, person_id, premises_id, arrived_at, reported_at, departed_on, departed_at, late, origin_office, revision)
        SELECT ${id('0003', 'i')}, ${id('0002', 'i')}, ${id('0001', `1 + (i * 31) % ${premises}`)}, ${at('d', 'h')}, ${at('d', 'h + r')},
          CASE WHEN i % 4 = 0 THEN date('${shape.today}', '-' || (d / 2) || ' days') END,
          CASE WHEN i % 4 = 0 THEN date('${shape.today}', '-' || (d / 2) || ' days') || 'T12:00:00+07:00' END,
          CASE WHEN r > 24 THEN 1 ELSE 0 END, 'bench', 1
        FROM (SELECT i, ${rnd(730)} AS d, ${rnd(18)} AS h, CASE WHEN ${rnd(10)} < 8 THEN ${rnd(20)} ELSE ${rnd(72)} END AS r FROM (${seq(shape.persons)}));
      -- One in ten had an earlier stay elsewhere, ended before the current one.
      INSERT INTO stay (id, person_id, premises_id, arrived_at, reported_at, departed_on, departed_at, late, origin_office, revision)
        SELECT ${id('0004', 'i')}, ${id('0002', 'i')}, ${id('0001', `1 + (i * 97) % ${premises}`)}, ${at('800 + d', '8')}, ${at('800 + d', '8 + r')},
          date('${shape.today}', '-' || (760 + d) || ' days'), date('${shape.today}', '-' || (760 + d) || ' days') || 'T09:00:00+07:00',
          CASE WHEN r > 24 THEN 1 ELSE 0 END, 'bench', 1
        FROM (SELECT i, ${rnd(300)} AS d, ${rnd(40)} AS r FROM (${seq(shape.persons)}) WHERE i % 10 = 0);
      INSERT INTO employer (id, name_latin, province_code, district_code, commune_code, workforce_total, cambodian_count, created_at, origin_office, revision)
        SELECT ${id('0005', 'i')}, 'Employer ' || i, substr(c.code, 1, 2), substr(c.code, 1, 4), c.code, 20 + w, 20 + w - f, '2024-01-01T00:00:00+07:00', 'bench', 1
        FROM (SELECT i, ${rnd(400)} AS w, ${rnd(15)} AS f FROM (${seq(employers)})) AS s JOIN temp.bench_commune c ON c.n = 1 + (s.i * 104729) % ${communes};
      -- Two in five foreigners are employed; one job in seven has ended.
      INSERT INTO employment (id, person_id, employer_id, job_title, start_date, end_date, work_status, origin_office, revision)
        SELECT ${id('0006', 'i')}, ${id('0002', 'i')}, ${id('0005', `1 + (i * 13) % ${employers}`)},
          CASE i % 3 WHEN 0 THEN 'Engineer' WHEN 1 THEN 'Technician' ELSE 'Labourer' END,
          date('${shape.today}', '-' || ${rnd(900)} || ' days'), CASE WHEN i % 7 = 0 THEN date('${shape.today}', '-' || ${rnd(30)} || ' days') END,
          ${weighted(STATUSES, rnd(100))}, 'bench', 1
        FROM (${seq(shape.persons)}) WHERE i % 5 < 2;
      DROP TABLE temp.bench_commune;
    `);
  })();
  db.exec('ANALYZE');
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { premises, employers, stays: count('stay'), employments: count('employment') };
}
