import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Clip, ColorScheme, LaunchBrowser } from './driver';
import { decodePng, type Picture } from './png';
import { ARTIFACTS } from './scenarios';
import { serveFixturePages } from './served';

type Rgb = [number, number, number];

/** WCAG 2's relative luminance of an sRGB colour (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
function luminance(colour: Rgb): number {
  const [r, g, b] = colour.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio): 1 to 21. */
function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The background (the commonest pixel) and the ink (the pixel farthest from it) of a shot of text. */
function backgroundAndInk(picture: Picture): { background: Rgb; ink: Rgb } {
  const counts = new Map<string, number>();
  const pixels: Rgb[] = [];
  for (let y = 0; y < picture.height; y++) {
    for (let x = 0; x < picture.width; x++) {
      const pixel = picture.rgb(x, y);
      pixels.push(pixel);
      counts.set(String(pixel), (counts.get(String(pixel)) ?? 0) + 1);
    }
  }
  const commonest = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  const background = commonest.split(',').map(Number) as Rgb;
  const distance = (p: Rgb) => Math.hypot(p[0] - background[0], p[1] - background[1], p[2] - background[2]);
  const ink = pixels.reduce((best, next) => (distance(next) > distance(best) ? next : best));
  return { background, ink };
}

/**
 * In the page: the first line box, inset a pixel, of each link in the framed paragraph and of each
 * trigger phrase outside links, with its text.
 */
function textBoxes(): { text: string; clip: Clip }[] {
  const links = [...document.querySelectorAll('article p:nth-of-type(2) a[href]')].map((link) => ({
    text: link.textContent ?? '',
    box: link.getClientRects()[0]!,
  }));
  const triggers = [...(CSS.highlights.get('counterframe-trigger') as unknown as Iterable<Range>)]
    .filter((range) => ![...document.querySelectorAll('a')].some((link) => range.intersectsNode(link)))
    .map((range) => ({ text: range.toString(), box: range.getClientRects()[0]! }));
  return [...links, ...triggers].map(({ text, box }) => {
    const [left, top] = [Math.ceil(box.left) + 1, Math.ceil(box.top) + 1];
    return { text, clip: { x: left, y: top, width: Math.floor(box.right) - 1 - left, height: Math.floor(box.bottom) - 1 - top } };
  });
}

/**
 * Highlighted text, on a page whose links are a light cyan: links and trigger phrases readable in light
 * and dark (WCAG AA, 4.5:1).
 */
export function describeLinkContrast(label: string, launch: LaunchBrowser): void {
  describe(`text inside highlights in ${label}`, () => {
    const server = serveFixturePages();

    for (const scheme of ['light', 'dark'] as ColorScheme[]) {
      it(`keeps a contrast of at least 4.5:1 between a link's or a trigger's text and the highlight behind it, ${scheme}`, async () => {
        const driver = await launch(scheme);
        try {
          const page = await driver.open(`${server.origin}/link-colours/source.html`);
          await page.waitFor(() => (CSS.highlights.get('counterframe-trigger')?.size ?? 0) > 0);
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
          // Two frames, so the highlights registered are painted before the shots.
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          const boxes = await page.evaluate(textBoxes);
          expect(boxes.map((b) => b.text)).toEqual(['AI arms race', "the commission's final report", 'fall behind']);
          const measured = [];
          for (const { text, clip } of boxes) {
            const { background, ink } = backgroundAndInk(decodePng(await page.clipShot(clip)));
            measured.push({ text, background, ink, ratio: Number(contrastRatio(background, ink).toFixed(2)) });
          }
          writeFileSync(`${ARTIFACTS}/${driver.name}-link-contrast-${scheme}.json`, `${JSON.stringify(measured, null, 2)}\n`);
          await page.viewportShot(`${ARTIFACTS}/${driver.name}-link-contrast-${scheme}.png`);
          for (const { text, ratio, background, ink } of measured)
            expect(ratio, `"${text}": ink ${String(ink)} on ${String(background)}`).toBeGreaterThanOrEqual(4.5);
        } finally {
          await driver.close();
        }
      });
    }
  });
}
