import { useTranslation } from 'react-i18next';
import { cleanLine, isCompleteMrz } from '../../../shared/mrz.js';

/** Lines a person has typed so far that could still be a three-line card (each of 30 characters). */
function mayBeCardInProgress(text: string): boolean {
  const lines = text.split(/[\r\n\t]+/).map(cleanLine).filter(Boolean);
  return lines.length < 3 && lines.length > 0 && lines.every((l) => l.length === 30);
}

/**
 * Where a desk reader "types" the MRZ. Readers differ: CR, LF or Tab between the lines, or nothing at
 * all (88 characters then Enter). A whole MRZ is read as soon as it is there; Enter reads what there is
 * once it has two lines (three for an identity card); Tab between lines stays in the box as a line break.
 */
export function MrzInput({ value, onChange, onSubmit }: { value: string; onChange: (v: string) => void; onSubmit: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('reg.mrz.label')}
      <textarea
        className="mono mrz" rows={3} cols={46} wrap="off" spellCheck={false} value={value} autoFocus
        onChange={(e) => {
          const text = e.target.value;
          onChange(text);
          if (isCompleteMrz(text) && !isCompleteMrz(value)) onSubmit(text);
        }}
        onKeyDown={(e) => {
          const box = e.currentTarget;
          if (e.key === 'Tab' && !e.shiftKey && value.trim() !== '' && !isCompleteMrz(value)) {
            // A reader's Tab between lines: keep it as a line break instead of leaving the box.
            e.preventDefault();
            box.setRangeText('\n', box.selectionStart, box.selectionEnd, 'end');
            onChange(box.value);
            return;
          }
          if (e.key !== 'Enter') return;
          const lines = value.split(/[\r\n\t]+/).filter((l) => l.trim());
          if (isCompleteMrz(value) || (lines.length >= 2 && !mayBeCardInProgress(value))) {
            e.preventDefault();
            onSubmit(value);
          }
        }}
      />
      <span className="hint">{t('input.mrz.hint')}</span>
    </label>
  );
}
