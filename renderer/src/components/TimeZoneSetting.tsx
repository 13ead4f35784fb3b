import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, TIME_ZONE_SETTING } from '../../../shared/local-time.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { setOfficeZone, useOfficeZone } from '../office-time.js';
import { ErrorMessage } from './ErrorMessage.js';

/**
 * The zones to choose from, each named in the UI language by the browser's own time-zone names
 * (English: "Asia/Phnom_Penh — Indochina Time (GMT+07:00)"; Khmer: the Khmer name and offset, one
 * entry per distinct time, since Intl has no Khmer city names). Phnom Penh comes first.
 */
function zones(language: string): { value: string; label: string }[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const locale = language === 'km' ? 'km' : 'en';
  const seen = new Set<string>();
  const options: { value: string; label: string }[] = [];
  for (const zone of [DEFAULT_TIME_ZONE, ...all.filter((z) => z !== DEFAULT_TIME_ZONE)]) {
    const part = (style: 'long' | 'longOffset') =>
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(0).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const name = `${part('long')} (${part('longOffset')})`;
    if (locale === 'km') {
      if (seen.has(name)) continue;
      seen.add(name);
      options.push({ value: zone, label: name });
    } else {
      options.push({ value: zone, label: `${zone} — ${name}` });
    }
  }
  return options;
}

/** The office's time zone (Settings): every "today" and the 24-hour rule follow it. */
export function TimeZoneSetting() {
  const { t, i18n } = useTranslation();
  const zone = useOfficeZone();
  const [choice, setChoice] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<AppErrorShape>();
  const value = choice ?? zone;
  const save = async () => {
    const r = await api['settings.set']({ key: TIME_ZONE_SETTING, value });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setOfficeZone(value);
    setSaved(value);
  };
  return (
    <section className="card" aria-labelledby="time-title">
      <h2 id="time-title">{t('time.title')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div className="field">
          <label htmlFor="office-time-zone">{t('time.zone')}</label>
          <select id="office-time-zone" value={value} onChange={(e) => { setChoice(e.target.value); setSaved(undefined); }}>
            {(() => {
              const options = zones(i18n.language);
              // A zone set earlier that has no entry of its own in this language still shows as chosen.
              if (!options.some((o) => o.value === value)) options.unshift({ value, label: zones('en').find((o) => o.value === value)?.label ?? value });
              return options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
            })()}
          </select>
          <p className="hint">{t('time.zoneHint')}</p>
        </div>
        <button type="submit">{t('time.save')}</button>
        {saved ? <p role="status">{t('time.zoneSaved', { zone: saved })}</p> : null}
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </section>
  );
}
