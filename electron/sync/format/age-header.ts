import { fail } from './errors.js';
import type { Limits } from './api.js';

const VERSION_LINE = 'age-encryption.org/v1\n';
const ALLOWED_STANZAS = new Set(['X25519']);

/**
 * Caps the age header before typage sees it (typage itself has no header limits): version line,
 * at most `maxRecipients` stanzas, X25519 only, MAC line within `maxAgeHeader` bytes.
 */
export function checkAgeHeader(payload: Uint8Array, limits: Limits, file: string): void {
  const window = Buffer.from(payload.buffer, payload.byteOffset, Math.min(payload.length, limits.maxAgeHeader));
  const text = window.toString('latin1');
  if (!text.startsWith(VERSION_LINE)) fail('sync.badAgeHeader', file);
  const mac = text.indexOf('\n--- ');
  const macEnd = mac === -1 ? -1 : text.indexOf('\n', mac + 1);
  if (macEnd === -1) {
    if (payload.length > limits.maxAgeHeader) fail('sync.tooLarge', file, { part: 'ageHeader', limit: limits.maxAgeHeader });
    fail('sync.badAgeHeader', file);
  }
  const lines = text.slice(VERSION_LINE.length, mac + 1).split('\n');
  let stanzas = 0;
  for (const line of lines) {
    if (!line.startsWith('-> ')) continue;
    stanzas++;
    const type = line.slice(3).split(' ')[0] ?? '';
    if (!ALLOWED_STANZAS.has(type)) fail('sync.badAgeHeader', file);
  }
  if (stanzas === 0) fail('sync.badAgeHeader', file);
  if (stanzas > limits.maxRecipients) fail('sync.tooLarge', file, { part: 'recipients', limit: limits.maxRecipients });
}
