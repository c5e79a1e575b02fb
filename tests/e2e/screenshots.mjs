// Screenshots of every lesson after a run, in both themes, both languages and
// both widths (1280 px and a 375 px phone), for people to look at:
// tests/e2e/screenshots/lessons/<lesson>-<theme>-<lang>-<width>.png.
// Also checks what a phone layout needs: no page-wide horizontal scrolling at
// 375 px (only the timeline scrolls sideways) and the controls stacked.
//
//   E2E_SCREENSHOTS=1 node tests/e2e/e2e.mjs DIST_DIR     (opt-in: ~200 pictures)
//   node tests/e2e/screenshots.mjs DIST_DIR [lesson,…]    (alone; all lessons by default)
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, log, PlaygroundPage, resolveDist, SCREENSHOT_DIR, startServer } from './lib.mjs';

const standalone = process.argv[1] === fileURLToPath(import.meta.url);
const enabled = standalone || process.env.E2E_SCREENSHOTS === '1';
const only = standalone && process.argv[3] ? process.argv[3].split(',') : null;
// Lessons whose browser clock draws something the virtual clock cannot (the
// chooser's measured bars and table): also shot on it, as <lesson>-browser-….
const BROWSER_TOO = { chooser: 'n=4&io=100&cpu=50' };

describe('screenshots: every lesson × theme × language × width', { skip: !enabled && 'set E2E_SCREENSHOTS=1' }, () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer(resolveDist(process.argv[2]));
    browser = await launchBrowser();
    await mkdir(path.join(SCREENSHOT_DIR, 'lessons'), { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [width, height] of [[1280, 900], [375, 740]]) {
    it(`${width} px`, { timeout: 1_800_000 }, async () => {
      const app = await PlaygroundPage.create(browser, { viewport: { width, height } });
      try {
        await app.open(server.url);
        let lessons = await app.byTestId('lesson-select').locator('option').evaluateAll((os) => os.map((o) => o.value));
        if (only) lessons = lessons.filter((l) => only.includes(l));
        const runs = lessons.flatMap((l) => [[l, l, 'clock=virtual'], ...(l in BROWSER_TOO ? [[l, `${l}-browser`, `clock=browser&${BROWSER_TOO[l]}`]] : [])]);
        for (const [lesson, name, query] of runs) {
          await app.open(server.url, `lesson=${lesson}&${query}&lang=en&theme=light&run=1`);
          await app.waitStatus('done', 180_000);
          if (width < 500) {
            // Only the timeline scrolls sideways; the page itself fits the phone.
            const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `${lesson}: the page is ${overflow} px wider than the phone`);
            const [run, stop] = await Promise.all(['run-button', 'stop-button'].map((id) => app.byTestId(id).boundingBox()));
            const status = await app.byTestId('run-status').boundingBox();
            assert.ok(status.y >= Math.max(run.y + run.height, stop.y + stop.height) - 1, `${lesson}: the status sits below the buttons`);
          }
          for (const lang of ['en', 'zh']) {
            await app.byTestId('lang-select').selectOption(lang);
            for (const theme of ['light', 'dark']) {
              await app.page.evaluate((t) => window.playgroundTheme.set(t), theme);
              await app.page.waitForTimeout(50); // the canvas repaints on the theme event
              await app.screenshot(path.join('lessons', `${name}-${theme}-${lang}-${width}`));
            }
          }
          assert.deepEqual(app.errors, [], lesson);
          log(`screenshots: ${name} at ${width} px`);
        }
      } finally {
        await app.close();
      }
    });
  }
});
