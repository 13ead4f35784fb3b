import { describe, expect, it } from 'vitest';
import {
  canonicalNationality, codeName, dateToInput, digits, displayDate, displayDay, nationalityEquivalents, nationalityName,
  nationalityOptions, nationalityWithCode, parseDateInput, parseTimeInput, searchNationalities, displayTime, timeToInput,
} from '../../shared/display.js';
import { createI18n } from '../../shared/i18n/index.js';

describe('nationalities by name', () => {
  it('names ISO and ICAO-only codes in both languages', () => {
    expect(nationalityName('CHN', 'en')).toBe("People's Republic of China");
    expect(nationalityName('CHN', 'km')).toBe('ចិន');
    expect(nationalityName('D', 'en')).toBe('Germany');
    expect(nationalityName('D', 'km')).toBe('អាល្លឺម៉ង់');
    expect(nationalityName('XXA', 'km')).toBe('ជនគ្មានសញ្ជាតិ');
    expect(nationalityName('GBD', 'en')).toBe('British Overseas Territories Citizen');
    expect(nationalityName('QQQ', 'en')).toBe('QQQ');
    expect(nationalityName(null, 'en')).toBe('—');
    expect(nationalityWithCode('D', 'en')).toBe('Germany (D)');
  });

  it('has a Khmer name for every choice', () => {
    const options = nationalityOptions('km');
    expect(options.length).toBeGreaterThan(250);
    expect(options.filter((o) => !/[\u1780-\u17FF]/.test(o.name)).map((o) => o.code)).toEqual([]);
  });

  it('treats D and DEU as the same state', () => {
    expect(canonicalNationality('d')).toBe('DEU');
    expect(nationalityEquivalents('D')).toEqual(['DEU', 'D']);
    expect(nationalityEquivalents('DEU')).toEqual(['DEU', 'D']);
    expect(nationalityEquivalents('CHN')).toEqual(['CHN']);
  });

  it('finds Germany by its name in either language and by either code', () => {
    for (const [query, language] of [['Germany', 'en'], ['germ', 'en'], ['DEU', 'en'], ['D', 'en'], ['deu', 'km'], ['អាល្លឺ', 'km'], ['Germany', 'km']] as const) {
      expect(searchNationalities(query, language)[0]?.code, `${query} (${language})`).toBe('DEU');
    }
    expect(searchNationalities('viet', 'km')[0]).toMatchObject({ code: 'VNM', name: 'វៀតណាម' });
    expect(searchNationalities('stateless', 'en')[0]?.code).toBe('XXA');
    expect(searchNationalities('china', 'en')[0]?.code).toBe('CHN');
    expect(searchNationalities('zzzz', 'en')).toEqual([]);
  });
});

describe('code lists by label', () => {
  it('shows visa types and work statuses by label', () => {
    expect(codeName('visaType', 'EB', 'en')).toMatch(/business/);
    expect(codeName('workStatus', 'no_permit', 'km')).toBe('គ្មានប័ណ្ណការងារ');
    expect(codeName('visaType', null, 'en')).toBe('—');
  });
});

describe('dates in the UI language', () => {
  it('writes dates and date-times with month names and the language digits', () => {
    expect(displayDate('2026-03-14', 'km')).toBe('១៤ មីនា ២០២៦');
    expect(displayDate('2026-03-14', 'en')).toBe('14 March 2026');
    expect(displayDate('2026-03-14T06:30:00+07:00', 'km')).toBe('១៤ មីនា ២០២៦ ០៦:៣០');
    // A change-log instant (UTC) at the office's clock: 23:10 UTC is the next morning in Phnom Penh.
    expect(displayDate('2026-03-13T23:10:00.000Z', 'en')).toBe('14 March 2026 06:10');
    expect(displayDay('2026-03-13T23:10:00.000Z', 'en')).toBe('14 March 2026');
    expect(displayDate('', 'en')).toBe('—');
    expect(displayDate('soon', 'en')).toBe('soon');
  });

  it('uses one digit system per language', () => {
    expect(digits('Room 12B', 'km')).toBe('Room ១២B');
    expect(digits('១២', 'en')).toBe('12');
  });

  it('reads what a clerk types, day first', () => {
    for (const typed of ['14/03/1988', '14/3/1988', '14.3.1988', '14-03-1988', '14 3 1988', '14031988', '១៤/០៣/១៩៨៨', '14 March 1988', '14 mar 1988', '១៤ មីនា ១៩៨៨', 'ថ្ងៃទី១៤ ខែមីនា ឆ្នាំ១៩៨៨', '1988-03-14']) {
      expect(parseDateInput(typed), typed).toBe('1988-03-14');
    }
  });

  it('refuses what is not a real date', () => {
    for (const typed of ['', '29/02/2027', '31/04/2026', '14/13/1988', '14/03/88', '03/14', 'tomorrow', '14 Foo 1988']) {
      expect(parseDateInput(typed), typed).toBeNull();
    }
    expect(parseDateInput('29/02/2028')).toBe('2028-02-29');
  });

  it('shows a stored date in the field as dd/mm/yyyy in the language digits', () => {
    expect(dateToInput('1988-03-14', 'en')).toBe('14/03/1988');
    expect(dateToInput('1988-03-14', 'km')).toBe('១៤/០៣/១៩៨៨');
  });
});

describe('plurals through i18next', () => {
  it('says 1 foreigner and 2 foreigners, with Khmer digits in Khmer', () => {
    const en = createI18n('en', { strict: true });
    const km = createI18n('km', { strict: true });
    expect(en.t('display.count.foreigners', { count: 1 })).toBe('1 foreigner');
    expect(en.t('display.count.foreigners', { count: 2 })).toBe('2 foreigners');
    expect(en.t('display.count.foreigners', { count: 1234 })).toBe('1,234 foreigners');
    expect(km.t('display.count.foreigners', { count: 2 })).toBe('ជនបរទេស ២ នាក់');
  });
});

describe('times typed and shown', () => {
  it('reads 24-hour, 12-hour and Khmer times of day, with Khmer digits', () => {
    const cases: [string, string][] = [
      ['14:30', '14:30'], ['1430', '14:30'], ['14.30', '14:30'], ['14h30', '14:30'], ['9:05', '09:05'], ['9', '09:00'], ['0:00', '00:00'],
      ['2:30 pm', '14:30'], ['2.30PM', '14:30'], ['12 am', '00:00'], ['12:15 pm', '12:15'], ['7 a.m.', '07:00'],
      ['១៤:៣០', '14:30'], ['២:៣០ រសៀល', '14:30'], ['ម៉ោង ៨ យប់', '20:00'], ['ម៉ោង ៤:០០ យប់', '04:00'], ['១២:៣១ យប់', '00:31'],
      ['៧ ព្រឹក', '07:00'], ['១២ ថ្ងៃត្រង់', '12:00'], ['១ ថ្ងៃ', '13:00'], ['៦ ល្ងាច', '18:00'],
    ];
    for (const [typed, time] of cases) expect(parseTimeInput(typed), typed).toBe(time);
    for (const typed of ['', '24:00', '12:60', '13 pm', '0 am', 'noon?', '1:2', '123456', 'ab:cd']) expect(parseTimeInput(typed), typed).toBeNull();
  });

  it('shows a time with its time of day, and every shown time reads back as itself', () => {
    expect(displayTime('14:30', 'en')).toBe('2:30 pm');
    expect(displayTime('00:31', 'en')).toBe('12:31 am');
    expect(displayTime('14:30', 'km')).toBe('ម៉ោង ២:៣០ រសៀល');
    expect(displayTime('00:31', 'km')).toBe('ម៉ោង ១២:៣១ យប់');
    expect(timeToInput('09:05', 'km')).toBe('០៩:០៥');
    for (let minutes = 0; minutes < 24 * 60; minutes += 7) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      expect(parseTimeInput(displayTime(time, 'km')), time).toBe(time);
      expect(parseTimeInput(timeToInput(time, 'km')), time).toBe(time);
      if (time !== '00:00' && time !== '12:00') expect(parseTimeInput(displayTime(time, 'en')), time).toBe(time);
    }
  });
});
