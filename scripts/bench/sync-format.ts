/**
 * Sync bundle format benchmark: `npx tsx scripts/bench/sync-format.ts [changes]` (default 100,000).
 * Encode (NDJSON + gzip + age + Ed25519) and read back, against `age` CLI encryption of the same
 * NDJSON bytes and `gzip -9` of the same NDJSON (size target: bundle ≤ 1.1 × gzip -9).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ageKeyId, directoryLookup, encodeBundle, generateOfficeKeys, readBundle, signingKeyId } from '../../electron/sync/format/index.js';
import type { Change, DirectoryEntry, OfficeKeys } from '../../electron/sync/format/api.js';

const count = Number(process.argv[2] ?? 100_000);
let seed = 42;
const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
const NAMES = ['SMITH', 'NGUYEN', 'WANG', 'KIM', 'MARTIN', 'SILVA', 'DUBOIS', 'TANAKA', 'IVANOV', 'MÜLLER'];
const GIVEN = ['JOHN', 'MARIA', 'WEI', 'MIN JUN', 'ANNA', 'PEDRO', 'CLAIRE', 'HIROSHI', 'OLGA', 'LUCAS'];
const NAT = ['CHN', 'VNM', 'KOR', 'THA', 'FRA', 'USA', 'JPN', 'RUS', 'DEU', 'GBR'];
const hexId = (i: number): string => `0190${(i + 0x10000000).toString(16)}-${rand(65536).toString(16).padStart(4, '0')}-7000-8000-${rand(2 ** 31).toString(16).padStart(12, '0')}`;

function change(i: number): Change {
  const person = i % 2 === 0;
  const data: Record<string, unknown> = person
    ? { surname: NAMES[rand(10)], givenNames: GIVEN[rand(10)], nationality: NAT[rand(10)], sex: rand(2) ? 'M' : 'F',
        birthDate: `19${50 + rand(50)}-0${1 + rand(9)}-1${rand(10)}`, passportNo: `${String.fromCharCode(65 + rand(26))}${rand(1e8)}`,
        passportExpiry: `20${28 + rand(10)}-0${1 + rand(9)}-2${rand(8)}`, phone: `+855 ${rand(1e8)}`, note: rand(4) ? '' : 'ស្នាក់នៅជាមួយគ្រួសារ' }
    : { person: hexId(i - 1), premises: hexId(rand(5000)), room: String(rand(500)), arrival: `2026-0${1 + rand(9)}-1${rand(10)}`,
        departure: null, purpose: ['tourism', 'work', 'business', 'study'][rand(4)], visaType: ['T', 'E', 'B', 'K'][rand(4)],
        visaExpiry: `2026-1${rand(3)}-0${1 + rand(9)}` };
  return { entity: person ? 'person' : 'stay', op: 'insert', id: hexId(i), origin: 'kh-12-01-01', rev: 1, actor: 'clerk-01',
    at: new Date(1767225600000 + i * 60000).toISOString(), data };
}

function entry(keys: OfficeKeys): DirectoryEntry {
  return { officeId: keys.officeId, level: 'commune', unitCode: '120101', name: keys.officeId, parentOfficeId: null,
    signingKey: Buffer.from(keys.signingPublic).toString('base64'), signingKeyId: signingKeyId(keys.signingPublic),
    ageRecipient: keys.ageRecipient, ageKeyId: ageKeyId(keys.ageRecipient), status: 'active', revokedAfterSequence: null };
}

const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MiB`;

const dir = mkdtempSync(join(tmpdir(), 'banhchi-bench-'));
try {
  const sender = await generateOfficeKeys('kh-12-01-01');
  const national = await generateOfficeKeys('kh');
  const records = Array.from({ length: count }, (_, i) => change(i));
  const ndjson = Buffer.from(records.map((r) => JSON.stringify(r) + '\n').join(''));
  const rawFile = join(dir, 'changes.ndjson');
  writeFileSync(rawFile, ndjson);

  const [bundle, encodeMs] = await time(() => encodeBundle({ kind: 'changes', sender, recipients: [{ keyId: ageKeyId(national.ageRecipient), ageRecipient: national.ageRecipient }],
    sequence: 1, previousHash: null, directoryVersion: 1, appVersion: '0.1.0', schemaVersion: 30, records }));
  const keys = directoryLookup({ version: 1, issuedAt: '', issuer: 'kh', issuerKeyId: '', entries: [entry(sender)] });
  const [n, readMs] = await time(async () => {
    const opened = await readBundle({ bytes: bundle.bytes, name: 'bench.bchb' }, { keys, identities: [national.ageIdentity] });
    let k = 0;
    for await (const _ of opened.records()) k++;
    return k;
  });
  if (n !== count) throw new Error(`read ${n} of ${count}`);
  const [, ageMs] = await time(() => execFileSync('age', ['-r', national.ageRecipient, '-o', join(dir, 'raw.age'), rawFile]));
  const [gz, gzipMs] = await time(() => execFileSync('gzip', ['-9', '-c', rawFile], { maxBuffer: 1 << 30 }));
  const [, gzAgeMs] = await time(() => {
    writeFileSync(join(dir, 'raw.gz'), gz);
    return execFileSync('age', ['-r', national.ageRecipient, '-o', join(dir, 'raw.gz.age'), join(dir, 'raw.gz')]);
  });

  const ratio = bundle.bytes.length / gz.length;
  console.log(`sync bundle format, ${count.toLocaleString('en')} changes (node ${process.version})`);
  console.log(`  NDJSON                       ${mb(ndjson.length)}`);
  console.log(`  encode bundle (project)      ${encodeMs.toFixed(0)} ms  (${Math.round(count / (encodeMs / 1000)).toLocaleString('en')} changes/s)`);
  console.log(`  read+verify+decode (project) ${readMs.toFixed(0)} ms  (${Math.round(count / (readMs / 1000)).toLocaleString('en')} changes/s)`);
  console.log(`  age -r of the NDJSON (CLI)   ${ageMs.toFixed(0)} ms  → ${mb(statSync(join(dir, 'raw.age')).size)}`);
  console.log(`  gzip -9 of the NDJSON (CLI)  ${gzipMs.toFixed(0)} ms  → ${mb(gz.length)}; + age -r ${gzAgeMs.toFixed(0)} ms`);
  console.log(`  bundle size                  ${mb(bundle.bytes.length)} = ${ratio.toFixed(3)} × gzip -9 (target ≤ 1.1) ${ratio <= 1.1 ? 'OK' : 'OVER'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
