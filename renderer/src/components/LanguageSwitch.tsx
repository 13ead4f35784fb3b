import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { switchLanguage, useLanguage } from '../i18n.js';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((lng) => (
        <button key={lng} type="button" lang={lng} aria-pressed={language === lng} onClick={() => void switchLanguage(lng)}>
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
