import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browsers';
import { serveFolders } from '../../scripts/lib/server';
import { chromiumDriver } from './support/driver';
import { describeCards } from './support/cards';
import { describeExtensionPages } from './support/extension-pages';
import { describeHostilePage } from './support/hostile';
import { describeLinkContrast } from './support/link-contrast';
import { describeReading } from './support/reading';
import { describeRealPages } from './support/real-pages';
import { describeReport } from './support/report';
import { describeCorpusReport } from './support/corpus-report';
import { describeExtension } from './support/scenarios';
import { describeSettingsPage } from './support/settings-page';
import { describeSiteSwitch } from './support/site-switch';
import { describeUnusualPages } from './support/unusual-pages';

const CHROMIUM = 'Chromium (playwright-core)';

describeExtension(CHROMIUM, chromiumDriver);
describeExtensionPages(CHROMIUM, chromiumDriver);
describeSettingsPage(CHROMIUM, chromiumDriver);
describeSiteSwitch(CHROMIUM, chromiumDriver);
describeReading(CHROMIUM, chromiumDriver);
describeLinkContrast(CHROMIUM, chromiumDriver);
describeCards(CHROMIUM, chromiumDriver);
describeReport(CHROMIUM, chromiumDriver);
describeCorpusReport(CHROMIUM, chromiumDriver);
describeHostilePage(CHROMIUM, chromiumDriver);
describeUnusualPages(CHROMIUM, chromiumDriver);
describeRealPages(CHROMIUM, chromiumDriver);

describe('network use in Chromium', () => {
  it('no extension context requests anything beyond the pages the test itself opens', async () => {
    const server = await serveFolders({ '/': 'tests/fixtures/pages' });
    const session = await launchChromium();
    const requests: string[] = [];
    session.context.on('request', (request) => requests.push(request.url()));
    try {
      const worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
      const id = new URL(worker.url()).host;
      const page = await session.context.newPage();
      await page.goto(`${server.origin}/arms-race/source.html`);
      await page.waitForFunction(() => CSS.highlights.size > 0);
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html`);
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${id}/options.html`);
      await options.waitForSelector('#export');
    } finally {
      await session.close();
      await server.close();
    }
    const allowed = (url: string) =>
      url.startsWith(`${server.origin}/arms-race/source.html`) || url === `${server.origin}/favicon.ico` || url.startsWith('chrome-extension://');
    expect(requests.filter((url) => !allowed(url))).toEqual([]);
    expect(requests.some((url) => url.startsWith('chrome-extension://'))).toBe(true);
  });
});
