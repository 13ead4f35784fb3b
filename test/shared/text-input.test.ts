import { describe, expect, it } from 'vitest';
import { textProblems, unstorableCharacter } from '../../shared/text-input.js';

describe('characters that cannot be stored', () => {
  it('finds emoji, flags, skin tones and controls', () => {
    expect(unstorableCharacter('LI 😀')).toBe('😀');
    expect(unstorableCharacter('Hotel 🇰🇭')).toBe('🇰');
    expect(unstorableCharacter('OK👍🏽')).toBe('👍');
    expect(unstorableCharacter('A\u0000B')).toBe('U+0000');
    expect(unstorableCharacter('A\u009FB')).toBe('U+009F');
  });
  it('accepts Khmer, accented Latin, © ® ™, tabs and line breaks', () => {
    for (const text of ['ចាន់ សុខា', 'ផ្ទះ​សំណាក់', 'Müller-Lüdenscheidt', 'Sokha Hotel®', 'ACME™ ©2024', 'line 1\nline 2\tend', 'Nguyễn']) {
      expect(unstorableCharacter(text)).toBeNull();
    }
  });
  it('walks a request and names each field with its path; Limon only in Khmer fields', () => {
    expect(textProblems({ fields: { surname: 'PICARD', nameKm: 'PñMeBj', note: 'PñMeBj' }, items: ['ok', 'x😀'] })).toEqual([
      { code: 'validation.limon', params: { field: 'fields.nameKm', sample: 'PñMeBj' } },
      { code: 'validation.unstorable', params: { field: 'items.1', char: '😀' } },
    ]);
  });
});
