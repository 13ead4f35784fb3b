import { useTranslation } from 'react-i18next';

export type PlaceholderSection = 'premises' | 'foreigners' | 'documents' | 'sync' | 'reports';

/** An empty section that says what will come there. */
export function PlaceholderScreen({ section }: { section: PlaceholderSection }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t(`nav.${section}`)}</h1>
      <p className="placeholder">{t(`placeholder.${section}`)}</p>
    </section>
  );
}
