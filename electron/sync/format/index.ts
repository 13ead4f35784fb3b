/** Implementation of ./api.ts (import from here). */
export * from './errors.js';
export { DEFAULT_LIMITS, bundleFileName } from './layout.js';
export { encodeBundle, writeBundle } from './write.js';
export { inspectBundle, readBundle } from './read.js';
export { generateOfficeKeys, signingKeyId, ageKeyId, encryptKeyFile, decryptKeyFile, writeKeyFile, readKeyFile } from '../crypto/keys.js';
export { makeKeyCard, parseKeyCard } from '../crypto/keycard.js';
export { signDirectory, verifyDirectory, compareDirectory, directoryLookup } from '../crypto/directory.js';
export type * from './api.js';
