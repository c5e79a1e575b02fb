// Replay, the virtual clock and the playground trace file (export / import),
// driven through the UI. Runs last (zz-) on the shared page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

/** Moves the replay scrubber to `ms` the way a drag does (an input event). */
async function scrub(app, ms) {
  await app.byTestId('replay-scrubber').evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, ms);
}

/** The caption's data attributes: { t, lane, kind, index, text }. */
async function caption(app) {
  const c = app.byTestId('replay-caption');
  const [t, lane, kind, index, text] = await Promise.all(
    ['data-t', 'data-lane', 'data-kind', 'data-index'].map((a) => c.getAttribute(a)).concat([c.innerText()]),
  );
  return { t: Number(t), lane, kind, index: Number(index), text };
}

async function replayState(app) {
  const s = app.byTestId('replay-state');
  const get = async (a) => Number(await s.getAttribute(`data-${a}`));
  return { io: await get('io'), waiting: await get('waiting'), done: await get('done'), t: await get('t') };
}

async function downloadPlayground(app) {
  const [d] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 15_000 }),
    app.byTestId('download-playground').click(),
  ]);
  return { path: await d.path(), name: d.suggestedFilename() };
}

// 12 requests, 3 permits, 100 ms each: four waves, makespan exactly 400 ms.
const WAVES = 'lesson=crawler&n=12&k=3&latency=fixed&ms=100&fail=0&seed=1&clock=virtual';

export const tests = [
  {
    name: 'crawler on the virtual clock: instant, scrub to the middle, step, keys, play',
    async run({ app, server }) {
      await app.open(server.url, WAVES);
      assert.equal(await app.byTestId('clock-select').inputValue(), 'virtual');
      assert.match(await app.byTestId('share-link').getAttribute('href'), /clock=virtual/);
      const t0 = Date.now();
      await app.run();
      await app.waitStatus('done', 10_000);
      assert.ok(Date.now() - t0 < 5_000, 'a virtual run is instant');
      assert.equal(await app.byTestId('run-clock').getAttribute('data-value'), 'virtual');
      assert.equal(await app.number('makespan-ms'), 400);
      assert.equal(await app.number('max-in-flight'), 3);

      // The whole run is shown at first: the scrubber sits at the end.
      assert.equal(Number(await app.byTestId('replay-scrubber').getAttribute('max')), 400);
      assert.equal((await replayState(app)).done, 12);

      // Middle of the third wave: requests 6-8 in flight, 0-5 done, 9-11 waiting.
      await scrub(app, 250);
      assert.deepEqual(await replayState(app), { io: 3, waiting: 3, done: 6, t: 250 });
      let c = await caption(app);
      assert.deepEqual([c.t, c.lane, c.kind], [200, '8', 'enter'], JSON.stringify(c));
      assert.match(c.text, /request 8/);
      await app.screenshot('replay-middle');

      // Step forward: at 300 ms the first thing is request 6 finishing.
      await app.byTestId('step-forward').click();
      c = await caption(app);
      assert.deepEqual([c.t, c.lane, c.kind], [300, '6', 'finish'], JSON.stringify(c));
      assert.match(c.text, /finished: done/);
      assert.equal(Number(await app.byTestId('replay-scrubber').inputValue()), 300);
      // Step back: request 8 starting I/O at 200 ms.
      await app.byTestId('step-back').click();
      c = await caption(app);
      assert.deepEqual([c.t, c.lane], [200, '8']);
      // The keyboard does the same.
      await app.page.locator('h1').click();
      await app.page.keyboard.press('ArrowRight');
      assert.deepEqual([(await caption(app)).t, (await caption(app)).lane], [300, '6']);
      await app.page.keyboard.press('ArrowLeft');
      await app.page.keyboard.press('ArrowLeft');
      c = await caption(app);
      assert.equal(c.t, 200);
      assert.equal(c.lane, '7');

      // Play moves the cursor forward; pause stops it.
      await scrub(app, 0);
      await app.byTestId('replay-play').click();
      await app.page.waitForFunction(
        () => Number(document.querySelector('[data-testid="replay-state"]')?.getAttribute('data-t')) > 40,
        null, { timeout: 10_000 });
      await app.byTestId('replay-play').click();
      assert.equal(await app.byTestId('replay-play').getAttribute('data-playing'), 'false');
      const paused = (await replayState(app)).t;
      await app.page.waitForTimeout(300);
      assert.equal((await replayState(app)).t, paused);
      assert.ok(paused > 0 && paused < 400, `${paused}`);
    },
  },
  {
    name: 'same seed, same trace; playground JSON downloads and imports back',
    async run({ app, server }) {
      const q = 'lesson=crawler&n=15&k=4&latency=longtail&ms=80&fail=10&seed=7&clock=virtual';
      await app.open(server.url, q);
      await app.run();
      await app.waitStatus('done', 10_000);
      const first = await downloadPlayground(app);
      assert.match(first.name, /^crawler-playground\.json$/);
      const text = await readFile(first.path, 'utf8');
      const trace = JSON.parse(text);
      assert.equal(trace.version, 1);
      assert.equal(trace.meta.scenario, 'crawler');
      assert.equal(trace.meta.clock, 'virtual');
      const numbers = {};
      for (const id of ['makespan-ms', 'max-in-flight', 'tasks-done', 'tasks-failed', 'p95-ms']) numbers[id] = await app.number(id);
      const shape = await app.timeline();

      // Again: the very same trace, byte for byte.
      await app.open(server.url, q);
      await app.run();
      await app.waitStatus('done', 10_000);
      assert.equal(await readFile((await downloadPlayground(app)).path, 'utf8'), text);

      // Another lesson on screen, then import the file: the crawler run is back.
      await app.selectLesson('gather');
      assert.equal(await app.byTestId('timeline').count(), 0);
      await app.byTestId('import-trace').setInputFiles(first.path);
      await app.page.waitForFunction(
        () => document.querySelector('[data-testid="lesson-select"]')?.value === 'crawler'
          && document.querySelector('[data-testid="makespan-ms"]'), null, { timeout: 10_000 });
      for (const [id, v] of Object.entries(numbers)) assert.equal(await app.number(id), v, id);
      assert.deepEqual(await app.timeline(), shape);
      assert.equal(await app.status(), 'done');
      assert.equal(await app.byTestId('param-n').inputValue(), '15');
      assert.equal(await app.byTestId('import-error').count(), 0);
      // And it replays.
      assert.equal(Number(await app.byTestId('replay-scrubber').getAttribute('max')), numbers['makespan-ms']);
      await scrub(app, 0);
      await app.byTestId('step-forward').click();
      const c = await caption(app);
      assert.ok(c.t > 0 && c.index > 0 && /request \d+/.test(c.text), JSON.stringify(c));
      await app.screenshot('replay-imported');
    },
  },
  {
    name: 'malformed imports are explained and the page keeps working',
    async run({ app, server }) {
      await app.open(server.url, WAVES);
      await app.run();
      await app.waitStatus('done', 10_000);
      const shape = await app.timeline();
      const bad = [
        ['broken.json', '{"version": 1,\n "meta": {', 'not_json', /not valid JSON \(line 2/],
        ['chrome.json', '{"traceEvents": []}', 'not_a_trace', /not a playground trace/],
        ['future.json', '{"version": 99, "meta": {}}', 'version', /version 99/],
        ['damaged.json', '{"version": 1, "meta": {"scenario": "crawler"}}', 'shape', /damaged/],
      ];
      for (const [name, body, kind, text] of bad) {
        await app.byTestId('import-trace').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
        await app.page.waitForFunction(
          (k) => document.querySelector('[data-testid="import-error"]')?.getAttribute('data-kind') === k, kind, { timeout: 5_000 });
        assert.match(await app.byTestId('import-error').innerText(), text, name);
        // The run on screen stays.
        assert.deepEqual(await app.timeline(), shape);
        assert.equal(await app.number('makespan-ms'), 400);
      }
      await app.screenshot('import-error');

      // In Chinese too.
      await app.byTestId('lang-select').selectOption('zh');
      assert.match(await app.byTestId('import-error').innerText(), /[\u4e00-\u9fff]/);
      await app.byTestId('lang-select').selectOption('en');

      // The page still runs a lesson, now on the browser's clock, and the error goes.
      await app.byTestId('clock-select').selectOption('browser');
      assert.doesNotMatch(await app.byTestId('share-link').getAttribute('href'), /clock=/);
      await app.setParam('n', 4);
      await app.setParam('k', 2);
      await app.setParam('ms', 50);
      await app.run();
      await app.waitStatus('done', 30_000);
      assert.equal(await app.number('tasks-done'), 4);
      assert.equal(await app.byTestId('run-clock').getAttribute('data-value'), 'browser');
      assert.equal(await app.byTestId('import-error').count(), 0);
    },
  },
  {
    name: 'a million-event trace is refused by its size at once, without freezing the page',
    timeout: 120_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=crawler&n=1&latency=fixed&ms=10&clock=virtual&run=1');
      await app.waitStatus('done', 10_000);
      const base = JSON.parse(await readFile((await downloadPlayground(app)).path, 'utf8'));
      // The most compact million events: one lane, each event as short as the format allows.
      // The file is assembled in the page from small parts between timer turns (no long
      // task of the test's own), then handed to the input as a user's pick would be.
      base.events = [];
      const bytes = await app.page.evaluate(async (json) => {
        const at = json.indexOf('"events":[]') + '"events":['.length;
        const item = '{"lane":0,"name":"e","detail":null,"t_ms":1}';
        const chunk = Array.from({ length: 10_000 }, () => item).join(',');
        const parts = [json.slice(0, at)];
        for (let i = 0; i < 100; i += 1) {
          parts.push(i === 0 ? chunk : `,${chunk}`);
          await new Promise((r) => setTimeout(r, 0));
        }
        parts.push(json.slice(at));
        window.__millionFile = new File(parts, 'million.json', { type: 'application/json' });
        return window.__millionFile.size;
      }, JSON.stringify(base));
      await app.observeLongTasks();
      const t0 = await app.pageNow();
      await app.page.evaluate(() => {
        const input = document.querySelector('[data-testid="import-trace"]');
        const dt = new DataTransfer();
        dt.items.add(window.__millionFile);
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await app.page.waitForFunction(
        () => document.querySelector('[data-testid="import-error"]')?.getAttribute('data-kind') === 'too_large', null, { timeout: 30_000 });
      assert.match(await app.byTestId('import-error').innerText(), /MB/);
      await app.page.waitForTimeout(500); // let any late task land
      const longest = await app.maxLongTask(t0);
      console.log(`import of ${(bytes / 1048576).toFixed(1)} MB (1,000,000 events): longest main-thread task ${longest} ms`);
      assert.ok(longest < 200, `a ${longest} ms main-thread task`);
      assert.equal(await app.number('makespan-ms'), 10, 'the run on screen stays');
    },
  },
];
