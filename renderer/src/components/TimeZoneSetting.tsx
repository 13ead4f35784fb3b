import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, TIME_ZONE_SETTING } from '../../../shared/local-time.js';
import type { AppErrorShape } from '../../../shared/errors.js';
import { api } from '../api.js';
import { setOfficeZone, useOfficeZone } from '../office-time.js';
import { ErrorMessage } from './ErrorMessage.js';

function zones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [DEFAULT_TIME_ZONE, ...all.filter((z) => z !== DEFAULT_TIME_ZONE)];
}

/** The office's time zone (Settings): every "today" and the 24-hour rule follow it. */
export function TimeZoneSetting() {
  const { t } = useTranslation();
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
            {zones().map((z) => <option key={z} value={z}>{z}</option>)}
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
