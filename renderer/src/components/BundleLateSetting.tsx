import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { BUNDLE_LATE_DAYS, BUNDLE_LATE_DAYS_SETTING, MAX_BUNDLE_LATE_DAYS, parseBundleLateDays } from '../../../shared/reports/bundles.js';
import { api } from '../api.js';
import { useDigitsText } from '../digits-text.js';
import { useQuery } from '../hooks.js';
import { ErrorMessage } from './ErrorMessage.js';

/** At a province or the national office (Settings): after how many days without a bundle an office below is late. */
export function BundleLateSetting() {
  const { t } = useTranslation();
  const stored = useQuery('settings.get', { key: BUNDLE_LATE_DAYS_SETTING });
  const current = parseBundleLateDays(stored.data) ?? BUNDLE_LATE_DAYS;
  const days = useDigitsText(current);
  const [saved, setSaved] = useState<number>();
  const [error, setError] = useState<AppErrorShape>();
  const save = async () => {
    const r = await api['settings.set']({ key: BUNDLE_LATE_DAYS_SETTING, value: days.latin() });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setSaved(Number(r.value.value));
    days.reset();
    stored.reload();
  };
  return (
    <section className="card" aria-labelledby="bundle-late-title">
      <h2 id="bundle-late-title">{t('reports.bundles.settingTitle')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div className="field">
          <label htmlFor="bundle-late-days">{t('reports.bundles.settingLabel')}</label>
          <input id="bundle-late-days" className="digits" inputMode="numeric" maxLength={3} value={days.text}
            aria-invalid={error ? true : undefined} aria-describedby="bundle-late-hint"
            onChange={(e) => { days.type(e.target.value); setSaved(undefined); }} />
          <p className="hint" id="bundle-late-hint">{t('reports.bundles.settingHint', { max: MAX_BUNDLE_LATE_DAYS })}</p>
        </div>
        <button type="submit">{t('reports.bundles.settingSave')}</button>
        {saved !== undefined ? <p role="status">{t('reports.bundles.settingSaved', { days: saved })}</p> : null}
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </section>
  );
}
