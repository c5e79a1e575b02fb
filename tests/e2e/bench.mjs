// Browser benchmark of the primes lesson (wasm, 1 thread vs the thread pool).
//
//   node tests/e2e/bench.mjs DIST_DIR [bound]     (bound defaults to 5000000)
//
// Prints exactly one JSON line on stdout:
//   {"bound":…, "wasm_t1_ms":…, "wasm_t2_ms":…, "speedup_2":…,
//    "speedup_max":…, "max_long_task_ms":…}
// wasm_t2_ms and speedup_2 are null when the pool has a single thread.
// All logging goes to stderr.

import { launchBrowser, log, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const [distArg, boundArg = '5000000'] = process.argv.slice(2);
const bound = Number.parseInt(boundArg, 10);
if (!Number.isInteger(bound) || bound < 2) {
  console.error(`bench: bad bound '${boundArg}'`);
  process.exit(2);
}

const server = await startServer(resolveDist(distArg));
const browser = await launchBrowser();
try {
  const app = await PlaygroundPage.create(browser);
  // run=1 starts the run during load, so observe long tasks from the start.
  await app.observeLongTasksFromLoad();
  log(`primes bound=${bound} at ${server.url}`);
  await app.open(server.url, `lesson=primes&bound=${bound}&run=1`);
  await app.waitStatus('done', 300_000);

  const t1 = await app.number('t1-ms');
  const t2 = await app.optionalNumber('t2-ms');
  const result = {
    bound,
    wasm_t1_ms: t1,
    wasm_t2_ms: t2,
    speedup_2: t2 ? Number((t1 / t2).toFixed(3)) : null,
    speedup_max: await app.number('speedup-max'),
    max_long_task_ms: await app.maxLongTask(),
  };
  if (app.errors.length) log('page errors:', app.errors);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
  await server.close();
}
