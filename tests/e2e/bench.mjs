// Browser benchmarks of CPU lessons (wasm, 1 thread vs the whole pool).
//
//   node tests/e2e/bench.mjs DIST_DIR [bound]               primes (bound defaults to 5000000)
//   node tests/e2e/bench.mjs DIST_DIR --lesson ID QUERY     any CPU lesson, e.g. pi "samples=2000000"
//
// Prints exactly one JSON line on stdout. Primes form:
//   {"bound":…, "wasm_t1_ms":…, "wasm_t2_ms":…, "speedup_2":…,
//    "speedup_max":…, "max_long_task_ms":…}
// (wasm_t2_ms and speedup_2 are null when the pool has a single thread.)
// Lesson form:
//   {"lesson":…, "threads":N, "wasm_t1_ms":…, "wasm_tn_ms":…, "max_long_task_ms":…}
// where N is the pool size and tN = t1 / (the speedup plotted at N threads).
// max_long_task_ms is the longest main-thread task from page load to the end
// of the run (PerformanceObserver 'longtask': the page must stay responsive).
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
  // run=1 starts the run during load, so observe long tasks from the start.
  await app.observeLongTasksFromLoad();
  const query = lessonMode ? `lesson=${lesson}${extra ? `&${extra}` : ''}&run=1` : `lesson=primes&bound=${bound}&run=1`;
  log(`${query} at ${server.url}`);
  await app.open(server.url, query);
  await app.waitStatus('done', 600_000);

  const t1 = await app.number('t1-ms');
  let result;
  if (lessonMode) {
    const threads = await app.number('pool-threads');
    const point = app.page.locator(`[data-testid="speedup-point"][data-threads="${threads}"]`);
    const speedup = Number.parseFloat(await point.getAttribute('data-speedup', { timeout: 5_000 }));
    result = {
      lesson,
      threads,
      wasm_t1_ms: t1,
      wasm_tn_ms: speedup > 0 ? t1 / speedup : null,
      max_long_task_ms: await app.maxLongTask(),
    };
  } else {
    const t2 = await app.optionalNumber('t2-ms');
    result = {
      bound,
      wasm_t1_ms: t1,
      wasm_t2_ms: t2,
      speedup_2: t2 ? Number((t1 / t2).toFixed(3)) : null,
      speedup_max: await app.number('speedup-max'),
      max_long_task_ms: await app.maxLongTask(),
    };
  }
  if (app.errors.length) log('page errors:', app.errors);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
  await server.close();
}
