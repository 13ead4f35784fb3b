import { useTranslation } from 'react-i18next';
import { LabelledControl } from './LabelledControl.js';
import type { AdminUnit } from '../../../shared/contract/foundation.js';
import { useQuery } from '../hooks.js';
import { useLanguage } from '../i18n.js';

export function unitName(unit: AdminUnit, language: 'en' | 'km'): string {
  // Khan and Sangkat read better untranslated than as "Section" and "Quarter".
  if (language === 'km') return `${unit.typeKm}${unit.nameKm}`;
  return `${unit.nameEn} ${unit.level === 'province' ? unit.typeEn : unit.typeLatin}`;
}

export interface UnitSelection {
  province: string;
  district: string;
  commune: string;
}

export const EMPTY_UNIT_SELECTION: UnitSelection = { province: '', district: '', commune: '' };

/** Province → district → commune from the gazetteer; `depth` stops at the level the caller needs. */
export function UnitPicker({
  value,
  onChange,
  depth = 'commune',
}: {
  value: UnitSelection;
  onChange: (value: UnitSelection) => void;
  depth?: 'province' | 'commune';
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const provinces = useQuery('gazetteer.units', { level: 'province' });
  const districts = useQuery('gazetteer.units', { parentCode: value.province || '-', level: 'district' });
  const communes = useQuery('gazetteer.units', { parentCode: value.district || '-', level: 'commune' });
  const options = (units: AdminUnit[] | undefined) =>
    (units ?? []).map((unit) => (
      <option key={unit.code} value={unit.code}>
        {unitName(unit, language)}
      </option>
    ));
  return (
    <div className="unit-picker">
      <LabelledControl label={t('setup.province')}>
        <select value={value.province} onChange={(e) => onChange({ province: e.target.value, district: '', commune: '' })}>
          <option value="">{t('setup.choose')}</option>
          {options(provinces.data)}
        </select>
      </LabelledControl>
      {depth === 'commune' ? (
        <>
          <LabelledControl label={t('setup.district')}>
            <select value={value.district} disabled={!value.province} onChange={(e) => onChange({ ...value, district: e.target.value, commune: '' })}>
              <option value="">{t('setup.choose')}</option>
              {options(districts.data)}
            </select>
          </LabelledControl>
          <LabelledControl label={t('setup.commune')}>
            <select value={value.commune} disabled={!value.district} onChange={(e) => onChange({ ...value, commune: e.target.value })}>
              <option value="">{t('setup.choose')}</option>
              {options(communes.data)}
            </select>
          </LabelledControl>
          {value.province && districts.data?.length === 0 ? <p className="hint">{t('setup.noDistricts')}</p> : null}
        </>
      ) : null}
    </div>
  );
}
