/** A person's name in the UI language: Khmer in the Khmer screens, English in the English ones. */
export function userName(user: { nameEn: string; nameKm: string }, language: 'km' | 'en'): string {
  return (language === 'km' ? user.nameKm : user.nameEn) || user.nameEn || user.nameKm;
}
