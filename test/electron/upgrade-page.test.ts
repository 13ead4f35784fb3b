import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/index.js';
import { upgradePage, upgradePageUrl } from '../../electron/upgrade-page.js';

describe('the window shown while the desktop app upgrades a register', () => {
  const step = { from: 55, total: 13, done: 4, version: 60 };

  it('says what is happening and which step, in English and in Khmer with Khmer digits', () => {
    const en = upgradePage(createI18n('en').t, 'en', step);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Upgrading the register from version 55');
    expect(en).toContain('step 5 of 13');
    expect(en).toContain('aria-valuenow="31"');
    const km = upgradePage(createI18n('km').t, 'km', step);
    expect(km).toContain('<html lang="km">');
    expect(km).toContain('ជំហានទី ៥ ក្នុងចំណោម ១៣');
    expect(km).not.toMatch(/step|Upgrading/);
  });

  it('holds no script and escapes what it shows; loads as a data: URL', () => {
    const page = upgradePage((key) => `<img src=x onerror=alert(1)> ${key}`, 'en', step);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).toContain("default-src 'none'");
    const url = upgradePageUrl(page);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(page);
  });
});
