// Shared helpers for the e2e tests and the browser benchmark: the built site's
// server and a headless browser (site.mjs), and a page object that talks to the
// app only through its data-testid / data-* contract (page.mjs). Specs import
// from here.

import { after, before } from 'node:test';
import { PlaygroundPage } from './page.mjs';
import { launchBrowser, startServer } from './site.mjs';

export * from './site.mjs';
export * from './page.mjs';

/**
 * A suite's site, browser and page (node:test hooks, called inside `describe`):
 * before the suite, the built site's server, a headless browser and a page,
 * handed to `use`; after it, all three closed.
 */
export function useSite(dist, use) {
  let site = {};
  before(async () => {
    const server = await startServer(dist);
    const browser = await launchBrowser();
    site = { server, browser, app: await PlaygroundPage.create(browser) };
    use(site);
  });
  after(async () => {
    await site.app?.close();
    await site.browser?.close();
    await site.server?.close();
  });
}
