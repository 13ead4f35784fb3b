import type { i18n as I18n } from 'i18next';
import { resources } from './resources.js';

const KINDS = (resources.en.translation as unknown as { recordKind: Record<string, string> }).recordKind;

/**
 * What a kind of record is called in the UI language (`stay` → "Stay" / "ការស្នាក់នៅ"), for places that
 * name records by their table (audit entries, sync summaries and messages); null for a kind this version
 * does not know (a newer office's), which the caller shows its own way.
 */
export function recordKind(t: I18n['t'], entity: string): string | null {
  return Object.hasOwn(KINDS, entity) ? (t(`recordKind.${entity}` as never) as unknown as string) : null;
}
