// The page never freezes (issue 19, item 6): every lesson, with every whole-number
// parameter at the largest value its form allows (the seed aside), on each clock
// it has, is run from the page. From the click on Run until a moment after the
// run ended, no main-thread task may keep the page's thread on a CPU for more
// than TARGET_MS (issue 23: no long task) nor last longer than LONG_TASK_MS by
// the wall clock, and a run still going after WATCH_MS must stop within
// STOP_MS of Stop and leave the page usable (the next lesson opens and runs).
//
//   node tests/e2e/max_sizes.mjs DIST_DIR     (also run by e2e.mjs)
//   MAX_SIZES_ONLY=hybrid,crawler node tests/e2e/max_sizes.mjs dist
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { log, resolveDist, useSite } from './lib.mjs';

const dist = resolveDist(process.argv[2]);
/**
 * Issue 23's bound (a long task is one over 50 ms), ms, on each task's time on
 * a CPU: what the page's thread did in it, from a Chromium trace of the run
 * (`longestTaskCpu`), whatever the machine's load. Runs whose longest task
 * took longer by the wall clock are listed.
 */
const TARGET_MS = 50;
/**
 * The page's longest task by the wall clock (Long Tasks API), ms: a guard
 * against a page that stalls without computing. A task's wall time is its time
 * on a CPU plus the time its thread waited for one (or for the browser's other
 * threads), which the machine's load sets, not the page: on this 2-core
 * machine shared with other builds, tasks of at most 44 ms on a CPU lasted up
 * to 187 ms at load 7, and one of 26 ms lasted 188 ms at load 9, so no bound
 * nearer 50 holds under load (at load 2-3 no run's longest task reached 50 ms;
 * BENCHMARKS.md, "No long task").
 */
const LONG_TASK_MS = 200;
/** How long a run is watched before Stop, ms. */
const WATCH_MS = 2_500;
/** How soon Stop must end a run, ms: a CPU chunk or a loop turn, and one redraw. */
const STOP_MS = 2_000;
/** After the run ends: the redraw of its results (timeline, charts) happens in this window. */
const SETTLE_MS = 600;
const ONLY = process.env.MAX_SIZES_ONLY ? new Set(process.env.MAX_SIZES_ONLY.split(',')) : null;

/**
 * Runs refused at their maxima, by design, with a message saying why (checked
 * against REFUSED's pattern): "<lesson>:<clock>" → [why, pattern of run-error].
 */
const REFUSED = {
  // 200 inputs of 100 MB held and copied at once crashed the page (13.4 s task, then `unreachable`).
  'chooser:browser': ['n × kb over the measured runs\' copy budget (chooser::MEASURE_BUDGET_KB)', /64 MB/],
  // mode=block stalls the page's thread for cpu_ms by design: 5,000 ms froze it (Stop unanswered).
  'blocking:browser': ['cpu_ms over the page-stall budget (blocking::PAGE_STALL_MAX_MS)', /at most 1000/],
};

/** Every whole-number parameter of the open lesson at its form's maximum (title "min … max"). */
async function maxParams(app, { pool }) {
  const cores = await app.page.evaluate(() => navigator.hardwareConcurrency);
  const inputs = await app.page.$$eval('input[data-testid^="param-"]', (els) =>
    els.map((e) => ({ key: e.dataset.testid.slice('param-'.length), title: e.title, inputmode: e.inputMode })));
  const out = {};
  for (const { key, title, inputmode } of inputs) {
    if (inputmode !== 'numeric' || key === 'seed') continue;
    const m = /…\s*(-?\d+)\s*$/.exec(title);
    // A CPU lesson's pool has one thread per core: more is refused with a message.
    if (m) out[key] = pool && key === 'threads' ? String(Math.min(Number(m[1]), cores)) : m[1];
  }
  return out;
}

/**
 * The longest task of the page's main thread by its time on a CPU (ms), from a
 * Chromium trace of the run ('toplevel': every task of a renderer's main
 * thread, CrRendererMain, with its thread time `tdur`; its wall time where a
 * task has none).
 */
async function longestTaskCpu(file) {
  const { traceEvents } = JSON.parse(await readFile(file, 'utf8'));
  const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // Outermost events only (a task, not what ran inside it), per thread.
  const events = traceEvents.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const end = new Map();
  let longest = 0;
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (end.get(thread) ?? -Infinity)) continue;
    end.set(thread, e.ts + e.dur);
    longest = Math.max(longest, (e.tdur ?? e.dur) / 1000);
  }
  return longest;
}

async function ended(app, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    const s = await app.status();
    if (s !== 'running') return s;
    if (Date.now() - t0 > timeoutMs) return 'running';
    await app.page.waitForTimeout(50);
  }
}

describe('the page never freezes: every lesson at its largest sizes, on each clock', () => {
  let server;
  let app;
  let browser;
  let lessons = [];
  useSite(dist, (s) => ({ server, app, browser } = s));
  before(async () => {
    await app.open(server.url);
    lessons = await app.byTestId('lesson-select').locator('option').evaluateAll((os) => os.map((o) => o.value));
  });

  it(`every lesson's longest task stays under ${TARGET_MS} ms on a CPU and ${LONG_TASK_MS} ms by the clock, and Stop ends it within ${STOP_MS} ms`, { timeout: 900_000 }, async () => {
    assert.ok(lessons.length >= 26, `catalogue: ${lessons.length} lessons`);
    const bad = [];
    const overTarget = [];
    for (const lesson of lessons.filter((l) => !ONLY || ONLY.has(l))) {
      await app.open(server.url, `lesson=${lesson}`);
      const clocks = (await app.byTestId('clock-select').count()) ? ['virtual', 'browser'] : [''];
      const params = await maxParams(app, { pool: clocks.length === 1 });
      for (const clock of clocks) {
        const q = new URLSearchParams({ lesson, ...params, ...(clock ? { clock } : {}) }).toString();
        await app.open(server.url, q);
        assert.equal(await app.byTestId('param-error').count(), 0, `${q}: the form refuses its own maxima`);
        await app.observeLongTasks();
        const traced = path.join(tmpdir(), `max-sizes-${process.pid}.json`);
        await browser.startTracing(app.page, { path: traced, categories: ['toplevel'] });
        const t0 = await app.pageNow();
        await app.run();
        let status = await ended(app, WATCH_MS);
        let stopMs = null;
        if (status === 'running') {
          const s0 = Date.now();
          await app.stop();
          status = await ended(app, STOP_MS + 1_000);
          stopMs = Date.now() - s0;
        }
        await app.page.waitForTimeout(SETTLE_MS);
        const longest = await app.maxLongTask(t0);
        await browser.stopTracing();
        const cpu = await longestTaskCpu(traced);
        await rm(traced);
        const line = `${q}: ${status}${stopMs === null ? '' : ` (Stop took ${stopMs} ms)`}, longest task ${longest.toFixed(0)} ms (${cpu.toFixed(0)} ms on a CPU)`;
        log(line);
        if (longest > TARGET_MS) overTarget.push(line);
        if (longest > LONG_TASK_MS) bad.push(`${line}: over ${LONG_TASK_MS} ms`);
        if (cpu > TARGET_MS) bad.push(`${line}: the page's thread ran over ${TARGET_MS} ms in one task`);
        if (stopMs !== null && (!['stopped', 'done'].includes(status) || stopMs > STOP_MS)) bad.push(`${line}: did not stop within ${STOP_MS} ms`);
        const refused = REFUSED[`${lesson}:${clock || 'browser'}`];
        if (status === 'failed') {
          const msg = await app.byTestId('run-error').innerText().catch(() => '?');
          if (!refused || !refused[1].test(msg)) bad.push(`${line}: ${msg}`);
        } else if (refused) {
          bad.push(`${line}: should be refused (${refused[0]})`);
        }
        const pageErrors = app.errors.filter((e) => e.startsWith('pageerror'));
        if (pageErrors.length) bad.push(`${line}: ${pageErrors.join('; ')}`);
      }
    }
    console.log(`\n# max sizes: ${overTarget.length} run(s) with a task over issue 23's ${TARGET_MS} ms by the wall clock`);
    for (const o of overTarget) console.log(`#   ${o}`);
    for (const key of Object.keys(REFUSED)) assert.ok(lessons.includes(key.split(':')[0]), `REFUSED names no lesson: ${key}`);
    assert.deepEqual(bad, []);
  });
});
