// Frames per second while a 10,000-lane replay plays (issue 12, item 6).
//
//   node tests/e2e/bench_replay.mjs DIST_DIR [n]     (n defaults to 10000)
//
// The crawler with n requests, K = 100, on the virtual clock (instant, so the
// trace is the same every time: n lanes), then Play on the replay bar. For 3 s
// the page's requestAnimationFrame timestamps are recorded; fps = frames / s.
// The replay advances by timer ticks (every 33 ms, `ReplayTick`): ticks/s is
// how many of them the page managed (the cursor's moves), the other measure of
// whether the page keeps up. Prints one JSON line:
// {"n", "lanes", "frames", "fps", "frame_p95_ms", "frame_max_ms", "ticks", "ticks_per_s", "max_long_task_ms"}.
import { launchBrowser, log, PlaygroundPage, resolveDist, startServer } from './lib.mjs';

const [distArg, nArg = '10000'] = process.argv.slice(2);
const n = Number.parseInt(nArg, 10);
if (!Number.isInteger(n) || n < 1 || n > 10000) {
  console.error(`bench_replay: bad n '${nArg}' (1..10000)`);
  process.exit(2);
}
const server = await startServer(resolveDist(distArg));
const browser = await launchBrowser();
try {
  const app = await PlaygroundPage.create(browser);
  await app.open(server.url, `lesson=crawler&n=${n}&k=100&clock=virtual&run=1`);
  await app.waitStatus('done', 120_000);
  const lanes = await app.page.evaluate(() => document.querySelector('[data-testid="timeline"]')?.dataset.lanes ?? null);
  await app.observeLongTasks();
  const t0 = await app.page.evaluate(() => performance.now());
  await app.byTestId('replay-play').click();
  const m = await app.page.evaluate(() => new Promise((resolve) => {
    const frames = [];
    const cursor = () => Number(document.querySelector('[data-testid="replay-state"]')?.dataset.t ?? 0);
    let ticks = 0;
    let last = cursor();
    const step = (t) => {
      frames.push(t);
      const c = cursor();
      if (c !== last) { ticks++; last = c; }
      if (t - frames[0] < 3000) requestAnimationFrame(step);
      else resolve({ frames, ticks });
    };
    requestAnimationFrame(step);
  }));
  const gaps = m.frames.slice(1).map((t, i) => t - m.frames[i]).sort((a, b) => a - b);
  const seconds = (m.frames.at(-1) - m.frames[0]) / 1000;
  const out = {
    n,
    lanes: lanes === null ? null : Number(lanes),
    frames: m.frames.length - 1,
    fps: Number(((m.frames.length - 1) / seconds).toFixed(1)),
    frame_p95_ms: Number(gaps[Math.floor(gaps.length * 0.95)].toFixed(1)),
    frame_max_ms: Number(gaps.at(-1).toFixed(1)),
    ticks: m.ticks,
    ticks_per_s: Number((m.ticks / seconds).toFixed(1)),
    max_long_task_ms: await app.maxLongTask(t0),
  };
  log(`replay of ${n} lanes: ${out.fps} fps, ${out.ticks_per_s} cursor moves/s`);
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.close();
}
