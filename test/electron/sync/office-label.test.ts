import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createI18n, errorMessage, resources } from '../../../shared/i18n/index.js';
import { officeLabels, withOfficeNames } from '../../../electron/sync/office-label.js';
import { GAZETTEER_CSV } from '../../helpers/db.js';
import { enrol, makeOffice } from './world.js';

const en = createI18n('en', { strict: true }).t;
const km = createI18n('km', { strict: true }).t;

async function offices() {
  const national = await makeOffice('national', 'General Department of Immigration', null);
  const province = await makeOffice('province', 'Phnom Penh Immigration Police', national, '12');
  const commune = await makeOffice('commune', 'Tonle Basak Police Post', province, '120101');
  await enrol(national, [province, commune]);
  await province.ok('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER_CSV, 'utf8') });
  // The province's own Khmer name, as set up on its Settings screen.
  province.db.prepare('UPDATE office SET name_km = ? WHERE id = ?').run('ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ', province.id);
  return { national, province, commune };
}

/** Every sync message (errors.sync / syncdb / synctrust, in any resource file) with a placeholder that holds an office id. */
function officeMessages(): { code: string; placeholders: string[] }[] {
  const errors = (resources.en.translation as unknown as { errors: Record<string, Record<string, string>> }).errors;
  return ['sync', 'syncdb', 'synctrust'].flatMap((group) => Object.entries(errors[group] ?? {}).flatMap(([key, text]) => {
    const placeholders = [...text.matchAll(/\{\{(\w+)/g)].map((m) => m[1]!);
    return placeholders.some((p) => ['office', 'origin', 'owner'].includes(p)) ? [{ code: `${group}.${key}`, placeholders }] : [];
  }));
}

describe('sync messages name offices as people know them, never by id', () => {
  it('names: own office in both languages, directory offices by their name and in Khmer by their place, unknown offices not at all', async () => {
    const { national, province, commune } = await offices();
    const label = officeLabels(province.db);
    expect(label(province.id)).toEqual({ en: 'Phnom Penh Immigration Police', km: 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ' });
    expect(label(commune.id)).toEqual({ en: 'Tonle Basak Police Post', km: 'សង្កាត់ទន្លេបាសាក់' });
    // No place for the national office and no Khmer name: its name as it gave it.
    expect(label(national.id)).toEqual({ en: 'General Department of Immigration', km: 'General Department of Immigration' });
    expect(label('01920000-0000-7000-8000-000000000000')).toBeNull();
  });

  it('every sync message with an office in it reads with names in English and Khmer, and holds no office id', async () => {
    const { national, province, commune } = await offices();
    const messages = officeMessages();
    expect(messages.map((m) => m.code)).toEqual(expect.arrayContaining(['synctrust.foreignOrigin', 'synctrust.sequenceJump', 'syncdb.notOwner', 'sync.unknownKey']));
    const ids = { office: commune.id, origin: national.id, owner: province.id };
    for (const { code, placeholders } of messages) {
      const params = Object.fromEntries(placeholders.map((p) => [p, p in ids ? ids[p as keyof typeof ids] : p === 'file' ? 'bundle.bchb' : 3]));
      const named = withOfficeNames(province.db, { code, params });
      const english = errorMessage(en, named);
      const khmer = errorMessage(km, named);
      for (const text of [english, khmer]) {
        for (const id of Object.values(ids)) expect(text, `${code}: ${text}`).not.toContain(id);
        expect(text).not.toMatch(/\{\{|Km\b/);
      }
      if (placeholders.includes('office')) {
        expect(english, code).toContain('Tonle Basak Police Post');
        expect(khmer, code).toContain('សង្កាត់ទន្លេបាសាក់');
        expect(khmer, code).not.toContain('Tonle Basak');
      }
      if (placeholders.includes('owner')) {
        expect(english, code).toContain('Phnom Penh Immigration Police');
        expect(khmer, code).toContain('ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ');
      }
      if (placeholders.includes('origin')) expect(english, code).toContain('General Department of Immigration');
    }
  });

  it('an office not known here keeps its id, the one thing that tells it apart; details are named too', async () => {
    const { province, commune } = await offices();
    const stranger = '01920000-0000-7000-8000-00000000abcd';
    const named = withOfficeNames(province.db, {
      code: 'synctrust.invalidChanges', params: { file: 'b.bchb', count: 1, office: stranger },
      details: [{ code: 'syncdb.chainBroken', params: { file: 'b.bchb', seq: 2, office: commune.id } }],
    });
    expect(errorMessage(en, named)).toContain(`office ${stranger}`);
    expect(errorMessage(km, named.details![0]!)).toContain('ការិយាល័យ សង្កាត់ទន្លេបាសាក់');
    expect(errorMessage(km, named.details![0]!)).toContain('២');
  });
});
