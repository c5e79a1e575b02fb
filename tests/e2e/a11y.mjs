// Accessibility: axe-core (npm) on every lesson before and after a run, in
// both themes, with 0 serious or critical violations; every control reachable
// by keyboard with a visible focus ring; the documented shortcuts work; the
// theme toggle is kept in the URL and localStorage.
//
//   node tests/e2e/a11y.mjs DIST_DIR      (also run by e2e.mjs)
// A11Y_LESSONS=crawler,primes limits the lessons (default: all).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, log, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page now: [{ id, impact, nodes: [target…] }]. */
async function axe(page) {
  // Evaluated through the DevTools protocol, not as a <script> tag: the site's
  // Content-Security-Policy (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return result;
}

const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('accessibility (axe-core, keyboard, theme)', () => {
  let server;
  let browser;
  let app;
  let lessons;
  before(async () => {
    server = await startServer(resolveDist(process.argv[2]));
    browser = await launchBrowser();
    app = await PlaygroundPage.create(browser);
    await app.open(server.url);
    lessons = await app.byTestId('lesson-select').locator('option').evaluateAll((os) => os.map((o) => o.value));
    if (process.env.A11Y_LESSONS) lessons = lessons.filter((l) => process.env.A11Y_LESSONS.split(',').includes(l));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('every lesson: no serious or critical axe violation before and after a run, light and dark', { timeout: 900_000 }, async () => {
    const moderate = new Map();
    for (const lesson of lessons) {
      for (const theme of ['light', 'dark']) {
        // Async lessons on the virtual clock (instant); CPU lessons with their defaults.
        await app.open(server.url, `lesson=${lesson}&clock=virtual&theme=${theme}`);
        const before = await axe(app.page);
        assert.deepEqual(serious(before), [], `${lesson} (${theme}) before a run`);
        if (theme === 'light') {
          await app.run();
          await app.waitStatus('done', 120_000);
          const afterRun = await axe(app.page);
          assert.deepEqual(serious(afterRun), [], `${lesson} after a run`);
          for (const v of [...before, ...afterRun]) moderate.set(v.id, `${v.impact}: ${v.nodes[0]}`);
        }
      }
      log(`a11y: ${lesson} ok`);
    }
    log(`a11y: other (moderate/minor) violations: ${JSON.stringify(Object.fromEntries(moderate))}`);
  });

  it('every control is reachable with Tab and shows a focus ring', async () => {
    await app.open(server.url, 'lesson=crawler&clock=virtual&run=1');
    await app.waitStatus('done');
    const controls = await app.page.evaluate(() => [...document.querySelectorAll('button:not([disabled]):not([hidden]), select, input, a[href], summary, [tabindex="0"]')]
      .filter((e) => e.offsetParent !== null || e.closest('.import-button')).length);
    const seen = new Set();
    let ringless = [];
    for (let i = 0; i < controls + 5; i += 1) {
      await app.page.keyboard.press('Tab');
      const f = await app.page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const cs = getComputedStyle(e);
        const host = e.closest('.import-button');
        const ring = cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0
          || (host && getComputedStyle(host).outlineStyle !== 'none');
        return { key: e.dataset.testid || e.id || e.outerHTML.slice(0, 60), ring };
      });
      if (!f) continue;
      seen.add(f.key);
      if (!f.ring) ringless.push(f.key);
    }
    for (const id of ['run-button', 'lesson-select', 'lang-select', 'theme-toggle', 'param-n', 'timeline', 'share-link']) {
      assert.ok(seen.has(id), `${id} reachable by Tab (seen: ${[...seen].join(', ')})`);
    }
    ringless = [...new Set(ringless)];
    assert.deepEqual(ringless, [], 'focused controls without a visible outline');
  });

  it('shortcuts: r runs, s stops, ? opens the list, p plays the replay', async () => {
    await app.open(server.url, 'lesson=crawler&n=40&k=1&latency=fixed&ms=200');
    await app.page.locator('body').click({ position: { x: 2, y: 2 } });
    await app.page.keyboard.press('r');
    await app.waitStatus('running', 5_000);
    await app.page.keyboard.press('s');
    await app.waitStatus('stopped', 5_000);
    await app.page.keyboard.press('?');
    assert.equal(await app.byTestId('shortcuts').evaluate((d) => d.open), true);
    assert.match(await app.byTestId('shortcuts').innerText(), /zoom/);
    await app.open(server.url, 'lesson=crawler&clock=virtual&run=1');
    await app.waitStatus('done');
    await app.page.locator('body').click({ position: { x: 2, y: 2 } });
    await app.page.keyboard.press('p');
    await app.page.waitForFunction(() => document.querySelector('[data-testid=replay-play]')?.dataset.playing === 'true');
    // Typing a p into a field does not play or pause.
    await app.page.keyboard.press('p');
    await app.byTestId('param-n').focus();
    await app.page.keyboard.press('r');
    assert.equal(await app.status(), 'done');
    assert.deepEqual(app.errors, []);
  });

  it('run status and numbers are live regions', async () => {
    await app.open(server.url, 'lesson=crawler&clock=virtual');
    assert.equal(await app.byTestId('run-status').getAttribute('role'), 'status');
    assert.equal(await app.byTestId('summary').getAttribute('aria-live'), 'polite');
  });

  it('theme toggle: follows the system, kept in the URL and localStorage', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = new PlaygroundPage(await context.newPage());
    try {
      await page.open(server.url, 'lesson=crawler');
      const theme = () => page.page.evaluate(() => document.documentElement.dataset.theme);
      assert.equal(await theme(), 'dark', 'follows prefers-color-scheme');
      await page.byTestId('theme-toggle').click();
      assert.equal(await theme(), 'light');
      assert.match(page.page.url(), /theme=light/);
      // The app's own address-bar updates keep it.
      await page.setParam('n', 7);
      assert.match(page.page.url(), /theme=light/);
      assert.match(page.page.url(), /n=7/);
      await page.open(server.url, 'lesson=crawler');
      assert.equal(await theme(), 'light', 'remembered in localStorage');
      await page.open(server.url, 'lesson=crawler&theme=dark');
      assert.equal(await theme(), 'dark', 'the link wins');
      const bg = await page.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      assert.equal(bg, 'rgb(18, 22, 29)');
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });
});
