// The tutorials' presets (static/presets.json): every runnable preset opened
// as `?example=<id>&run=1` shows the tutorial's expectation beside this run's
// number, and that number is the one the preset states (exact: async presets
// run on the virtual clock, CPU presets state only exact counts) and the one
// the summary shows; the gallery lists all 99 in both languages; a lesson's
// menu opens its presets; an unknown example is explained; the app, the
// tutorial page and the gallery link each other. Screenshots of the gallery
// and of a corrected preset: both languages, light and dark, 375 px.
//
//   node tests/e2e/presets.mjs DIST_DIR [id,…]      (also run by e2e.mjs)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PlaygroundPage, resolveDist, SCREENSHOT_DIR, useSite } from './lib.mjs';

const standalone = process.argv[1] === fileURLToPath(import.meta.url);
const dist = resolveDist(process.argv[2]);
const only = standalone && process.argv[3] ? new Set(process.argv[3].split(',')) : null;
const { presets } = JSON.parse(await readFile(path.join(dist, 'presets.json'), 'utf8'));
const runnable = presets.filter((p) => (p.status === 'exact' || p.status === 'approx') && (!only || only.has(p.id)));
const same = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('tutorial presets', () => {
  let server;
  let browser;
  let app;
  useSite(dist, (s) => ({ server, browser, app } = s));

  for (const p of runnable) {
    it(`${p.id} (${p.lesson}, ${p.status}) shows ${p.show}${p.value == null ? '' : ` = ${p.value}`}`, { timeout: 180_000 }, async () => {
      await app.open(server.url, `example=${p.id}&run=1`);
      const card = app.byTestId('preset-card');
      await card.waitFor({ state: 'visible', timeout: 60_000 });
      assert.equal(await card.getAttribute('data-example'), p.id);
      assert.equal(await card.getAttribute('data-verdict'), p.verdict);
      assert.equal(await app.byTestId('lesson-select').inputValue(), p.lesson);
      for (const [k, v] of Object.entries(p.params)) {
        const field = app.byTestId(`param-${k}`);
        if (await field.count()) assert.equal(await field.inputValue(), v, `${p.id}: ${k}`);
      }
      // The run's number beside the tutorial's: labelled, and the summary's own.
      const run = app.byTestId('preset-run-value');
      await run.waitFor({ state: 'attached', timeout: 170_000 });
      const got = await app.number('preset-run-value');
      assert.equal(await run.getAttribute('data-show'), p.show);
      const summary = await app.number(p.show);
      assert.ok(same(got, summary), `${p.id}: card ${got}, summary ${p.show} = ${summary}`);
      if (p.value != null) assert.ok(same(got, p.value), `${p.id}: ${p.show} = ${got}, the preset states ${p.value}`);
      else assert.ok(Number.isFinite(got), `${p.id}: ${p.show} = ${got}`);
      const label = await card.locator('.preset-side.run h4').innerText();
      assert.match(label, p.clock ? /virtual clock/ : /this browser/, `${p.id}: the run's number says where it comes from`);
      assert.ok((await app.byTestId('preset-says').innerText()).length > 0);
      if (p.says_value != null) assert.ok(same(await app.number('preset-says-value'), p.says_value));
      assert.ok((await app.byTestId('preset-why').innerText()).length > 20);
      // The iframe snippet embeds this example.
      assert.match(await app.byTestId('preset-snippet').inputValue(), new RegExp(`\\?example=${p.id}&embed=1&lang=en`));
      assert.deepEqual(app.errors, []);
    });
  }

  it('a not-reproducible example (and a pending one, while any is left) says why and what to open instead', async () => {
    // Issue 21's lessons took the last pending examples (002-80, 003-82); a new one is checked here.
    const pending = presets.find((p) => p.status === 'pending');
    if (pending) {
      await app.open(server.url, `example=${pending.id}`);
      await app.byTestId('preset-card').waitFor({ state: 'visible', timeout: 60_000 });
      assert.equal(await app.byTestId('preset-status').getAttribute('data-status'), 'pending');
      assert.match(await app.byTestId('preset-status').innerText(), new RegExp(pending.lesson));
    }
    const none = presets.find((p) => p.status === 'none');
    await app.open(server.url, `example=${none.id}`);
    await app.byTestId('preset-card').waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await app.byTestId('preset-open').getAttribute('href'), `?lesson=${none.open}&lang=en`);
    assert.deepEqual(app.errors, []);
  });

  it('an unknown example is explained, in both languages', async () => {
    await app.open(server.url, 'example=000-100');
    await app.byTestId('url-error').waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await app.byTestId('url-error').innerText(), /000-100.*\?example=000-14/s);
    await app.open(server.url, 'example=nope&lang=zh');
    await app.byTestId('url-error').waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await app.byTestId('url-error').innerText(), /没有教程示例“nope”/);
    assert.equal(await app.byTestId('preset-card').count(), 0);
  });

  it("a lesson's menu lists the presets that use it and opens one", async () => {
    await app.open(server.url, 'lesson=crawler');
    await app.byTestId('presets-menu').locator('summary').click();
    const list = app.byTestId('presets-menu-list');
    await list.waitFor({ state: 'visible', timeout: 30_000 });
    const ids = await list.locator('a').evaluateAll((as) => as.map((a) => a.dataset.example));
    assert.deepEqual(ids, presets.filter((p) => p.lesson === 'crawler' && p.status !== 'pending' && p.status !== 'none').map((p) => p.id));
    await list.locator('a[data-example="000-14"]').click();
    await app.byTestId('preset-card').waitFor({ state: 'visible' });
    assert.equal(await app.byTestId('param-k').inputValue(), '10');
    assert.match(app.page.url(), /example=000-14/);
  });

  it('the app, the tutorial page and the gallery link each other', async () => {
    await app.open(server.url);
    assert.equal(await app.byTestId('tutorial-link').getAttribute('href'), 'tutorial.html');
    assert.equal(await app.byTestId('examples-link').getAttribute('href'), 'examples.html?lang=en');
    await app.page.goto(`${server.url}tutorial.html`);
    assert.equal(await app.byTestId('gallery-link').getAttribute('href'), 'examples.html?lang=en');
    await app.page.goto(`${server.url}tutorial.zh.html`);
    assert.equal(await app.byTestId('gallery-link').getAttribute('href'), 'examples.html?lang=zh');
  });

  for (const lang of ['en', 'zh']) {
    it(`the gallery lists all 99 by tutorial and number (${lang})`, async () => {
      await app.page.goto(`${server.url}examples.html?lang=${lang}`);
      await app.page.waitForFunction(() => document.querySelector('[data-testid=gallery]')?.getAttribute('aria-busy') === 'false');
      const items = await app.page.locator('[data-testid^="example-"]').evaluateAll((els) => els.map((e) => [e.dataset.testid, e.dataset.status]));
      assert.equal(items.length, 99);
      assert.deepEqual(items.map(([id]) => id), presets.slice().sort((a, b) => a.tutorial.localeCompare(b.tutorial) || a.number - b.number).map((p) => `example-${p.id}`));
      const opens = await app.page.locator('[data-testid^="open-"]').count();
      const reach = presets.filter((p) => p.status === 'exact' || p.status === 'approx').length;
      assert.equal(opens, reach);
      assert.match(await app.byTestId('gallery-counts').innerText(), new RegExp(lang === 'en' ? `^${reach} of 99 open as presets` : `99 个中有 ${reach} 个`));
      assert.equal(await app.page.evaluate(() => document.documentElement.lang), lang === 'en' ? 'en' : 'zh-CN');
      // A link opens its preset in the app.
      await app.page.locator('[data-testid="open-003-43"]').click();
      await app.byTestId('preset-card').waitFor({ state: 'visible', timeout: 60_000 });
      assert.equal(await app.byTestId('preset-card').getAttribute('data-example'), '003-43');
    });
  }

  it('screenshots: the gallery and a corrected preset, both languages, light and dark, 375 px', { timeout: 300_000 }, async () => {
    const phone = await PlaygroundPage.create(browser, { viewport: { width: 375, height: 740 } });
    try {
      for (const lang of ['en', 'zh']) {
        for (const theme of ['light', 'dark']) {
          await phone.page.goto(`${server.url}examples.html?lang=${lang}&theme=${theme}`);
          await phone.page.waitForFunction(() => document.querySelector('[data-testid=gallery]')?.getAttribute('aria-busy') === 'false');
          await phone.page.screenshot({ path: path.join(SCREENSHOT_DIR, `gallery-${lang}-${theme}-375.png`), fullPage: false });
          const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(wide <= 375, `gallery ${lang} ${theme}: page is ${wide} px wide at 375`);
          await phone.open(server.url, `example=000-42&run=1&lang=${lang}&theme=${theme}`);
          await phone.byTestId('preset-run-value').waitFor({ state: 'attached', timeout: 60_000 });
          await phone.byTestId('preset-card').scrollIntoViewIfNeeded();
          await phone.page.screenshot({ path: path.join(SCREENSHOT_DIR, `preset-000-42-${lang}-${theme}-375.png`), fullPage: false });
        }
      }
    } finally {
      await phone.close();
    }
  });
});
