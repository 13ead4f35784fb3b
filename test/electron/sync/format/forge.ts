import { Decrypter } from 'age-encryption';
import { DEFAULT_LIMITS, INNER_PREFIX, SIGNATURE_LENGTH } from '../../../../electron/sync/format/layout.js';
import { parseOuter } from '../../../../electron/sync/format/read.js';
import { ageEncrypt, innerBytes, outerBytes, outerPreamble } from '../../../../electron/sync/format/write.js';
import { sha256Hex, utf8 } from '../../../../electron/sync/crypto/encoding.js';
import { sign } from '../../../../electron/sync/crypto/sign.js';
import type { Manifest, OfficeKeys, OuterHeader } from '../../../../electron/sync/format/api.js';

export interface Parts {
  header: OuterHeader;
  manifest: Manifest;
  body: Uint8Array;
  /** Kept apart so that spreading `parts` into `assemble` re-signs. */
  signatures: { manifest: Uint8Array; outer: Uint8Array };
}

/** Decrypts a bundle into its parts (test only). */
export async function split(bytes: Uint8Array, identity: string): Promise<Parts> {
  const outer = parseOuter(bytes, DEFAULT_LIMITS, 'x');
  const d = new Decrypter();
  d.addIdentity(identity);
  const inner = await d.decrypt(outer.payload);
  const length = Buffer.from(inner).readUInt32BE(8);
  const end = INNER_PREFIX + length;
  return {
    header: outer.header,
    manifest: JSON.parse(Buffer.from(inner.subarray(INNER_PREFIX, end)).toString('utf8')),
    body: inner.slice(end + SIGNATURE_LENGTH),
    signatures: { manifest: inner.slice(end, end + SIGNATURE_LENGTH), outer: outer.signature.slice() },
  };
}

/**
 * Re-assembles a bundle as an insider holding `signer`'s key would: manifest re-signed unless
 * `manifestSignature` is given, payload re-encrypted to `recipients`, outer part re-signed unless
 * `options.outerSignature` is given.
 */
export async function assemble(
  signer: OfficeKeys,
  recipients: string[],
  parts: { header: OuterHeader; manifest: Manifest; body: Uint8Array; manifestSignature?: Uint8Array },
  options: { manifestJson?: Uint8Array; outerSignature?: Uint8Array } = {},
): Promise<Uint8Array> {
  const json = options.manifestJson ?? utf8.encode(JSON.stringify(parts.manifest));
  const inner = innerBytes(json, parts.manifestSignature ?? sign('manifest', json, signer.signingSecret), parts.body);
  const payload = await ageEncrypt(inner, recipients);
  const header = { ...parts.header, payloadLength: payload.length, payloadSha256: sha256Hex(payload) };
  const preamble = outerPreamble(utf8.encode(JSON.stringify(header)));
  return outerBytes(preamble, options.outerSignature ?? sign('bundle', preamble, signer.signingSecret), payload);
}

/** Manifest fields for a replaced body. */
export function withBody(manifest: Manifest, body: Uint8Array, raw: Uint8Array): Manifest {
  return { ...manifest, bodyLength: body.length, bodySha256: sha256Hex(body), rawLength: raw.length, rawSha256: sha256Hex(raw) };
}
