import { useTranslation } from 'react-i18next';

/**
 * Where a hotel-desk reader "types" both MRZ lines and Enter: Enter after the second line submits
 * instead of starting a third line.
 */
export function MrzInput({ value, onChange, onSubmit }: { value: string; onChange: (v: string) => void; onSubmit: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('reg.mrz.label')}
      <textarea
        className="mono mrz" rows={2} cols={46} wrap="off" spellCheck={false} value={value} autoFocus
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          if (value.split(/\r?\n/).filter((l) => l.trim()).length >= 2) {
            e.preventDefault();
            onSubmit(value);
          }
        }}
      />
      <span className="hint">{t('reg.mrz.hint')}</span>
    </label>
  );
}
