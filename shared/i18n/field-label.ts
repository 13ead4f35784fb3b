import type { i18n as I18n } from 'i18next';
import { fieldName } from '../validation.js';
import { resources } from './resources.js';

/** Fields whose label depends on the record: a premises' or employer's `nameKm` is its name, a person's is theirs. */
const BY_ENTITY: Record<string, Record<string, string>> = {
  premises: { nameKm: 'reg.field.premisesNameKm' },
  employers: { nameKm: 'reg.field.premisesNameKm' },
  employer: { nameKm: 'reg.field.premisesNameKm' },
  accounts: { username: 'accounts.field.username', password: 'accounts.field.password', nameEn: 'accounts.field.nameEn', nameKm: 'accounts.field.nameKm', role: 'accounts.field.role', minutes: 'accounts.field.minutes' },
  session: { username: 'accounts.field.username', password: 'accounts.field.password' },
};

/**
 * A field's label in the UI language from its path in a request (`fields.surname`, `patch.nameKm`),
 * the same labels the forms show; `input.field.<name>` covers fields with no form label of their own.
 * Never the key itself: an unknown field is "this field".
 */
export function fieldLabel(t: I18n['t'], path: string, entity?: string): string {
  const name = fieldName(path);
  const candidates = [entity ? BY_ENTITY[entity]?.[name] : undefined, `reg.field.${name}`, `input.field.${name}`].filter((k): k is string => !!k);
  // Both languages have the same keys (a test holds this), so English tells which exist.
  const key = candidates.find(exists);
  if (key) return t(key as never) as unknown as string;
  return t('input.field.unknown' as never) as unknown as string;
}

function exists(key: string): boolean {
  let node: unknown = resources.en.translation;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** `surname, sex` (keys, as a backend lists them) → the labels, joined with the language's comma. */
export function fieldLabels(t: I18n['t'], keys: string, entity?: string): string {
  return keys.split(/\s*,\s*/).filter(Boolean).map((key) => fieldLabel(t, key, entity)).join(', ');
}
