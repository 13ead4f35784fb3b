import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromKhmerDigits, toKhmerDigits } from '../../shared/khmer.js';

/**
 * A small whole number typed in a text box in the UI language's digits: the saved value shown in Khmer digits in
 * Khmer until the user types (and again after a language switch or `reset`); `latin` is what was typed, in Latin digits.
 */
export function useDigitsText(saved: number): { text: string; type: (text: string) => void; reset: () => void; latin: () => string } {
  const { i18n } = useTranslation();
  const km = i18n.language === 'km';
  const [typed, setTyped] = useState<string>();
  useEffect(() => setTyped(undefined), [km]);
  const text = typed ?? (km ? toKhmerDigits(saved) : String(saved));
  return { text, type: setTyped, reset: () => setTyped(undefined), latin: () => fromKhmerDigits(text).trim() };
}
