import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { publicKeyOf, sign, verify } from '../../../../electron/sync/crypto/sign.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

// RFC 8032 section 7.1, TEST 1–3.
const VECTORS = [
  {
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    public: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

describe('Ed25519 (RFC 8032 7.1)', () => {
  for (const [i, v] of VECTORS.entries()) {
    it(`TEST ${i + 1}`, () => {
      expect(Buffer.from(publicKeyOf(hex(v.secret))).toString('hex')).toBe(v.public);
      expect(Buffer.from(ed25519.sign(hex(v.message), hex(v.secret))).toString('hex')).toBe(v.signature);
      expect(ed25519.verify(hex(v.signature), hex(v.message), hex(v.public), { zip215: false })).toBe(true);
      const bad = hex(v.signature);
      bad[0]! ^= 1;
      expect(ed25519.verify(bad, hex(v.message), hex(v.public))).toBe(false);
    });
  }

  it('domain-separates the project signatures', () => {
    const seed = hex(VECTORS[0]!.secret);
    const pub = publicKeyOf(seed);
    const msg = new Uint8Array([1, 2, 3]);
    const sig = sign('bundle', msg, seed);
    expect(verify('bundle', msg, sig, pub)).toBe(true);
    expect(verify('manifest', msg, sig, pub)).toBe(false);
    expect(verify('bundle', msg, sig.subarray(0, 63), pub)).toBe(false);
  });
});
