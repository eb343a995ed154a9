import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { serveFolders, type StaticServer } from '../../../scripts/lib/server';
import type { BrowserDriver } from './driver';
import { ARTIFACTS } from './scenarios';

/**
 * For the describe block it is called in: the fixture pages served (their origin, once started) and
 * the artifacts' folder made, before its tests; the server closed after them.
 */
export function serveFixturePages(): { readonly origin: string } {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveFolders({ '/': 'tests/fixtures/pages' });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get origin() {
      return server!.origin;
    },
  };
}

/** The fixture pages and one browser with the extension, shared by the tests of one describe block. */
export interface Served {
  readonly server: { readonly origin: string };
  readonly driver: BrowserDriver;
}

/**
 * serveFixturePages, and the browser launched after it; the browser closed before the server (after
 * hooks run in reverse), or whatever of the two was started, should launching fail.
 */
export function servedBrowser(launch: () => Promise<BrowserDriver>): Served {
  const server = serveFixturePages();
  let driver: BrowserDriver | undefined;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
  });
  return {
    server,
    get driver() {
      return driver!;
    },
  };
}
