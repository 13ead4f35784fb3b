import type { BundleKind, Change, ReceiptEntry, ReferenceItem } from './api.js';

const OPS = new Set(['insert', 'update', 'delete']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max = 200): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function exactKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
}

const CHANGE_KEYS = ['entity', 'op', 'id', 'origin', 'rev', 'actor', 'at', 'data'] as const;
const RECEIPT_KEYS = ['bundleId', 'sender', 'sequence', 'bundleHash'] as const;
const REFERENCE_KEYS = ['type', 'data'] as const;

function isChange(v: Record<string, unknown>): boolean {
  return (
    exactKeys(v, CHANGE_KEYS) &&
    isText(v.entity, 64) &&
    OPS.has(v.op as string) &&
    isText(v.id) &&
    isText(v.origin) &&
    Number.isSafeInteger(v.rev) &&
    (v.rev as number) >= 1 &&
    typeof v.actor === 'string' &&
    v.actor.length <= 200 &&
    isText(v.at, 40) &&
    (v.op === 'delete' ? v.data === null : isObject(v.data))
  );
}

const isPosition = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;

/** `missing` (format 2): the bundle named is held, waiting for sequences from..to; applied up to appliedUpTo. */
function isMissing(value: unknown): boolean {
  if (!isObject(value) || !exactKeys(value, ['from', 'to', 'appliedUpTo'])) return false;
  return isPosition(value.from) && isPosition(value.to) && (value.from as number) >= 1 && (value.from as number) <= (value.to as number)
    && isPosition(value.appliedUpTo);
}

function isReceipt(v: Record<string, unknown>): boolean {
  const held = Object.hasOwn(v, 'missing');
  return (
    (held ? exactKeys(v, [...RECEIPT_KEYS, 'missing']) && isMissing(v.missing) : exactKeys(v, RECEIPT_KEYS)) &&
    isText(v.bundleId) &&
    isText(v.sender) &&
    Number.isSafeInteger(v.sequence) &&
    (v.sequence as number) >= 1 &&
    typeof v.bundleHash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.bundleHash)
  );
}

function isReference(v: Record<string, unknown>): boolean {
  return exactKeys(v, REFERENCE_KEYS) && isText(v.type, 64) && v.data !== undefined;
}

/** Shape check of one record of `kind`; returns the key it is counted under, or null if invalid. */
export function recordCountKey(kind: BundleKind, value: unknown): string | null {
  if (!isObject(value)) return null;
  if (kind === 'changes') return isChange(value) ? (value as unknown as Change).entity : null;
  if (kind === 'receipt') return isReceipt(value) ? 'receipt' : null;
  return isReference(value) ? (value as unknown as ReferenceItem).type : null;
}

export type AnyRecord = Change | ReceiptEntry | ReferenceItem;
