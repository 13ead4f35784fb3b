import { useMemo } from 'react';
import {
  codeName, digits, displayDate, displayDay, displayNumber, nationalityName, nationalityWithCode, type DisplayLanguage,
} from '../../shared/display.js';
import type { CodeListName } from '../../shared/reference/codelists.js';
import { useLanguage } from './i18n.js';
import { useOfficeZone } from './office-time.js';

export interface Format {
  language: DisplayLanguage;
  /** `2026-11-21` or a stored date-time → `21 November 2026` / `២១ វិច្ឆិកា ២០២៦ ០៩:០៥` at the office's clock; empty → `—`. */
  date: (value: string | null | undefined) => string;
  /** Only the day of a date or date-time. */
  day: (value: string | null | undefined) => string;
  number: (value: number) => string;
  /** Digits of composed text (room numbers, times) in the language's digits. */
  digits: (value: string | number) => string;
  nationality: (code: string | null | undefined) => string;
  nationalityWithCode: (code: string | null | undefined) => string;
  code: (list: CodeListName, code: string | null | undefined) => string;
}

/** Formatting bound to the UI language; re-renders when the language changes. */
export function useFormat(): Format {
  const language = useLanguage();
  const zone = useOfficeZone();
  return useMemo(() => ({
    language,
    date: (value) => displayDate(value, language, zone),
    day: (value) => displayDay(value, language, zone),
    number: (value) => displayNumber(value, language),
    digits: (value) => digits(value, language),
    nationality: (code) => nationalityName(code, language),
    nationalityWithCode: (code) => nationalityWithCode(code, language),
    code: (list, code) => codeName(list, code, language),
  }), [language, zone]);
}
