// The first load: the release wasm is cut in two (tools/split_wasm.py). The
// first lessons must run from the primary module alone, inside the byte budget
// of issue 12; the rest must arrive by itself, and every other lesson must run
// on it (the whole e2e suite runs on this split build).
//
//   node tests/e2e/split.mjs DIST_DIR      (also run by e2e.mjs)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { PlaygroundPage, resolveDist, useSite } from './lib.mjs';

const dist = resolveDist(process.argv[2]);
/** Issue 12: the wasm + JS the first lesson needs (primary wasm + its glue), gzipped. */
const BUDGET_BYTES = 300 * 1024;
const files = readdirSync(dist);
const primary = files.find((f) => f.endsWith('_bg.wasm'));
const rest = files.find((f) => f.endsWith('.rest.wasm'));
const glue = files.find((f) => /^concurrency-playground-[0-9a-f]+\.js$/.test(f));
const gz = (f) => gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length;
const stats = (page) => page.evaluate(() => ({ ...window.wasmBindings.splitStats }));

describe('first load: the wasm in two (tools/split_wasm.py)', () => {
  let server;
  let browser;
  useSite(dist, (s) => ({ server, browser } = s));

  it(`the first lesson's wasm + JS glue fit in ${BUDGET_BYTES / 1024} KB gzipped`, () => {
    assert.ok(primary && rest && glue, `a split build has a primary wasm, a .rest.wasm and the glue: ${files.join(' ')}`);
    const first = gz(primary) + gz(glue);
    assert.ok(first <= BUDGET_BYTES, `primary ${gz(primary)} B + glue ${gz(glue)} B = ${first} B gzipped > ${BUDGET_BYTES}`);
  });

  it('the crawler runs from the primary module alone; the rest follows by itself, once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const app = new PlaygroundPage(page);
    const restRequests = [];
    page.on('request', (r) => { if (r.url().endsWith('.rest.wasm')) restRequests.push(r.url()); });
    await page.goto(`${server.url}?lesson=crawler&clock=virtual&run=1`);
    await app.waitStatus('done', 60_000);
    const s = await stats(page);
    assert.equal(s.placeholderCalls, 0,
      'the first run called a function outside the primary module: remake tools/first-lesson.funcs (tests/e2e/split_profile.mjs)');
    assert.equal(s.syncLoads, 0);
    await page.waitForFunction(() => window.wasmBindings.splitStats.asyncLoads === 1, null, { timeout: 30_000 });
    assert.deepEqual(restRequests, [`${server.url}${rest}`], 'the page fetched the rest once');
    // Every text the first lesson drew is in the wasm's own table, none from i18n-later.json.
    assert.equal(await page.evaluate(() => window.wasmBindings.laterTextsAsked()), '',
      'the first lesson looked up these keys outside the first-load texts: move them to a TABLE (crates/lessons/src/i18n)');
    // A lesson outside the first ones now runs on the rest, with no synchronous load.
    await app.selectLesson('primes');
    await app.run();
    await app.waitStatus('done', 60_000);
    const after = await stats(page);
    assert.equal(after.syncLoads, 0);
    assert.deepEqual(app.errors, []);
    await context.close();
  });

  it("workers started after the rest arrived use the page's compiled rest: no pool thread or process fetches it", async () => {
    const app = await PlaygroundPage.create(browser);
    const page = app.page;
    const restRequests = [];
    // The context sees the workers' requests too.
    page.context().on('request', (r) => { if (r.url().endsWith('.rest.wasm')) restRequests.push(r.url()); });
    await page.goto(`${server.url}?lesson=crawler&clock=virtual`);
    await page.waitForFunction(() => window.wasmBindings.splitStats.asyncLoads === 1, null, { timeout: 30_000 });
    assert.equal(restRequests.length, 1, `the page fetched the rest once: ${restRequests.join(' ')}`);
    // A CPU lesson in the same page: its run starts the rayon pool (a worker a hardware thread).
    await app.selectLesson('primes');
    await app.setParam('bound', 200000);
    await app.run();
    await app.waitStatus('done', 60_000);
    assert.ok((await app.number('pool-threads')) >= 1);
    // Two processes of the process pool, as the GIL lesson's and the chooser's start them.
    const runs = await page.evaluate(() => window.wasmBindings.proc_bench(2, 0));
    assert.equal(runs.length, 2);
    assert.deepEqual(restRequests, [`${server.url}${rest}`],
      'a worker fetched the rest itself instead of using the compiled module the page sent it');
    await app.close();
  });

  it('a link to another lesson waits for the rest before it starts, so nothing loads synchronously', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const app = new PlaygroundPage(page);
    await page.goto(`${server.url}?lesson=primes&run=1`);
    await app.waitStatus('done', 60_000);
    const s = await stats(page);
    assert.equal(s.asyncLoads, 1);
    assert.equal(s.syncLoads, 0);
    assert.equal(s.placeholderCalls, 0, 'the rest was in place before the app started');
    assert.deepEqual(app.errors, []);
    await context.close();
  });

  it("the other lessons' texts come after the first load, and no lesson draws them blank", async () => {
    const texts = new Map(JSON.parse(readFileSync(path.join(dist, 'i18n-later.json'), 'utf8')).map(([k, en, zh]) => [k, { en, zh }]));
    const notice = (page) => page.locator('[data-testid="lesson-notice"]').textContent();
    const context = await browser.newContext();
    // A link to a lesson outside the first ones: its texts are there at the first paint.
    const page = await context.newPage();
    await page.goto(`${server.url}?lesson=primes&lang=zh`);
    await page.locator('[data-testid="app-ready"]').waitFor();
    assert.equal(await notice(page), texts.get('primes.notice').zh);
    // The crawler: its own texts are in the wasm; the others arrive after it runs.
    const first = await context.newPage();
    const fetched = first.waitForResponse((r) => r.url().endsWith('/i18n-later.json'));
    await first.goto(`${server.url}?lesson=crawler&clock=virtual&run=1`);
    const app = new PlaygroundPage(first);
    await app.waitStatus('done', 60_000);
    assert.equal((await fetched).status(), 200);
    assert.ok(!texts.has('crawler.notice'), 'the first lesson\'s texts stay in the wasm');
    assert.ok((await notice(first)).length > 0);
    await first.waitForFunction(() => window.wasmBindings.splitStats.asyncLoads === 1, null, { timeout: 30_000 });
    await app.selectLesson('sha256');
    assert.equal(await notice(first), texts.get('sha256.notice').en);
    assert.deepEqual(app.errors, []);
    await context.close();
  });

  it('the listing is fetched from the site when shown, not carried in the wasm', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const listing = page.waitForResponse((r) => r.url().endsWith('/python/crawler.py'));
    await page.goto(`${server.url}?lesson=crawler`);
    assert.equal((await listing).status(), 200);
    // The file as it is, less the fold buttons (the harness folded behind "▸ … lines folded").
    const code = page.locator('[data-testid="python-listing"][data-state="ready"] code');
    await code.waitFor();
    const shown = await code.evaluate((el) => {
      const c = el.cloneNode(true);
      for (const s of c.querySelectorAll('button.fold-toggle')) s.remove();
      return c.textContent;
    });
    // The fold markers (`# --- harness: …`, `# --- end harness`) are what the buttons replace.
    const file = readFileSync(path.join(dist, 'python', 'crawler.py'), 'utf8');
    assert.equal(shown, file.split('\n').filter((l) => !/^\s*# --- (harness\b|end harness)/.test(l)).join('\n'));
    await context.close();
  });

  it('the listing opens on the idea; what only records for the playground is folded, one click or key away (embedded too)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const [query, lang] of [['lesson=crawler', 'en'], ['lesson=crawler&embed=1&lang=zh', 'zh']]) {
      await page.goto(`${server.url}?${query}`);
      const listing = page.locator('[data-testid="python-listing"][data-state="ready"]');
      await listing.waitFor();
      // What a reader sees before any click: no fold's body, no fold button's label.
      const visible = await listing.locator('code').evaluate((el) => {
        const c = el.cloneNode(true);
        for (const s of c.querySelectorAll('button.fold-toggle, .fold-body[hidden]')) s.remove();
        return c.textContent.split('\n').filter((l) => l.trim() !== '');
      });
      assert.equal(visible[0], 'async def crawl(args):', `${query}: the first shown line is the idea`);
      assert.ok(visible.some((l) => l.includes('asyncio.Semaphore(args.k)')) && visible.some((l) => l.includes('asyncio.gather(')), query);
      for (const hidden of ['from simnet import', 'argparse', 'class Server', 'events.append(', 'tasks.append(', 'max_in_flight']) {
        assert.ok(!visible.some((l) => l.includes(hidden)), `${query}: ${hidden} is folded`);
      }
      // A recording fold: a button saying what it hides, aria-expanded, one click (then a key) away.
      const fold = listing.locator('[data-testid="listing-harness"][data-what="listing.harness.recording"]')
        .filter({ hasText: 'events.append({"t": now(), "id": i, "ev": "start"})' });
      const button = fold.locator('button.fold-toggle');
      const line = fold.locator('.fold-body');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await button.getAttribute('aria-controls'), await line.getAttribute('id'));
      assert.equal(await button.textContent(), lang === 'zh' ? '▸ 为演练场做的记录：已折叠 3 行' : '▸ recording for the playground: 3 lines folded');
      assert.ok(!(await line.isVisible()));
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      assert.equal(await button.textContent(), lang === 'zh' ? '▾ 为演练场做的记录：已展开' : '▾ recording for the playground: shown');
      assert.ok(await line.isVisible());
      assert.match(await line.textContent(), /in_flight \+= 1 {2}# rec\n.*max_in_flight = max\(max_in_flight, in_flight\) {2}# rec\n.*events\.append/s);
      await button.press('Enter');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.ok(!(await line.isVisible()));
      await button.press(' ');
      assert.ok(await line.isVisible(), 'the space key opens it too');
    }
    await context.close();
  });
});
