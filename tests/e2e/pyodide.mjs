// "Edit & run Python" (issue 22): the learner's own Python on Pyodide's real
// CPython in a Web Worker, traced onto the timeline. Its own suite, run by
// e2e.mjs or alone:  node tests/e2e/pyodide.mjs DIST_DIR
// One browser context for all flows, so Pyodide downloads once (then comes from
// the HTTP cache, as on a learner's second visit). Pyodide itself is checked
// against CPython 3.11 by tests/pyodide/compare.mjs; this checks the page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSER, log, resolveDist, useSite } from './lib.mjs';
import { crawlerPlan, SplitMix64 } from './plan.mjs';
import { browserClock } from './pyodide_browser_clock.mjs';
import { edit, fill, openRunner, runAndWait, source } from './py_page.mjs';

const dist = resolveDist(process.argv[2]);

// The crawler listing's makespan on the virtual clock: n requests through a
// FIFO semaphore of k permits, each holding it for its latency (crawler.py's
// defaults: n=20, uniform, 200 ms, seed 1), derived here, not read from a run.
function crawlerMakespan(k) {
  const plan = crawlerPlan({ n: 20, latency: 'uniform', ms: 200, seed: 1 });
  const free = Array(k).fill(0); // when each permit is free again
  let end = 0;
  for (const r of plan) {
    free.sort((a, b) => a - b);
    free[0] += r.latency; // starts when the first permit frees
    end = Math.max(end, free[0]);
  }
  return r6(end);
}

// Times to the nanosecond: sums of float latencies (here and in the virtual
// clock, which adds each wait) differ below that.
const r6 = (x) => Math.round(x * 1e6) / 1e6;

const tests = [
  {
    name: 'the first load fetches nothing of Pyodide; the crawler runs on real CPython 3.14, semaphore 5 then 2',
    timeout: 240_000,
    async run({ app, server }) {
      const fetched = [];
      app.page.on('request', (r) => fetched.push(r.url()));
      await app.open(server.url, 'lesson=crawler&lang=en');
      assert.deepEqual(fetched.filter((u) => /pyodide|\/py\//.test(u)), [], 'first load fetched none of the runner');
      await openRunner(app, server, 'lesson=crawler&lang=en');
      assert.equal(await runAndWait(app), 'done', await app.byTestId('py-status').innerText());
      // Real parts: Pyodide's own CPython (3.14, emscripten) ran, in a worker.
      const version = await app.page.locator('[data-py-host]').getAttribute('data-py-version');
      assert.match(version, /^3\.14\.\d+ \(emscripten\)$/, version);
      assert.ok(fetched.some((u) => u.endsWith('/pyodide/pyodide.asm.wasm')), 'Pyodide came from this site');
      const out = await app.byTestId('py-console').innerText();
      const k5 = crawlerMakespan(5);
      assert.match(out, new RegExp(`at most 5 in flight \\(seen: 5\\), makespan ${Math.round(k5)} ms`), out);
      assert.equal(await app.number('makespan-ms'), k5);
      assert.equal((await app.timeline()).lanes, 21, 'crawl() and its 20 requests, one lane each');
      await app.screenshot('python-crawler-k5');

      await edit(app, (s) => s.replace('add_argument("--k", type=int, default=5)', 'add_argument("--k", type=int, default=2)'));
      assert.equal(await runAndWait(app), 'done');
      const k2 = crawlerMakespan(2);
      assert.notEqual(k2, k5);
      // The run's trace reaches the page's numbers after the worker says done: wait for it.
      for (let t0 = Date.now(); (await app.number('makespan-ms')) !== k2 && Date.now() - t0 < 10_000;) await app.page.waitForTimeout(100);
      assert.equal(await app.number('makespan-ms'), k2);
      assert.match(await app.byTestId('py-console').innerText(), /at most 2 in flight \(seen: 2\)/);
      assert.equal((await app.timeline()).lanes, 21);

      // The edited source is in the share link; opening it opens the runner with it.
      assert.equal(await app.byTestId('py-link').getAttribute('data-kind'), 'in_link');
      const link = app.page.url();
      assert.match(link, /[?&]lesson=crawler\b.*#py=[A-Za-z0-9_-]+$/, link);
      const edited = await source(app);
      await app.page.goto('about:blank');
      await app.page.goto(link);
      await app.page.waitForFunction((want) => document.querySelector('[data-testid="py-editor"]')?.value === want, edited, { timeout: 30_000 });
      // Past the limit: said, and the link keeps no source. Seeded random digits do not
      // compress below it: 20,000 of them carry 20,000 × log2(10) bits ≈ 11,000 base64 characters.
      const rng = new SplitMix64(7);
      let digits = '';
      for (let i = 0; i < 20_000; i++) digits += String(Math.floor(rng.nextF64() * 10));
      await fill(app, `x = "${digits}"\nprint(len(x))\n`);
      assert.equal(await runAndWait(app), 'done');
      assert.equal(await app.byTestId('py-link').getAttribute('data-kind'), 'too_long');
      assert.match(await app.byTestId('py-link').innerText(), /too long for the share link/);
      assert.doesNotMatch(app.page.url(), /#py=/);
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'a syntax error shows its traceback at its line; Stop ends an endless loop within 250 ms',
    timeout: 240_000,
    async run({ app, server }) {
      await openRunner(app, server, 'lesson=gather&lang=en');
      await fill(app, 'import asyncio\n\nasync def main():\n    x = (1,\n\nasyncio.run(main())\n');
      assert.equal(await runAndWait(app), 'error');
      assert.match(await app.byTestId('py-traceback').innerText(), /SyntaxError/);
      assert.equal(await app.byTestId('py-error-line').getAttribute('data-line'), '4');
      assert.equal(await app.byTestId('py-error-line').innerText(), '    x = (1,', 'the marked line is the one with the error');
      // The mark follows the learner's edits: a line added above moves it down.
      await app.byTestId('py-source').press('Control+Home');
      await app.page.keyboard.press('Enter');
      assert.equal(await app.byTestId('py-error-line').getAttribute('data-line'), '5');

      await fill(app, 'import asyncio\n\nasync def spin():\n    while True:\n        pass\n\nasyncio.run(spin())\n');
      await app.byTestId('py-run').click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="py-status"]')?.dataset.kind === 'running');
      await app.page.waitForTimeout(300); // inside the loop
      await app.byTestId('py-stop').click();
      await app.page.waitForFunction(
        () => ['stopped', 'killed'].includes(document.querySelector('[data-testid="py-status"]')?.dataset.kind),
        null,
        { timeout: 5_000, polling: 10 },
      );
      // The interrupt buffer stopped it (KeyboardInterrupt), not the terminate fallback,
      // and the page measured Stop to the worker's answer.
      assert.equal(await app.byTestId('py-status').getAttribute('data-kind'), 'stopped');
      const ms = Number(await app.byTestId('py-status').getAttribute('data-ms'));
      assert.ok(ms < 250, `stopped ${ms} ms after Stop`);
      // Left alone, the same loop is stopped at the stated time limit.
      const limit = Number((await app.byTestId('py-limit').innerText()).match(/(\d+) s/)[1]);
      const t0 = Date.now();
      assert.equal(await runAndWait(app), 'limited');
      // How many SIGINTs it took (panel.js: a second when the first was taken without stopping).
      log(`time limit: ${await app.byTestId('py-status').getAttribute('data-sigints')} SIGINT(s)`);
      assert.ok(Date.now() - t0 >= limit * 1000, `limited after ${Date.now() - t0} ms, limit ${limit} s`);
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: "the lesson's run stays above the Python run, on one time axis, until the lesson runs again",
    timeout: 240_000,
    async run({ app, server }) {
      await openRunner(app, server, 'lesson=crawler&lang=en&clock=virtual&run=1');
      await app.waitStatus('done', 60_000);
      const own = await app.number('makespan-ms');
      const ownLanes = (await app.timeline()).lanes;
      assert.equal(await app.byTestId('beside').count(), 0, 'no comparison before a Python run');
      await edit(app, (s) => s.replace('add_argument("--k", type=int, default=5)', 'add_argument("--k", type=int, default=2)'));
      assert.equal(await runAndWait(app), 'done');
      const k2 = crawlerMakespan(2);
      await app.byTestId('beside').waitFor({ timeout: 10_000 });
      assert.equal(await app.number('makespan-ms'), k2, "the numbers are the Python run's");
      assert.equal(own, crawlerMakespan(5), "the lesson's run (defaults, K = 5) agrees with CPython's");
      // One axis: the longer run's makespan, on both canvases.
      assert.equal(Number(await app.byTestId('beside').getAttribute('data-axis-ms')), Math.max(own, k2));
      assert.equal(Number(await app.byTestId('timeline-beside').getAttribute('data-lanes')), ownLanes, "the lesson's run above");
      assert.equal((await app.timeline()).lanes, 21, 'the Python run below: crawl() and its 20 requests');
      await app.byTestId('beside').scrollIntoViewIfNeeded();
      await app.screenshot('python-beside');
      // Running the lesson again ends the comparison.
      await app.run();
      await app.waitStatus('done', 60_000);
      assert.equal(await app.byTestId('beside').count(), 0);
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'a pasted aiohttp program runs on the stand-in (connector limit 3); a threads listing is refused with a reason',
    timeout: 240_000,
    async run({ app, server }) {
      await openRunner(app, server, 'lesson=crawler&lang=en');
      const ms = [120, 80, 200, 40, 160, 100, 60, 140];
      await fill(app, `import asyncio, time
import aiohttp

async def fetch(session, ms):
    async with session.get(f"https://example.com/api?ms={ms}") as resp:
        resp.raise_for_status()
        return await resp.json()

async def main():
    conn = aiohttp.TCPConnector(limit=3)
    async with aiohttp.ClientSession(connector=conn) as session:
        t = time.perf_counter()
        r = await asyncio.gather(*(fetch(session, ms) for ms in ${JSON.stringify(ms)}))
        print(len(r), "responses", round((time.perf_counter() - t) * 1000, 1), "ms")

asyncio.run(main())
`);
      assert.equal(await runAndWait(app), 'done', await app.byTestId('py-status').innerText());
      const out = await app.byTestId('py-console').innerText();
      assert.match(out, /\[stand-in\] aiohttp/, 'the stand-in says it is one');
      // Three connections, FIFO: the same list schedule as the crawler's semaphore.
      const free = [0, 0, 0];
      for (const m of ms) { free.sort((a, b) => a - b); free[0] += m; }
      const want = r6(Math.max(...free));
      assert.match(out, new RegExp(`8 responses ${want.toFixed(1)} ms`), out);
      assert.equal(await app.number('makespan-ms'), want);

      await app.selectLesson('threadpool');
      await app.byTestId('py-open').click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="py-editor"]')?.value.includes('import'));
      assert.equal(await runAndWait(app), 'scope');
      const msg = await app.byTestId('py-scope').innerText();
      assert.match(msg, /starts threads/, msg);
      assert.match(msg, /lesson above/, msg);
      await app.screenshot('python-scope');
      assert.deepEqual(app.errors, []);
    },
  },
  {
    name: 'the editor: Python highlighting, line numbers, Tab, undo and redo, reset to the listing (undoable), no CSP violation',
    timeout: 60_000,
    async run({ app, server }) {
      await openRunner(app, server, 'lesson=crawler&lang=en');
      const listing = await source(app);
      const served = await app.page.evaluate(() => fetch('python/crawler.py').then((r) => r.text()));
      assert.equal(listing, served, 'the editor opens with the lesson\'s listing');
      assert.equal(Number(await app.byTestId('py-editor').getAttribute('data-length')), listing.length);
      // Highlighting is real: the parser's tokens carry classes, and a keyword's colour is not the text's.
      const look = () => app.page.evaluate(() => {
        const root = document.querySelector('[data-testid="py-editor"]').shadowRoot;
        const content = root.querySelector('.cm-content');
        const kw = [...root.querySelectorAll('.tok-keyword')].map((e) => e.textContent);
        const first = root.querySelector('.tok-keyword');
        return {
          keywords: kw,
          strings: root.querySelectorAll('.tok-string').length,
          keywordColour: first && getComputedStyle(first).color,
          textColour: getComputedStyle(content).color,
          numbers: [...root.querySelectorAll('.cm-lineNumbers .cm-gutterElement')] // less the hidden one that sizes the gutter
            .filter((e) => getComputedStyle(e).visibility !== 'hidden').map((e) => e.textContent),
          styleElements: document.querySelectorAll('style').length + root.querySelectorAll('style').length,
          adopted: root.adoptedStyleSheets.length,
        };
      });
      let l = await look();
      for (const k of ['import', 'from', 'class', 'def']) assert.ok(l.keywords.includes(k), `${k} is highlighted as a keyword: ${l.keywords}`);
      assert.ok(l.strings > 0, 'strings are highlighted');
      assert.notEqual(l.keywordColour, l.textColour, 'a keyword has its own colour');
      // Line numbers: the drawn lines' numbers count up from 1.
      assert.ok(l.numbers.length >= 10, `${l.numbers.length} line numbers drawn`);
      assert.deepEqual(l.numbers.slice(0, 10), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      // CodeMirror's styles are in a constructed stylesheet, not an inline <style> (the CSP forbids those).
      assert.equal(l.styleElements, 0, 'no <style> element');
      assert.ok(l.adopted >= 1, 'adopted stylesheet');
      assert.deepEqual(await app.cspViolations(), []);
      // The dark theme changes the token colours.
      await app.page.evaluate(() => window.playgroundTheme.set('dark'));
      const darkKeyword = (await look()).keywordColour;
      assert.notEqual(darkKeyword, l.keywordColour, 'dark theme, dark-theme token colours');
      await app.page.evaluate(() => window.playgroundTheme.set('light'));

      // Undo and redo: one typed edit is undone back to the listing, and redone.
      const src = app.byTestId('py-source');
      await fill(app, 'async def main():\n    pass\n');
      l = await look();
      assert.deepEqual(l.keywords, ['async', 'def', 'pass'], 'the typed text is highlighted');
      await src.press('Control+z');
      assert.equal(await source(app), listing, 'undo restores the listing');
      await src.press('Control+Shift+z');
      assert.equal(await source(app), 'async def main():\n    pass\n', 'redo brings the edit back');
      // Tab inserts four spaces at the cursor.
      await fill(app, 'x = 1');
      await src.press('End');
      await src.press('Tab');
      await app.page.keyboard.type('# four');
      assert.equal(await source(app), 'x = 1    # four');
      // Esc, then Tab, leaves the editor (keyboard users are not trapped), as the panel says.
      assert.match(await app.byTestId('py-keys').innerText(), /Esc, then Tab/);
      await app.page.keyboard.press('Escape');
      await app.page.keyboard.press('Tab');
      assert.equal(await app.page.evaluate(() => document.activeElement?.dataset.testid), 'py-clock', 'focus moved on to the next control, the clock chooser');
      assert.equal(await source(app), 'x = 1    # four', 'that Tab typed nothing');
      // Reset to the listing is one edit, which undo takes back.
      await app.byTestId('py-reset').click();
      assert.equal(await source(app), listing, 'reset restores the listing');
      await src.press('Control+z');
      assert.equal(await source(app), 'x = 1    # four', 'undo after reset brings the edited text back');
      assert.deepEqual(await app.cspViolations(), []);
      assert.deepEqual(app.errors, []);
    },
  },
  browserClock,
];

describe('Edit & run Python (Pyodide in a Web Worker)', () => {
  let server;
  let app;
  useSite(dist, (s) => ({ server, app } = s));
  // Firefox (E2E_BROWSER=firefox): the tests that say they run there. PY_ONLY=text: the tests whose name has it.
  const picked = tests.filter((x) => (x.browsers ?? ['chromium']).includes(BROWSER) && (!process.env.PY_ONLY || x.name.includes(process.env.PY_ONLY)));
  for (const t of picked) {
    it(t.name, { timeout: t.timeout }, async () => {
      await t.run({ app, server });
      assert.deepEqual(app.errors, [], 'no console errors or page errors');
    });
  }
});
