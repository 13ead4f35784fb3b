import { ed25519 } from '@noble/curves/ed25519.js';
import { concat, utf8 } from './encoding.js';

/** Domain prefixes so a signature made for one purpose is never valid for another. */
export type SignDomain = 'bundle' | 'manifest' | 'directory' | 'keycard' | 'record';

function framed(domain: SignDomain, message: Uint8Array): Uint8Array {
  return concat([utf8.encode(`banhchi/${domain}/v1\0`), message]);
}

export function publicKeyOf(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(seed);
}

/** Ed25519 (RFC 8032, pure) over the domain prefix + message; 64 bytes. */
export function sign(domain: SignDomain, message: Uint8Array, seed: Uint8Array): Uint8Array {
  return ed25519.sign(framed(domain, message), seed);
}

export function verify(domain: SignDomain, message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return ed25519.verify(signature, framed(domain, message), publicKey, { zip215: false });
  } catch {
    return false;
  }
}
