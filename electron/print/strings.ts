import en from '../../shared/i18n/en/print.json' with { type: 'json' };
import km from '../../shared/i18n/km/print.json' with { type: 'json' };
import enCampaigns from '../../shared/i18n/en/campaigns.json' with { type: 'json' };
import kmCampaigns from '../../shared/i18n/km/campaigns.json' with { type: 'json' };
import enKeys from '../../shared/i18n/en/keys.json' with { type: 'json' };
import kmKeys from '../../shared/i18n/km/keys.json' with { type: 'json' };
import { formatDate, toKhmerDigits } from '../../shared/khmer.js';

/** How a document is printed: Khmer with English beneath (default), Khmer only, English only. */
export type PrintLang = 'km+en' | 'km' | 'en';
export const PRINT_LANGS = ['km+en', 'km', 'en'] as const;

/** print.json, plus the `print` subtree of feature files that print their own documents (campaigns: the inspection report; keys: the recovery sheet). */
const withFeature = (base: unknown, feature: { print: object }): Tree =>
  ({ print: { ...(base as { print: Tree }).print, ...(feature.print as Tree) } });
const FILES = { en: withFeature(withFeature(en, enCampaigns), enKeys), km: withFeature(withFeature(km, kmCampaigns), kmKeys) };
interface Tree {
  [key: string]: string | Tree;
}

export type Params = Record<string, string | number>;

/** A string from shared/i18n/{en,km}/print.json with `{{name}}` filled in; numbers in Khmer digits for km. */
export function tr(language: 'en' | 'km', key: string, params: Params = {}): string {
  let node: string | Tree | undefined = FILES[language];
  for (const part of `print.${key}`.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`print: missing string ${language}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return '';
    return language === 'km' && typeof value === 'number' ? toKhmerDigits(value) : String(value);
  });
}

/** The languages a mode prints, first one on top. */
export function languagesOf(mode: PrintLang): ('km' | 'en')[] {
  return mode === 'km+en' ? ['km', 'en'] : [mode];
}

/** A date as the document's main language writes it. */
export function dateIn(language: 'en' | 'km', iso: string | null | undefined): string {
  if (!iso) return '';
  return formatDate(iso.slice(0, 10), language);
}

/** Digits of a number or code in the language's digits. */
export function digits(language: 'en' | 'km', value: string | number): string {
  return language === 'km' ? toKhmerDigits(value) : String(value);
}
