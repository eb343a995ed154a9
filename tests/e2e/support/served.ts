import { afterAll, beforeAll } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import type { BrowserDriver } from './driver';

/** The fixture pages and a browser with the extension, shared by the tests of one describe block. */
export interface Served {
  readonly server: StaticServer;
  readonly driver: BrowserDriver;
}

/**
 * Serves the fixture pages and launches the browser before the enclosing describe block's tests, and
 * closes both after them (what was started, should launching fail).
 */
export function servedBrowser(launch: () => Promise<BrowserDriver>): Served {
  const served = {} as { server: StaticServer; driver: BrowserDriver };
  beforeAll(async () => {
    served.server = await serveFolders({ '/': 'tests/fixtures/pages' });
    served.driver = await launch();
  });
  afterAll(async () => {
    await served.driver?.close();
    await served.server?.close();
  });
  return served;
}
