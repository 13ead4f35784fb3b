import { useEffect, useState } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { createI18n, errorMessage, isLanguage, type Language } from '../../shared/i18n/index.js';
import { call } from './api.js';

const LANGUAGE_SETTING = 'ui.language';

// Khmer first: it is the office's language; the remembered choice replaces it at start.
const remembered = localStorage.getItem(LANGUAGE_SETTING);
export const i18n = createI18n(isLanguage(remembered) ? remembered : 'km', { plugins: [initReactI18next] });

function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  localStorage.setItem(LANGUAGE_SETTING, language);
}

/** Loads the remembered language from the database (the source of truth across windows). */
export async function restoreLanguage(): Promise<void> {
  try {
    const saved = await call('settings.get', { key: LANGUAGE_SETTING });
    if (isLanguage(saved)) applyLanguage(saved);
    else document.documentElement.lang = i18n.language;
  } catch {
    document.documentElement.lang = i18n.language;
  }
}

export async function switchLanguage(language: Language): Promise<void> {
  applyLanguage(language);
  // Signed out (sign-in screen), the choice is only remembered by this window until someone signs in.
  await call('settings.set', { key: LANGUAGE_SETTING, value: language }).catch(() => undefined);
}

export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  const [language, setLanguage] = useState(instance.language as Language);
  useEffect(() => {
    const update = (lng: string) => setLanguage(lng as Language);
    instance.on('languageChanged', update);
    return () => instance.off('languageChanged', update);
  }, [instance]);
  return language;
}

export { errorMessage };
