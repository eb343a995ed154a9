/**
 * `npm run icons`: renders assets/icon.svg (our own drawing) to the PNGs both builds name in their
 * manifests, public/icon/16.png, 32, 48 and 128, in headless Chromium (playwright-core, the same
 * Debian chromium the tests use), on a transparent background. The PNGs are committed; run this again
 * after changing the drawing. It also writes artifacts/icons/toolbars.png: each size on a light and
 * a dark toolbar, to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/browsers';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const svg = readFileSync('assets/icon.svg', 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
try {
  mkdirSync('public/icon', { recursive: true });
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
    await page.close();
  }
  mkdirSync('artifacts/icons', { recursive: true });
  const page = await browser.newPage({ viewport: { width: 300, height: 456 }, deviceScaleFactor: 2 });
  const row = (background: string) =>
    `<div style="display:flex;gap:16px;align-items:center;padding:12px;background:${background}">${ICON_SIZES.map((s) => `<img src="${dataUrl}" width="${s}" height="${s}">`).join('')}</div>`;
  await page.setContent(`<html><body style="margin:0">${row('#f1f3f4')}${row('#202124')}${row('#2b2a33')}</body></html>`);
  await page.screenshot({ path: 'artifacts/icons/toolbars.png' });
  console.log('icons: public/icon/{16,32,48,128}.png, artifacts/icons/toolbars.png');
} finally {
  await browser.close();
}
