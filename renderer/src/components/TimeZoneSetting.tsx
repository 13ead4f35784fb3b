import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toKhmerDigits } from '../../../shared/khmer.js';
import { DEFAULT_TIME_ZONE, TIME_ZONE_SETTING } from '../../../shared/local-time.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { setOfficeZone, useOfficeZone } from '../office-time.js';
import { ErrorMessage } from './ErrorMessage.js';

/** The zone's offset from UTC at a fixed instant, e.g. "+07:00". */
function offsetOf(zone: string): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(0).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

/**
 * The zones to choose from, Phnom Penh first. English lists every IANA zone with its offset;
 * Khmer has no zone names in the browser, so it offers one entry per offset, in Khmer words and digits.
 */
function zoneOptions(language: string, khmer: { phnomPenh: string; offset: (offset: string) => string }): { value: string; label: string }[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const ordered = [DEFAULT_TIME_ZONE, ...all.filter((z) => z !== DEFAULT_TIME_ZONE)];
  if (language !== 'km') return ordered.map((zone) => ({ value: zone, label: `${zone} (UTC${offsetOf(zone)})` }));
  const seen = new Set<string>();
  const options: { value: string; label: string }[] = [];
  for (const zone of ordered) {
    const offset = offsetOf(zone);
    if (seen.has(offset)) continue;
    seen.add(offset);
    options.push({ value: zone, label: zone === DEFAULT_TIME_ZONE ? khmer.phnomPenh : khmer.offset(offset) });
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
  const khmer = { phnomPenh: t('time.phnomPenh'), offset: (offset: string) => t('time.offsetZone', { offset: toKhmerDigits(offset) }) };
  const options = zoneOptions(i18n.language, khmer);
  // A zone set earlier that shares its offset with another keeps an entry of its own.
  if (!options.some((o) => o.value === value)) options.unshift({ value, label: i18n.language === 'km' ? khmer.offset(offsetOf(value)) : `${value} (UTC${offsetOf(value)})` });
  const labelOf = (z: string) => options.find((o) => o.value === z)?.label ?? z;
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
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          <p className="hint">{t('time.zoneHint')}</p>
        </div>
        <button type="submit">{t('time.save')}</button>
        {saved ? <p role="status">{t('time.zoneSaved', { zone: labelOf(saved) })}</p> : null}
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </section>
  );
}
