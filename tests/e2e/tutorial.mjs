// The tutorial pages (static/tutorial.html, tutorial.zh.html): three embedded
// lessons load, the button in the text drives the crawler lesson through the
// postMessage API and shows the numbers it reports, the embed builder makes a
// working snippet, the CPU lesson in a frame is cross-origin isolated, and all
// of it also works with the tutorial on another origin than the app.
//
//   node tests/e2e/tutorial.mjs DIST_DIR      (also run by e2e.mjs)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveDist, startServer, useSite } from './lib.mjs';

const dist = resolveDist(process.argv[2]);
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('tutorial pages', () => {
  let app; // the app's origin
  let other; // a second origin serving the same site (the tutorial host)
  let page;
  useSite(dist, (s) => ({ server: app, app: page } = s));
  before(async () => {
    other = await startServer(dist);
  });
  after(async () => {
    await other?.close();
  });

  const frame = (testid) => page.page.frameLocator(`[data-testid="${testid}"]`);
  const ready = async (testid) => frame(testid).locator('[data-testid=app-ready]').waitFor({ state: 'attached', timeout: 90_000 });

  /** Clicks the button in the text with limit k; returns the result's data and text. */
  async function tryCrawler(k) {
    await page.byTestId('try-k').selectOption(String(k));
    await page.byTestId('try-run').click();
    await page.page.waitForFunction(() => document.querySelector('[data-testid=try-result]')?.dataset.status === 'done', null, { timeout: 30_000 });
    const r = page.byTestId('try-result');
    return { makespan: Number(await r.getAttribute('data-makespan')), inflight: Number(await r.getAttribute('data-max-in-flight')), text: await r.innerText() };
  }

  async function checkPage(base, query = '') {
    await page.page.goto(`${base}tutorial.html${query}`, { waitUntil: 'load' });
    for (const id of ['embed-gather', 'embed-crawler', 'embed-gil']) await ready(id);
    // 50 requests of 1 s on the virtual clock: ⌈50 / k⌉ rounds of exactly 1000 ms; at most min(k, 50) in flight.
    for (const k of [10, 50, 100]) {
      const r = await tryCrawler(k);
      assert.equal(r.makespan, Math.ceil(50 / k) * 1000, `makespan at k=${k}`);
      assert.equal(r.inflight, Math.min(k, 50), `max in flight at k=${k}`);
      assert.match(r.text, new RegExp(`k = ${k}: 50 requests done in ${Math.ceil(50 / k) * 1000} ms`));
    }
    // The lesson in the frame shows what the button set.
    assert.equal(await frame('embed-crawler').locator('[data-testid=param-k]').inputValue(), '100');
    // The CPU lesson's frame is cross-origin isolated: no banner, Run enabled.
    const gil = page.page.frames().find((f) => f.url().includes('lesson=gil'));
    assert.equal(await gil.evaluate(() => crossOriginIsolated), true);
    assert.equal(await frame('embed-gil').locator('[data-testid=isolation-banner]').count(), 0);
    assert.equal(await frame('embed-gil').locator('[data-testid=run-button]').isDisabled(), false);
  }

  it('no inline scripts (a strict CSP can be set)', async () => {
    for (const f of ['tutorial.html', 'tutorial.zh.html', 'index.html']) {
      const html = await readFile(path.join(dist, f), 'utf8');
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.trim() && !/type="module"/.test(attrs));
      assert.deepEqual(inline.map((m) => m[0].slice(0, 80)), [], f);
    }
  });

  it('same origin: three lessons embedded, the button drives one and shows its numbers', { timeout: 240_000 }, async () => {
    await checkPage(app.url);
    assert.deepEqual(page.errors, []);
  });

  it('the tutorial on another origin than the app (?app=)', { timeout: 240_000 }, async () => {
    assert.notEqual(new URL(app.url).origin, new URL(other.url).origin);
    await checkPage(other.url, `?app=${encodeURIComponent(app.url)}`);
    const origins = await page.page.$$eval('iframe[data-lesson]', (fs) => fs.map((f) => new URL(f.src).origin));
    assert.deepEqual([...new Set(origins)], [new URL(app.url).origin]);
    assert.deepEqual(page.errors, []);
  });

  it('embed builder: the snippet names the lesson and parameters, the preview runs it', { timeout: 120_000 }, async () => {
    await page.page.goto(`${app.url}tutorial.html`, { waitUntil: 'load' });
    const appLessons = await frame('embed-gather').locator('[data-testid=lesson-select] option').evaluateAll((os) => os.map((o) => o.value));
    const builderLessons = await page.byTestId('builder-lesson').locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(builderLessons, appLessons, 'the builder offers every lesson of the app');

    await page.byTestId('builder-params').fill('bound=1 2');
    assert.notEqual((await page.byTestId('builder-error').innerText()).trim(), '');
    await page.byTestId('builder-lesson').selectOption('primes');
    await page.byTestId('builder-params').fill('bound=100000&chunk=5000');
    await page.page.locator('#builder input[name=run]').check();
    assert.equal((await page.byTestId('builder-error').innerText()).trim(), '');
    const snippet = await page.byTestId('builder-snippet').inputValue();
    assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?lesson=primes&amp;bound=100000&amp;chunk=5000&amp;run=1&amp;embed=1"/);
    assert.match(snippet, /allow="cross-origin-isolated"/);
    await page.byTestId('builder-preview').click();
    await ready('builder-frame');
    const f = frame('builder-frame');
    await f.locator('[data-testid=run-status][data-status=done]').waitFor({ timeout: 90_000 });
    assert.equal(await f.locator('[data-testid=primes-found]').getAttribute('data-value'), '9592');
  });

  it('简体中文 page: the lessons and the reported numbers in Chinese', { timeout: 240_000 }, async () => {
    await page.page.goto(`${app.url}tutorial.zh.html`, { waitUntil: 'load' });
    await ready('embed-crawler');
    assert.equal(await frame('embed-crawler').locator('html').getAttribute('lang'), 'zh-CN');
    await page.byTestId('try-k').selectOption('10');
    await page.byTestId('try-run').click();
    await page.page.waitForFunction(() => document.querySelector('[data-testid=try-result]')?.dataset.status === 'done', null, { timeout: 30_000 });
    assert.match(await page.byTestId('try-result').innerText(), /k = 10 时：50 个请求在 5000 毫秒内完成/);
    await page.screenshot('tutorial-zh');
  });

  it('axe: no serious or critical violation on the page (light and dark)', { timeout: 120_000 }, async () => {
    for (const theme of ['light', 'dark']) {
      await page.page.goto(`${app.url}tutorial.html?theme=${theme}`, { waitUntil: 'load' });
      await ready('embed-crawler');
      await page.page.evaluate(AXE); // not a <script> tag: the CSP refuses inline scripts
      const v = await page.page.evaluate(async () => (await window.axe.run(document, { iframes: false })).violations
        .filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id}: ${x.nodes[0].target}`));
      assert.deepEqual(v, [], theme);
      await page.screenshot(`tutorial-${theme}`);
    }
  });
});
