/**
 * `npm run demo`: builds the extension, serves the sample article on localhost, opens it in Chromium
 * with the extension loaded, and writes a screenshot and the list of highlights it found. Headed where
 * a display exists (the window stays open until you close it), headless otherwise.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium, CHROMIUM_PATH } from './lib/browsers';
import { ensureBrowsers } from './lib/ensure-browsers';
import { serveFolders } from './lib/server';

const OUT = 'artifacts/demo';
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.CI !== 'true';

interface Painted {
  stance: 'uses' | 'critiques';
  passage: string;
}

async function main(): Promise<void> {
  ensureBrowsers([CHROMIUM_PATH]);
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await serveFolders({ '/': 'tests/fixtures/pages' });
  const session = await launchChromium({ headless: !headed });
  try {
    const page = await session.context.newPage();
    const url = `${server.origin}/arms-race/source.html`;
    const started = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => (CSS.highlights.get('counterframe-uses')?.size ?? 0) > 0, null, { timeout: 20_000, polling: 10 });
    const elapsed = Date.now() - started;
    const painted: Painted[] = await page.evaluate(() =>
      (['uses', 'critiques'] as const).flatMap((stance) =>
        [...((CSS.highlights.get(`counterframe-${stance}`) as unknown as Iterable<Range>) ?? [])].map((r) => ({
          stance,
          passage: r.toString().replace(/\s+/g, ' '),
        })),
      ),
    );
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: `${OUT}/highlights.png`, fullPage: true });
    const box = await page.evaluate(() => {
      const range = [...((CSS.highlights.get('counterframe-uses') as unknown as Iterable<Range>) ?? [])].find((r) => r.toString().includes('heavy-handed'));
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + 30, y: rect.top + rect.height / 2 } : null;
    });
    if (box) {
      await page.mouse.click(box.x, box.y);
      await page.waitForSelector('counterframe-card', { timeout: 5_000 });
      await page.screenshot({ path: `${OUT}/card.png` });
    }
    writeFileSync(`${OUT}/highlights.json`, `${JSON.stringify({ url, millisecondsToHighlights: elapsed, highlights: painted }, null, 2)}\n`);

    console.log(`\nCounterframe highlighted ${painted.length} passages on ${url} (${elapsed} ms from navigation):`);
    for (const { stance, passage } of painted) console.log(`  ${stance === 'uses' ? 'USES     ' : 'CRITIQUES'} ${passage}`);
    console.log(`\nScreenshots: ${OUT}/highlights.png, ${OUT}/card.png\nList: ${OUT}/highlights.json`);
    if (headed) {
      console.log('\nThe browser stays open: click a highlight to see its counterpoints. Close the window to finish.');
      await new Promise<void>((done) => session.context.on('close', () => done()));
    }
  } finally {
    await session.close().catch(() => {});
    await server.close();
  }
}

main().catch((error) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});
