// The Python runner on the browser clock (Pyodide's WebLoop through JSPI, in
// Chromium and Firefox), or what the page says where JSPI is missing: one test of
// the pyodide.mjs suite (its browser context), with the shared-link helpers it uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { BROWSER, log, REPO_ROOT } from './lib.mjs';
import { openRunner, runAndWait } from './py_page.mjs';

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

export const browserClock = {
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
  };
