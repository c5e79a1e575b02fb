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
//    "max_long_task_load_ms":…, "numbers": {test id: value, …}}
// where N is the pool size and tN = t1 / (the speedup plotted at N threads)
// (null for lessons without a thread-count sweep), and numbers holds every
// number of the run's summary.
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
    // Lessons with a thread-count sweep: t1 and tN = t1 / (the speedup plotted at N).
    const threads = numbers['pool-threads'] ?? null;
    const point = app.page.locator(`[data-testid="speedup-point"][data-threads="${threads}"]`);
    const speedup = t1 && (await point.count()) ? Number.parseFloat(await point.getAttribute('data-speedup')) : null;
    result = {
      lesson,
      threads,
      wasm_t1_ms: t1,
      wasm_tn_ms: speedup > 0 ? t1 / speedup : null,
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
