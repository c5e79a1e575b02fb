// "Edit & run Python" (issue 22): the learner's own Python on Pyodide's real
// CPython in a Web Worker, traced onto the timeline. Its own suite, run by
// e2e.mjs or alone:  node tests/e2e/pyodide.mjs DIST_DIR
// One browser context for all flows, so Pyodide downloads once (then comes from
// the HTTP cache, as on a learner's second visit). Pyodide itself is checked
// against CPython 3.11 by tests/pyodide/compare.mjs; this checks the page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { BROWSER, log, REPO_ROOT, resolveDist, useSite } from './lib.mjs';
import { crawlerPlan, SplitMix64 } from './plan.mjs';

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

// The editor (static/py/editor.js, CodeMirror in a shadow root) draws only the lines in
// view, so its text in the DOM is not the document: its host element's `value` is.
/** The editor's whole document. */
async function source(app) {
  return app.page.evaluate(() => document.querySelector('[data-testid="py-editor"]').value);
}

/** Replaces the editor's document with `text`, as a learner would: select all and delete
 *  (the editor's own commands, Ctrl+A then Backspace), then the text as one input.
 *  (Replacing a selection through the DOM, as Playwright's fill() on the contenteditable
 *  does, sometimes left CodeMirror's last empty line: "x = 1\n" for "x = 1".) */
async function fill(app, text) {
  await app.byTestId('py-source').focus();
  await app.page.keyboard.press('ControlOrMeta+a');
  await app.page.keyboard.press('Backspace');
  await app.page.waitForFunction(() => document.querySelector('[data-testid="py-editor"]')?.value === '', null, { timeout: 10_000 });
  await app.page.keyboard.insertText(text);
  // The editor reads the input from the DOM; it is in the document once the host says so.
  try {
    await app.page.waitForFunction((want) => document.querySelector('[data-testid="py-editor"]')?.value === want, text, { timeout: 10_000 });
  } catch (err) {
    const have = await source(app);
    throw new Error(`the editor holds ${JSON.stringify(have.slice(0, 200))} (${have.length} chars), not the ${text.length} typed`, { cause: err });
  }
}

async function openRunner(app, server, query) {
  await app.open(server.url, query);
  await app.byTestId('py-open').click();
  try {
    await app.page.waitForFunction(
      () => document.querySelector('[data-testid="py-editor"]')?.value.includes('asyncio'),
      null,
      { timeout: 10_000 },
    );
  } catch (err) {
    const seen = await app.page.evaluate(() => ({
      url: location.href,
      panel: !!document.querySelector('script[data-py-panel]'),
      editor: document.querySelector('[data-testid="py-editor"]')?.value.slice(0, 80) ?? null,
      status: document.querySelector('[data-testid="py-status"]')?.textContent ?? null,
    }));
    throw new Error(`the runner did not open with the listing: ${JSON.stringify(seen)}; page errors: ${app.errors.join('; ')}`, { cause: err });
  }
}

async function runAndWait(app, kinds = ['done', 'error', 'stopped', 'limited', 'killed', 'failed', 'scope']) {
  // The status still shows the last run's end until this one starts: record every change
  // from the click on, and take the first end that follows a start.
  await app.page.evaluate(() => {
    const el = document.querySelector('[data-testid="py-status"]');
    window.__pyKinds = [];
    window.__pyObs?.disconnect();
    window.__pyObs = new MutationObserver(() => window.__pyKinds.push(el.dataset.kind));
    if (el) window.__pyObs.observe(el, { attributes: true, attributeFilter: ['data-kind'] });
  });
  await app.byTestId('py-run').click();
  const h = await app.page.waitForFunction(
    (ks) => {
      const seen = window.__pyKinds ?? [];
      const start = seen.findIndex((k) => !ks.includes(k));
      return (start >= 0 && seen.slice(start).find((k) => ks.includes(k))) || false;
    },
    kinds,
    { timeout: 120_000, polling: 50 },
  );
  return h.jsonValue();
}

async function edit(app, f) {
  await fill(app, f(await source(app)));
}

/** The crawler listing with its defaults set to `n`, `k`, a fixed latency of `ms` (each replacement checked). */
function crawlerWith({ n, k, ms }) {
  let src = readFileSync(path.join(REPO_ROOT, 'python', 'crawler.py'), 'utf8');
  for (const [from, to] of [
    ['add_argument("--n", type=int, default=20)', `add_argument("--n", type=int, default=${n})`],
    ['add_argument("--k", type=int, default=5)', `add_argument("--k", type=int, default=${k})`],
    ['default="uniform"', 'default="fixed"'],
    ['add_argument("--ms", type=float, default=200)', `add_argument("--ms", type=float, default=${ms})`],
  ]) {
    assert.ok(src.includes(from), `crawler.py has ${from}`);
    src = src.replace(from, to);
  }
  return src;
}

/** The share link's fragment for `source` (static/py/share.js: deflate-raw, base64url). */
const pyLink = (source) => `#py=${deflateRawSync(Buffer.from(source, 'utf8')).toString('base64url')}`;

/** Opens the runner on a shared `source` and waits for Pyodide: whether it has JSPI (data-py-jspi). */
async function openShared(app, server, query, source) {
  await openRunner(app, server, query + pyLink(source));
  await app.page.waitForFunction((want) => document.querySelector('[data-testid="py-editor"]')?.value === want, source, { timeout: 30_000 });
  await app.page.waitForFunction(() => document.querySelector('[data-py-host]')?.dataset.pyJspi !== undefined, null, { timeout: 180_000 });
  return (await app.page.locator('[data-py-host]').getAttribute('data-py-jspi')) === 'true';
}

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
  {
    name: "the browser clock where JSPI is: the crawler (n = 6, K = 2, 100 ms) on Pyodide's WebLoop makes real requests and is never faster than ⌈n/K⌉ waves; Stop ends a waiting run; where JSPI is missing, the page says so and the virtual clock runs",
    browsers: ['chromium', 'firefox'],
    timeout: 300_000,
    async run({ app, server }) {
      const n = 6;
      const k = 2;
      const ms = 100;
      const source = crawlerWith({ n, k, ms });
      // The requests the page's network events see: from the runner's worker, answered by the endpoint.
      const answered = [];
      const onResponse = (r) => {
        if (/\/sim\/delay\?/.test(r.url()) && r.headers()['x-sim-delay-ms'] !== undefined) answered.push(r.url());
      };
      app.page.on('response', onResponse);
      const jspi = await openShared(app, server, 'lesson=crawler&lang=en', source);
      // Pyodide's answer agrees with the engine's feature (its own test, pyodide.asm.mjs: "Suspending" in WebAssembly).
      const suspending = await app.page.evaluate(() => 'Suspending' in WebAssembly);
      log(`${BROWSER}: WebAssembly.Suspending ${suspending}, Pyodide can run_sync: ${jspi}`);
      assert.equal(jspi, suspending);
      if (BROWSER === 'chromium') assert.ok(jspi, "Debian's Chromium has JSPI: the browser clock must be offered");
      const note = app.byTestId('py-clock-note');
      const browserOption = app.page.locator('[data-testid="py-clock"] option[value="browser"]');
      if (!jspi) {
        assert.equal(await browserOption.evaluate((o) => o.disabled), true, 'the browser clock cannot be chosen');
        assert.equal(await note.getAttribute('data-kind'), 'no_jspi');
        assert.match(await note.innerText(), /not available in this browser.*JSPI.*virtual clock/s);
        assert.equal(await runAndWait(app), 'done');
        assert.match(await app.byTestId('py-status').innerText(), /on the virtual clock/);
        assert.equal(await app.byTestId('run-clock').getAttribute('data-value'), 'virtual');
        await app.screenshot(`python-no-jspi-${BROWSER}`);
        await openShared(app, server, 'lesson=crawler&lang=zh', source);
        assert.equal(await note.getAttribute('data-kind'), 'no_jspi');
        assert.match(await note.innerText(), /此浏览器无法使用浏览器时钟.*JSPI/s);
        app.page.off('response', onResponse);
        return;
      }
      await app.byTestId('py-clock').selectOption('browser');
      assert.equal(await note.getAttribute('data-kind'), 'browser');
      assert.match(await note.innerText(), /undefined order/, 'the note says same-time callbacks have no defined order');
      answered.length = 0;
      assert.equal(await runAndWait(app), 'done', await app.byTestId('py-status').innerText());
      const status = await app.byTestId('py-status').innerText();
      const out = await app.byTestId('py-console').innerText();
      // Physics, one-sided: K at a time, each answered at least `ms` after it arrived, so at
      // least ⌈n/K⌉ waves of `ms`: for crawl() as the listing times it, and for the whole run.
      const floor = Math.ceil(n / k) * ms;
      const printed = out.match(new RegExp(`${n} requests, at most ${k} in flight \\(seen: ${k}\\), makespan (\\d+) ms, 0 failed`));
      assert.ok(printed, out);
      assert.ok(Number(printed[1]) >= floor, `crawl() took ${printed[1]} ms < ${floor} ms: ${out}`);
      assert.match(status, new RegExp(`${n} real requests answered by the built-in endpoint`), `${status}\n${out}`);
      for (let t0 = Date.now(); (await app.byTestId('run-clock').getAttribute('data-value')) !== 'browser' && Date.now() - t0 < 10_000;) await app.page.waitForTimeout(100);
      assert.equal(await app.byTestId('run-clock').getAttribute('data-value'), 'browser');
      const makespan = await app.number('makespan-ms');
      log(`browser clock: makespan ${makespan} ms (floor ${floor}); page saw ${answered.length} endpoint answers; ${status}\n${out}`);
      assert.ok(makespan >= floor, `makespan ${makespan} ms < ${floor} ms: ${status}\n${out}`);
      assert.equal((await app.timeline()).lanes, n + 1, 'crawl() and its requests, one lane each');
      // Playwright reports a dedicated worker's requests on its page (Chromium).
      if (BROWSER === 'chromium') assert.equal(answered.length, n, answered.join('\n'));
      app.page.off('response', onResponse);
      await app.screenshot('python-browser-clock');

      // Stop while the run waits (no Python running to see the SIGINT): the worker cancels its tasks.
      await openShared(app, server, 'lesson=crawler&lang=en', 'import asyncio\n\nasync def main():\n    await asyncio.sleep(60)\n\nasyncio.run(main())\n');
      await app.byTestId('py-clock').selectOption('browser');
      await app.byTestId('py-run').click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="py-status"]')?.dataset.kind === 'running');
      await app.page.waitForTimeout(300);
      await app.byTestId('py-stop').click();
      await app.page.waitForFunction(
        () => ['stopped', 'killed'].includes(document.querySelector('[data-testid="py-status"]')?.dataset.kind),
        null,
        { timeout: 5_000, polling: 10 },
      );
      assert.equal(await app.byTestId('py-status').getAttribute('data-kind'), 'stopped', await app.byTestId('py-status').innerText());
      const stopMs = Number(await app.byTestId('py-status').getAttribute('data-ms'));
      assert.ok(stopMs < 250, `stopped ${stopMs} ms after Stop`);

      // An exception on the browser clock: the learner's traceback, its line marked, no harness frames.
      await openShared(app, server, 'lesson=crawler&lang=en', 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.05)\n    1 / 0\n\nasyncio.run(main())\n');
      await app.byTestId('py-clock').selectOption('browser');
      assert.equal(await runAndWait(app), 'error');
      const tb = await app.byTestId('py-traceback').innerText();
      assert.match(tb, /ZeroDivisionError/);
      assert.doesNotMatch(tb, /pyreal|pytrace|webloop|File ".*asyncio/, tb);
      // The mark is in the editor's shadow root, which the Firefox driver's selectors do not reach.
      const marked = await app.page.evaluate(() => {
        const host = document.querySelector('[data-testid="py-editor"]');
        return (host.shadowRoot ?? host).querySelector('[data-testid="py-error-line"]')?.dataset.line ?? null;
      });
      assert.equal(marked, '5');
      assert.deepEqual(app.errors, []);
    },
  },
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
