import { useTranslation } from 'react-i18next';
import { officeName } from '../../../shared/display.js';
import { formatNumber } from '../../../shared/khmer.js';
import { useQuery } from '../hooks.js';
import { useLanguage } from '../i18n.js';
import { homeWidgets } from '../sections.js';

export function HomeScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const info = useQuery('info.get', {});
  return (
    <section>
      <h1>{t('home.title')}</h1>
      {info.data?.office ? <p>{t('home.welcome', { office: officeName(info.data.office, language) })}</p> : null}
      {info.data ? (
        <p>
          {t('home.summary', {
            units: formatNumber(info.data.counts.admin_unit ?? 0, language),
            changes: formatNumber(info.data.counts.change_log ?? 0, language),
          })}
        </p>
      ) : null}
      {homeWidgets.map((Widget, index) => (
        <Widget key={index} />
      ))}
    </section>
  );
}
