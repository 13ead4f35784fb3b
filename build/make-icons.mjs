// Draws Banhchi's icon and writes the sizes electron-builder wants: build/icons/<n>x<n>.png
// (Linux, 16–512), build/icon.png (512) and build/icon.ico (Windows, 16–256). Run by hand after
// changing the drawing: `node build/make-icons.mjs` (needs Chromium at /usr/bin/chromium).
//
// The drawing: a register page (បញ្ជី means "register") on the police-blue of Cambodian official
// documents, its gold header band, the Khmer letter ប in Moul — the typeface of official
// headings — and the ruled lines of a ledger. Below 48 px only the letter on blue remains, so
// it still reads in a taskbar.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const moul = readFileSync(path.join(root, 'node_modules/@expo-google-fonts/moul/400Regular/Moul_400Regular.ttf')).toString('base64');

function svg(size) {
  const detailed = size >= 48;
  const page = detailed
    ? `<rect x="104" y="92" width="304" height="340" rx="22" fill="#fbf7ec"/>
       <rect x="104" y="92" width="304" height="64" rx="22" fill="#d4a52a"/>
       <rect x="104" y="130" width="304" height="26" fill="#d4a52a"/>
       <circle cx="148" cy="124" r="10" fill="#fbf7ec"/><circle cx="364" cy="124" r="10" fill="#fbf7ec"/>
       <text x="256" y="330" text-anchor="middle" font-family="Moul" font-size="176" fill="#17376b">ប</text>
       <g stroke="#9fb0cc" stroke-width="8" stroke-linecap="round">
         <line x1="148" y1="372" x2="364" y2="372"/><line x1="148" y1="402" x2="300" y2="402"/>
       </g>`
    : `<text x="256" y="400" text-anchor="middle" font-family="Moul" font-size="380" fill="#f2c744">ប</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512">
    <style>@font-face { font-family: Moul; src: url(data:font/ttf;base64,${moul}); }</style>
    <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#23498a"/><stop offset="1" stop-color="#142c57"/></linearGradient></defs>
    <rect width="512" height="512" rx="${detailed ? 96 : 64}" fill="url(#bg)"/>
    ${page}
  </svg>`;
}

/** A .ico holding PNG images (Windows Vista and later read PNG entries; 256 is written as 0). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
const sizes = [16, 24, 32, 48, 64, 128, 256, 512];
const pngs = new Map();
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
  await page.evaluate(() => globalThis.document.fonts.ready);
  pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
}
await browser.close();

mkdirSync(path.join(root, 'build/icons'), { recursive: true });
for (const [size, png] of pngs) writeFileSync(path.join(root, `build/icons/${size}x${size}.png`), png);
writeFileSync(path.join(root, 'build/icon.png'), pngs.get(512));
writeFileSync(path.join(root, 'build/icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) }))));
console.log(`wrote build/icons/{${sizes.join(',')}}, build/icon.png, build/icon.ico`);
