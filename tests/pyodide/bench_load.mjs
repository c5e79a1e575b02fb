// BENCHMARKS.md "Python runner": Pyodide's load in headless Chromium, from the
// press of "Edit & run Python" to CPython ready (the worker's own measure:
// download + start + helpers), cold (a fresh browser profile: nothing cached)
// and warm (a second page of the same profile: the HTTP cache), the bytes that
// came over the wire, and the wasm memory CPython has once started.
//   node tests/pyodide/bench_load.mjs DIST_DIR
import { launchBrowser, PlaygroundPage, resolveDist, startServer } from '../e2e/lib.mjs';

const dist = resolveDist(process.argv[2]);
const server = await startServer(dist);
const browser = await launchBrowser();
try {
  const app = await PlaygroundPage.create(browser);
  for (const visit of ['cold', 'warm']) {
    let bytes = 0;
    const sizes = [];
    const onResponse = async (r) => {
      if (!/\/pyodide\//.test(r.url())) return;
      const len = Number((await r.headerValue('content-length').catch(() => null)) ?? 0);
      sizes.push(`${r.url().split('/').pop()} ${r.fromServiceWorker() ? 'sw' : ''}${r.status()}`);
      bytes += len;
    };
    app.page.on('response', onResponse);
    await app.open(server.url, 'lesson=crawler&lang=en');
    const t0 = Date.now();
    await app.byTestId('py-open').click();
    await app.page.waitForFunction(() => document.querySelector('[data-py-host]')?.dataset.pyLoadMs, null, { timeout: 180_000 });
    const pageMs = Date.now() - t0;
    const host = app.page.locator('[data-py-host]');
    const loadMs = Number(await host.getAttribute('data-py-load-ms'));
    const memory = Number(await host.getAttribute('data-py-memory'));
    app.page.off('response', onResponse);
    console.log(`${visit}: worker-measured load ${loadMs} ms, press to ready ${pageMs} ms, ` +
      `content-length of /pyodide/ responses ${(bytes / 1048576).toFixed(2)} MB (${sizes.length} responses), ` +
      `wasm memory ${(memory / 1048576).toFixed(1)} MB`);
  }
  await app.close();
} finally {
  await browser.close();
  await server.close();
}
