// Browser benchmarks of CPU lessons (wasm, 1 thread vs the whole pool).
//
//   node tests/e2e/bench.mjs DIST_DIR [bound]               primes (bound defaults to 5000000)
//   node tests/e2e/bench.mjs DIST_DIR --lesson ID QUERY     any CPU lesson, e.g. pi "samples=2000000"
//
// Prints exactly one JSON line on stdout. Primes form:
//   {"bound":…, "wasm_t1_ms":…, "wasm_t2_ms":…, "speedup_2":…,
//    "speedup_max":…, "max_long_task_ms":…, "max_long_task_load_ms":…}
// (wasm_t2_ms and speedup_2 are null when the pool has a single thread.)
// Lesson form:
//   {"lesson":…, "threads":N, "wasm_t1_ms":…, "wasm_tn_ms":…, "max_long_task_ms":…,
//    "max_long_task_load_ms":…, "numbers": {test id: value, …},
//    "t1": {"best", "median", "stdev", "runs"}, "tn": {…}}
// where N is the pool size, wasm_t1_ms / wasm_tn_ms are the best of the
// lesson's repetitions at 1 and N threads (null for lessons without a
// thread-count sweep), t1 / tn their spread over the repetitions, read from
// the page's sweep table (the same `sweep_stats` that examples/cpu_native.rs
// prints natively), and numbers holds every number of the run's summary.
// max_long_task_ms is the longest main-thread task (PerformanceObserver
// 'longtask') that started during the run: from the click on Run (which also
// starts the worker pool on a fresh page) until the result is drawn. The CPU
// work runs on Web Workers, so it stays short however long the run is.
// max_long_task_load_ms is the same for page load, before the click.
// All logging goes to stderr.

import { launchBrowser, log, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const [distArg, ...rest] = process.argv.slice(2);
const lessonMode = rest[0] === '--lesson';
const lesson = lessonMode ? rest[1] : 'primes';
const extra = lessonMode ? (rest[2] ?? '') : '';
const bound = lessonMode ? null : Number.parseInt(rest[0] ?? '5000000', 10);
if (!lessonMode && (!Number.isInteger(bound) || bound < 2)) {
  console.error(`bench: bad bound '${rest[0]}'`);
  process.exit(2);
}
if (lessonMode && !/^[a-z0-9_]+$/.test(lesson ?? "")) {
  console.error(`bench: bad lesson '${lesson}'`);
  process.exit(2);
}

const server = await startServer(resolveDist(distArg));
const browser = await launchBrowser();
try {
  const app = await PlaygroundPage.create(browser);
  await app.observeLongTasksFromLoad();
  const query = lessonMode ? `lesson=${lesson}${extra ? `&${extra}` : ''}` : `lesson=primes&bound=${bound}`;
  log(`${query} at ${server.url}`);
  await app.open(server.url, query);
  const clicked = await app.pageNow();
  await app.run();
  await app.waitStatus('done', 600_000);
  // The result's charts and timeline are drawn as the status turns 'done';
  // give the long-task observer time to report that task too.
  await app.page.waitForTimeout(500);
  const drawn = await app.pageNow();
  const longTasks = {
    max_long_task_ms: await app.maxLongTask(clicked, drawn),
    max_long_task_load_ms: await app.maxLongTask(-Infinity, clicked),
  };

  // Every number of the summary, by test id (e.g. the GIL lesson's gil-x).
  const numbers = await app.page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid="summary"] [data-testid][data-value]')].map((e) => [
        e.getAttribute('data-testid'),
        Number.parseFloat(e.getAttribute('data-value')),
      ]),
    ),
  );
  const t1 = numbers['t1-ms'] ?? (lessonMode ? null : await app.number('t1-ms'));
  let result;
  if (lessonMode) {
    // Lessons with a thread-count sweep: per thread count the best, median,
    // standard deviation and number of the repetitions, from the sweep table.
    const threads = numbers['pool-threads'] ?? null;
    const rows = await app.page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-testid="sweep-stats"] tr[data-threads]')].map((r) => [
          r.getAttribute('data-threads'),
          {
            best: Number.parseFloat(r.getAttribute('data-best')),
            median: Number.parseFloat(r.getAttribute('data-median')),
            stdev: Number.parseFloat(r.getAttribute('data-stdev')),
            runs: Number.parseInt(r.getAttribute('data-runs'), 10),
          },
        ]),
      ),
    );
    const [r1, rn] = [rows['1'] ?? null, threads ? (rows[String(threads)] ?? null) : null];
    result = {
      lesson,
      threads,
      wasm_t1_ms: r1 ? r1.best : null,
      wasm_tn_ms: rn ? rn.best : null,
      t1: r1,
      tn: rn,
      ...longTasks,
      numbers,
    };
  } else {
    const t2 = await app.optionalNumber('t2-ms');
    result = {
      bound,
      wasm_t1_ms: t1,
      wasm_t2_ms: t2,
      speedup_2: t2 ? Number((t1 / t2).toFixed(3)) : null,
      speedup_max: await app.number('speedup-max'),
      ...longTasks,
    };
  }
  if (app.errors.length) log('page errors:', app.errors);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
  await server.close();
}
