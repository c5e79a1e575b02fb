// Screenshots of the Python runner after a crawler run (and of a traceback, its line marked),
// English and 简体中文, light and dark, 375 px and 1280 px wide:
//   node tests/e2e/pyodide_shots.mjs DIST_DIR OUT_DIR
// PY_CLOCK=browser: the run on the browser clock (files named py-browser-…).
import { launchBrowser, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const dist = resolveDist(process.argv[2]);
const out = process.argv[3] || 'tests/e2e/screenshots';
const clock = process.env.PY_CLOCK;
const py = clock ? `py-${clock}` : 'py';
const server = await startServer(dist);
const browser = await launchBrowser();
try {
  for (const width of [375, 1280]) {
    const app = await PlaygroundPage.create(browser, { viewport: { width, height: 900 } });
    for (const lang of ['en', 'zh']) {
      await app.open(server.url, `lesson=crawler&lang=${lang}&theme=light`);
      await app.byTestId('py-open').click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="py-editor"]')?.value.includes('asyncio'));
      if (clock) {
        await app.page.waitForFunction(() => document.querySelector('[data-py-host]')?.dataset.pyJspi !== undefined, null, { timeout: 120_000 });
        await app.byTestId('py-clock').selectOption(clock);
      }
      await app.byTestId('py-run').click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="py-status"]')?.dataset.kind === 'done', null, { timeout: 120_000 });
      for (const theme of ['light', 'dark']) {
        await app.page.evaluate((t) => window.playgroundTheme.set(t), theme);
        await app.page.waitForTimeout(100);
        await app.page.screenshot({ path: `${out}/${py}-${lang}-${theme}-${width}.png`, fullPage: true });
        await app.byTestId('py-runner').screenshot({ path: `${out}/${py}-panel-${lang}-${theme}-${width}.png` });
      }
      await app.page.evaluate(() => window.playgroundTheme.set('light'));
      const bad = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    1 / 0\n\nasyncio.run(main())\n';
      await app.byTestId('py-source').fill(bad); // the editor's contenteditable (static/py/editor.js)
      await app.page.waitForFunction((want) => document.querySelector('[data-testid="py-editor"]')?.value === want, bad);
      await app.byTestId('py-run').click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="py-status"]')?.dataset.kind === 'error', null, { timeout: 60_000 });
      for (const theme of ['light', 'dark']) {
        await app.page.evaluate((t) => window.playgroundTheme.set(t), theme);
        await app.page.waitForTimeout(100);
        await app.byTestId('py-panel').screenshot({ path: `${out}/${py}-error-${lang}-${theme}-${width}.png` });
      }
      await app.page.evaluate(() => window.playgroundTheme.set('light'));
    }
    await app.close();
  }
} finally {
  await browser.close();
  await server.close();
}
