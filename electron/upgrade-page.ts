import type { UpgradeStep } from './db/open.js';

type Translate = (key: 'upgrade.start' | 'upgrade.step', params: Record<string, string | number>) => string;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page the desktop app shows while an existing register is upgraded, before the main window can open
 * (a national register of a million foreigners takes about half a minute): what is happening, the step,
 * and not to close the program. Static HTML with no script, loaded as a data: URL and replaced at each step.
 */
export function upgradePage(t: Translate, lang: 'en' | 'km', step: UpgradeStep, khmerFont?: Buffer | null): string {
  const lines = [
    t('upgrade.start', { from: step.from, total: step.total }),
    t('upgrade.step', { step: Math.min(step.done + 1, step.total), total: step.total, version: step.version }),
  ];
  const percent = Math.round((100 * step.done) / Math.max(1, step.total));
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">`,
    '<title>Banhchi</title>',
    // The app's own Khmer font (the renderer's), embedded: a data: page cannot load it from app://, and not every PC has one.
    khmerFont ? `<style>@font-face{font-family:"Noto Sans Khmer";src:url(data:font/woff2;base64,${khmerFont.toString('base64')}) format("woff2")}</style>` : '',
    '<style>body{font-family:"Noto Sans Khmer","Khmer UI","Khmer OS System","Leelawadee UI",system-ui,sans-serif;margin:32px;line-height:1.7;color:#1f2937}',
    'p{margin:0 0 12px}.bar{height:8px;background:#e5e7eb;border-radius:4px;overflow:hidden}.bar div{height:100%;background:#1d4ed8}</style>',
    '</head><body>',
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${percent}"><div style="width:${percent}%"></div></div>`,
    '</body></html>',
  ].join('\n');
}

/** The page as a URL the main process can load into a window. */
export function upgradePageUrl(html: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
