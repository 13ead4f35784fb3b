import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareDirectory, decryptKeyFile, encryptKeyFile, parseKeyCard, readKeyFile, signDirectory, verifyDirectory, writeKeyFile,
} from '../../../../electron/sync/format/index.js';
import { toBase64 } from '../../../../electron/sync/crypto/encoding.js';
import { codeOf, directoryOf, makeOffice } from './helpers.js';

const FP = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/;

describe('office keys', async () => {
  const national = await makeOffice('kh', 'national', null);
  const province = await makeOffice('kh-12', 'province', 'kh');

  it('stores keys only encrypted under the passphrase, and reads them back', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'banhchi-keys-')), 'office.key');
    await writeKeyFile(path, province.keys, 'correct horse', { workFactor: 10 });
    const raw = readFileSync(path);
    expect(raw.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(raw.toString('latin1')).not.toContain(province.keys.ageIdentity);
    expect(raw.toString('latin1')).not.toContain(toBase64(province.keys.signingSecret));
    const back = await readKeyFile(path, 'correct horse');
    expect(back).toEqual(province.keys);
    expect(await codeOf(readKeyFile(path, 'wrong'))).toBe('sync.badPassphrase');
    expect(await codeOf(decryptKeyFile(new Uint8Array([1, 2, 3]), 'x'))).toBe('sync.badKeyFile');
    const again = await encryptKeyFile(province.keys, 'p', { workFactor: 10 });
    expect((await decryptKeyFile(again, 'p')).ageIdentity).toBe(province.keys.ageIdentity);
  });

  it('prints fingerprints and a self-signed key card', () => {
    expect(province.entry.signingKeyId).toMatch(FP);
    expect(province.entry.ageKeyId).toMatch(FP);
    expect(province.entry.signingKeyId).not.toBe(national.entry.signingKeyId);
  });

  it('rejects a tampered key card', async () => {
    const { makeKeyCard } = await import('../../../../electron/sync/format/index.js');
    const card = makeKeyCard(province.keys, { level: 'province', unitCode: '12', name: 'ភ្នំពេញ', parentOfficeId: 'kh' });
    expect(parseKeyCard(card.qrPayload).signingKeyId).toBe(card.signingKeyId);
    const [prefix, rest] = [card.qrPayload.slice(0, 13), card.qrPayload.slice(13)];
    const body = JSON.parse(Buffer.from(rest.split('.')[0]!, 'base64url').toString());
    body.ageRecipient = national.keys.ageRecipient;
    const forged = `${prefix}${Buffer.from(JSON.stringify(body)).toString('base64url')}.${rest.split('.')[1]}`;
    expect(() => parseKeyCard(forged)).toThrow(/sync.badKeyCard/);
    expect(() => parseKeyCard('hello')).toThrow(/sync.badKeyCard/);
  });
});

describe('key directory', async () => {
  const national = await makeOffice('kh', 'national', null);
  const province = await makeOffice('kh-12', 'province', 'kh');
  const pinned = toBase64(national.keys.signingPublic);
  const v1 = directoryOf(national, [province], 1);
  const v2 = directoryOf(national, [{ ...province, entry: { ...province.entry, status: 'revoked' } }], 2);

  it('verifies against the pinned national key', () => {
    expect(verifyDirectory(signDirectory(v1, national.keys), pinned)).toEqual(v1);
    expect(() => verifyDirectory(signDirectory(v1, province.keys), pinned)).toThrow(/sync.badSignature/);
    const signed = signDirectory(v1, national.keys);
    expect(() => verifyDirectory({ ...signed, body: signed.body.replace('"version":1', '"version":9') }, pinned)).toThrow(/sync.badSignature/);
    expect(() => verifyDirectory({ ...signed, format: 'x' } as never, pinned)).toThrow(/sync.badDirectory/);
  });

  it('never lets an older directory replace a newer one', () => {
    expect(compareDirectory(null, v1)).toBe('newer');
    expect(compareDirectory(v1, v2)).toBe('newer');
    expect(compareDirectory(v2, structuredClone(v2))).toBe('same');
    expect(() => compareDirectory(v2, v1)).toThrow(/sync.olderDirectory/);
    expect(() => compareDirectory(v2, { ...v2, issuedAt: 'x' })).toThrow(/sync.directoryConflict/);
  });
});
