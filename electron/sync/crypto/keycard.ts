import { z } from 'zod';
import { fail } from '../format/errors.js';
import { fromBase64, fromUtf8, toBase64, toBase64Url, utf8 } from './encoding.js';
import { ageKeyId, signingKeyId } from './keys.js';
import { sign, verify } from './sign.js';
import type { KeyCard, OfficeKeys, OfficePublicKeys } from '../format/api.js';

const QR_PREFIX = 'BANHCHI-KEY1:';

export const publicKeysSchema = z
  .object({
    officeId: z.string().min(1).max(200),
    level: z.enum(['commune', 'province', 'national']),
    unitCode: z.string().max(40),
    name: z.string().max(200),
    parentOfficeId: z.string().min(1).max(200).nullable(),
    signingKey: z.string().length(44),
    signingKeyId: z.string().length(29),
    ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
    ageKeyId: z.string().length(29),
  })
  .strict();

/** Public keys of an office plus a self-signed QR payload, for printing and exporting. */
export function makeKeyCard(
  keys: OfficeKeys,
  office: Omit<OfficePublicKeys, 'officeId' | 'signingKey' | 'signingKeyId' | 'ageRecipient' | 'ageKeyId'>,
): KeyCard {
  const pub: OfficePublicKeys = {
    officeId: keys.officeId,
    level: office.level,
    unitCode: office.unitCode,
    name: office.name,
    parentOfficeId: office.parentOfficeId,
    signingKey: toBase64(keys.signingPublic),
    signingKeyId: signingKeyId(keys.signingPublic),
    ageRecipient: keys.ageRecipient,
    ageKeyId: ageKeyId(keys.ageRecipient),
  };
  const body = utf8.encode(JSON.stringify(pub));
  const signature = sign('keycard', body, keys.signingSecret);
  return { ...pub, createdAt: keys.createdAt, qrPayload: `${QR_PREFIX}${toBase64Url(body)}.${toBase64Url(signature)}` };
}

/** Checks a card's QR payload: shape, self-signature (proof the office holds the key) and key ids. */
export function parseKeyCard(qrPayload: string): OfficePublicKeys {
  const bad = (): never => fail('sync.badKeyCard', 'key card');
  if (typeof qrPayload !== 'string' || qrPayload.length > 4096 || !qrPayload.startsWith(QR_PREFIX)) bad();
  const [bodyText, sigText, ...rest] = qrPayload.slice(QR_PREFIX.length).split('.');
  if (!bodyText || !sigText || rest.length > 0) return bad();
  const body = new Uint8Array(Buffer.from(bodyText, 'base64url'));
  const signature = new Uint8Array(Buffer.from(sigText, 'base64url'));
  let pub: OfficePublicKeys;
  try {
    pub = publicKeysSchema.parse(JSON.parse(fromUtf8.decode(body)));
  } catch {
    return bad();
  }
  const signingKey = fromBase64(pub.signingKey, 32);
  if (!signingKey || !verify('keycard', body, signature, signingKey)) return bad();
  if (pub.signingKeyId !== signingKeyId(signingKey) || pub.ageKeyId !== ageKeyId(pub.ageRecipient)) return bad();
  return pub;
}
