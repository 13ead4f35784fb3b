/**
 * Public API of the sync crypto and file-format layer (pure: no database, no UI).
 * Export/import/merge/receipts code calls only what is declared here; implementations live in
 * `electron/sync/crypto/*` and `electron/sync/format/*`. IMPORT FROM `electron/sync/format/index.ts`
 * (same names; `declare function` here is the contract only, it has no runtime value).
 * Every failure is an `AppError` whose code is one of `SyncFormatErrorCode` (i18n key under
 * `errors.`, strings in shared/i18n/<lang>/sync-format.json) with `params.file` = the file's base name.
 * Format details: docs/bundle-format.md.
 */

// ---------- keys (electron/sync/crypto/keys.ts) ----------

export type OfficeLevel = 'commune' | 'province' | 'national';

/** One office's secret keys, only ever in memory; on disk only inside an encrypted key file. */
export interface OfficeKeys {
  officeId: string;
  /** Ed25519 secret seed, 32 bytes. */
  signingSecret: Uint8Array;
  /** Ed25519 public key, 32 bytes. */
  signingPublic: Uint8Array;
  /** age X25519 identity, "AGE-SECRET-KEY-1…". */
  ageIdentity: string;
  /** age recipient, "age1…". */
  ageRecipient: string;
  createdAt: string;
}

/**
 * Key id / fingerprint: 24 base32 characters (RFC 4648, A–Z 2–7) in 6 groups of 4 joined by "-",
 * e.g. "K3QF-7ZPA-…" = first 15 bytes of SHA-256("banhchi/key/v1\0" + kind + "\0" + public key).
 * Used both as the key id in bundles and as the fingerprint read out by phone.
 */
export type KeyId = string;

export declare function generateOfficeKeys(officeId: string): Promise<OfficeKeys>;
export declare function signingKeyId(signingPublic: Uint8Array): KeyId;
export declare function ageKeyId(ageRecipient: string): KeyId;

export interface KeyFileOptions {
  /** age scrypt work factor (log2 N). Default 18; tests may use ~10. Reading accepts at most 20. */
  workFactor?: number;
}
/** A key file is an age v1 file encrypted with an age scrypt passphrase (so `age -d` can open it too). */
export declare function encryptKeyFile(keys: OfficeKeys, passphrase: string, options?: KeyFileOptions): Promise<Uint8Array>;
/** Throws sync.badPassphrase (wrong passphrase) or sync.badKeyFile (not a key file). */
export declare function decryptKeyFile(bytes: Uint8Array, passphrase: string, fileName?: string): Promise<OfficeKeys>;
/** Atomic write (temp file + fsync + rename), mode 0600. */
export declare function writeKeyFile(path: string, keys: OfficeKeys, passphrase: string, options?: KeyFileOptions): Promise<void>;
export declare function readKeyFile(path: string, passphrase: string): Promise<OfficeKeys>;

/** Public data about an office's keys: what the directory stores for it. */
export interface OfficePublicKeys {
  officeId: string;
  level: OfficeLevel;
  unitCode: string;
  /** Office name for display (Khmer or Latin). */
  name: string;
  parentOfficeId: string | null;
  /** Ed25519 public key, base64 (32 bytes). */
  signingKey: string;
  signingKeyId: KeyId;
  ageRecipient: string;
  ageKeyId: KeyId;
}

/** Printable public key card; `qrPayload` is a compact text for a QR code, self-signed by the office. */
export interface KeyCard extends OfficePublicKeys {
  createdAt: string;
  qrPayload: string;
}
export declare function makeKeyCard(keys: OfficeKeys, office: Omit<OfficePublicKeys, 'officeId' | 'signingKey' | 'signingKeyId' | 'ageRecipient' | 'ageKeyId'>): KeyCard;
/** Parses and checks a QR payload / exported card (self-signature). Throws sync.badKeyCard. */
export declare function parseKeyCard(qrPayload: string): OfficePublicKeys;

// ---------- key directory (electron/sync/crypto/directory.ts) ----------

export type KeyStatus = 'active' | 'revoked';

export interface DirectoryEntry extends OfficePublicKeys {
  status: KeyStatus;
  /** For revoked keys: bundles with sequence ≤ this stay valid; null = nothing from this key is accepted. */
  revokedAfterSequence: number | null;
}

export interface KeyDirectory {
  /** Strictly increasing; an older directory never replaces a newer one. */
  version: number;
  issuedAt: string;
  /** The national office that signs it. */
  issuer: string;
  issuerKeyId: KeyId;
  /** An office may appear several times (old keys revoked, one active). */
  entries: DirectoryEntry[];
}

/** On-disk/JSON form: `body` is the exact signed JSON text of a KeyDirectory. */
export interface SignedDirectory {
  format: 'banhchi-directory/1';
  body: string;
  /** Ed25519 signature, base64, over "banhchi/directory/v1\0" + UTF-8 body. */
  signature: string;
}

export declare function signDirectory(directory: KeyDirectory, nationalKeys: OfficeKeys): SignedDirectory;
/**
 * Checks the signature against the pinned national signing key (base64) and the JSON shape.
 * Throws sync.badDirectory / sync.badSignature.
 */
export declare function verifyDirectory(signed: SignedDirectory, nationalSigningKey: string, fileName?: string): KeyDirectory;
/**
 * Decides whether `incoming` may replace `current`: 'newer' (accept), 'same' (identical, no-op).
 * Throws sync.olderDirectory (version lower) or sync.directoryConflict (same version, other content).
 */
export declare function compareDirectory(current: KeyDirectory | null, incoming: KeyDirectory, fileName?: string): 'newer' | 'same';

/** Lookups the reader needs; build one from a KeyDirectory with `directoryLookup`. */
export interface KeyLookup {
  version: number;
  /** Entry for this office and signing key id, if any (whatever its status). */
  find(officeId: string, signingKeyId: KeyId): DirectoryEntry | undefined;
  /** Any entry for the office (to tell "unknown office" from "unknown key"). */
  hasOffice(officeId: string): boolean;
}
export declare function directoryLookup(directory: KeyDirectory): KeyLookup;

// ---------- bundles (electron/sync/format/*.ts) ----------

export type BundleKind = 'changes' | 'receipt' | 'reference';

/**
 * One change in a 'changes' bundle (one NDJSON line); same shape as WireChange in electron/sync/types.ts.
 * The reader checks this shape only; validating `data` against the entity schema is the importer's job.
 */
export interface Change {
  entity: string;
  op: 'insert' | 'update' | 'delete';
  id: string;
  origin: string;
  rev: number;
  actor: string;
  at: string;
  data: Record<string, unknown> | null;
}
/** One acknowledged bundle in a 'receipt' bundle. */
export interface ReceiptEntry {
  bundleId: string;
  sender: string;
  sequence: number;
  bundleHash: string;
  /**
   * Format 2: the bundle is NOT acknowledged but held, waiting for the sender's sequences from..to; the
   * receiver has applied the sender's change log up to `appliedUpTo`. The sender then writes everything
   * after that position again in its next bundle.
   */
  missing?: { from: number; to: number; appliedUpTo: number };
}
/** One item of a 'reference' bundle (e.g. {type:'directory', data: SignedDirectory}, {type:'codelist', …}). */
export interface ReferenceItem {
  type: string;
  data: unknown;
}
export interface RecordOf {
  changes: Change;
  receipt: ReceiptEntry;
  reference: ReferenceItem;
}

/** Cleartext outer header (signed by the sender's Ed25519 key, readable without keys). */
export interface OuterHeader {
  /** 1 or 2 (2 adds the manifest's changeRange); equals the u16 version in the file's preamble. */
  format: 1 | 2;
  kind: BundleKind;
  /** UUID v7. */
  bundleId: string;
  sender: string;
  senderKeyId: KeyId;
  /** age key ids of the recipients (office above, national). */
  recipients: KeyId[];
  /** Per sender and kind: 1, 2, 3, … */
  sequence: number;
  /** `bundleHash` of the sender's previous bundle of this kind, null for sequence 1. */
  previousHash: string | null;
  createdAt: string;
  directoryVersion: number;
  payloadLength: number;
  /** SHA-256 hex of the age payload. */
  payloadSha256: string;
}

/** Signed manifest inside the encrypted payload; repeats the outer fields except format and payload length/hash. */
export interface Manifest extends Omit<OuterHeader, 'format' | 'payloadLength' | 'payloadSha256'> {
  appVersion: string;
  schemaVersion: number;
  recordCount: number;
  /** Records per entity (changes) or per type (reference); receipts use {receipt: n}. */
  counts: Record<string, number>;
  compression: 'gzip';
  /** Compressed NDJSON body. */
  bodyLength: number;
  bodySha256: string;
  /** Decompressed NDJSON. */
  rawLength: number;
  rawSha256: string;
  /**
   * Format 2: the sender's change-log positions carried, every upward change with after < seq ≤ upTo
   * (null for receipts and reference bundles). Lets a later bundle stand in for a lost one.
   * Absent in format 1.
   */
  changeRange?: ChangeRange | null;
}

export interface ChangeRange {
  after: number;
  upTo: number;
}

export interface Limits {
  maxFile: number; // default 256 MiB
  maxHeader: number; // outer header JSON, 16 KiB
  maxAgeHeader: number; // 16 KiB
  maxRecipients: number; // age stanzas, 4
  maxManifest: number; // 1 MiB
  maxPayload: number; // 256 MiB
  maxDecompressed: number; // 1 GiB
  maxLine: number; // one NDJSON line, 1 MiB
  maxRecords: number; // 1,000,000
}
export declare const DEFAULT_LIMITS: Limits;

export interface BundleRecipient {
  keyId: KeyId;
  ageRecipient: string;
}

export interface WriteBundleInput<K extends BundleKind = BundleKind> {
  kind: K;
  /** Default: a fresh UUID v7. */
  bundleId?: string;
  sender: OfficeKeys;
  recipients: BundleRecipient[];
  sequence: number;
  previousHash: string | null;
  directoryVersion: number;
  appVersion: string;
  schemaVersion: number;
  /** Default: now (display only; ordering uses sequence numbers). */
  createdAt?: string;
  records: Iterable<RecordOf[K]> | AsyncIterable<RecordOf[K]>;
  /** For `changes`: the change-log positions the records cover (manifest `changeRange`). */
  changeRange?: ChangeRange | null;
  /** Called every few thousand records with the count written so far. */
  onProgress?: (records: number) => void;
}

export interface WrittenBundle {
  /** Final path, `<dir>/banhchi-<bundleId>.bchb`. */
  path: string;
  fileName: string;
  header: OuterHeader;
  manifest: Manifest;
  /** SHA-256 hex of the signed outer part; what `previousHash` and receipts refer to. */
  bundleHash: string;
  size: number;
}

/** In-memory encoder (tests, bench). */
export declare function encodeBundle<K extends BundleKind>(input: WriteBundleInput<K>): Promise<{ bytes: Uint8Array; header: OuterHeader; manifest: Manifest; bundleHash: string }>;
/** Writes to a temp file in `dir`, fsyncs and renames atomically to the final name. */
export declare function writeBundle<K extends BundleKind>(dir: string, input: WriteBundleInput<K>): Promise<WrittenBundle>;
export declare function bundleFileName(bundleId: string): string;

/** Reads the outer part only (no keys, signature NOT checked) for `bundle inspect` and sequence checks. */
export declare function inspectBundle(source: BundleSource): Promise<{ header: OuterHeader; bundleHash: string; size: number }>;

export type BundleSource = { path: string } | { bytes: Uint8Array; name: string };

export interface ReadOptions {
  keys: KeyLookup;
  /** The receiving office's age identities ("AGE-SECRET-KEY-1…"), current and older. */
  identities: string[];
  /** Expected kind; other kinds fail with sync.wrongKind. */
  kind?: BundleKind;
  limits?: Partial<Limits>;
}

export interface OpenedBundle<K extends BundleKind = BundleKind> {
  fileName: string;
  header: OuterHeader & { kind: K };
  manifest: Manifest;
  bundleHash: string;
  /**
   * Records, in file order. Everything (signatures, decryption, hashes, lengths) is verified before the
   * first record; each record's shape is checked as it is yielded and a bad one throws sync.badRecord,
   * so callers must apply records only after the iteration completes (one transaction).
   */
  records(): AsyncIterable<RecordOf[K]>;
  /** Removes the temporary spool holding the decrypted payload (also removed at process exit). */
  close(): Promise<void>;
}

/**
 * Verifies and decrypts a bundle: size caps, outer header, directory lookup (unknown office, revoked key),
 * outer signature, payload hash, age header caps, full decryption, inner signature, outer/inner equality.
 * Memory stays flat: the payload is decrypted into an enciphered temporary spool and read back as streams.
 */
export declare function readBundle<K extends BundleKind = BundleKind>(source: BundleSource, options: ReadOptions & { kind?: K }): Promise<OpenedBundle<K>>;

export type { SyncFormatErrorCode } from './errors.js';
