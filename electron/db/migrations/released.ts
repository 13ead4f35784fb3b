/**
 * Schema versions that have shipped to offices. Migrations form one increasing sequence: a database
 * already at version N never runs a migration numbered N or below, so every new migration must be
 * numbered above all of these (checked by test/electron/db/migrations/sequence.test.ts). When a
 * release is cut, append its new versions here with the SHA-256 of each migration file: a released
 * migration never changes again.
 */
export const RELEASED_MIGRATIONS: readonly { version: number; file: string; sha256: string }[] = [
  { version: 1, file: '001_foundation.ts', sha256: 'a0bc9d989d4cbf8e4e3cc78830fbec61661e00cb7ca6063582183b1e57ffb21c' },
  { version: 2, file: '002_builtin_provinces.ts', sha256: '2bfd5c245b0a3245a1237f4a6c5402073c296927b7f79bdaf961a471c43b8788' },
  { version: 10, file: '010_registration.ts', sha256: '172a39f9bacc39d670a2d98c963bb5717f6ae768271404a3f1a494a81db90e72' },
  { version: 11, file: '011_search.ts', sha256: 'df0c3f057da3e294dd48993627053d2c10555b012415de24521372543e7d9122' },
  { version: 20, file: '020_printing.ts', sha256: '03a9e04c4aed73f4c28605e4741c7ad064d8174bae1e61f2048938ee113398c7' },
  { version: 30, file: '030_sync.ts', sha256: '3b84e939b88e43606dcbc8ce5b63684109aad6c9c8fab34ea3a81cbaff422629' },
];
