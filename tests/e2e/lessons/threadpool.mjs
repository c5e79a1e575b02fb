// Lesson "threadpool": a ThreadPoolExecutor doing blocking I/O on real Web
// Workers, each parked in a synchronous request to the service-worker endpoint.
import assert from 'node:assert/strict';
import { downloadTrace, log } from '../lib.mjs';
import { threadpoolResultTimeout } from '../plan.mjs';

// How late a pool may be, per round of jobs (⌈jobs/workers⌉ rounds run one
// after another on a thread), beyond what its requests themselves took: the
// two message hops page → worker (hand-off) → page (reply), each a task on a
// busy 2-core machine. Never early: every job is a real wait of its latency on
// the thread that made it.
const LATE_PER_ROUND_MS = 50;
// Once per run: the last reply reaching the page and the page noting it.
const LATE_ONCE_MS = 100;

/**
 * What the requests added in this run, from its trace: per round (each thread's
 * r-th job), the most any job's I/O span (the thread's own parked time) took
 * beyond its latency: the service worker's timer firing late and the browser's
 * path for a worker's synchronous request, there and back. In Firefox that path
 * runs through the page's thread (BENCHMARKS.md, per browser): 15 to 50 ms a
 * round at load 5 where Chromium's takes about 10 (2026-12-07, 10:34 UTC).
 */
function requestsAdded(trace) {
  // A job's span is labelled "job <id>: <fetch|store>, <latency> ms".
  const latency = (s) => Number(/, ([\d.]+) ms$/.exec(s.label)[1]);
  const perThread = new Map();
  for (const s of trace.spans.filter((x) => x.state === 'io').sort((a, b) => a.start_ms - b.start_ms)) {
    if (!perThread.has(s.lane)) perThread.set(s.lane, []);
    perThread.get(s.lane).push(s.end_ms - s.start_ms - latency(s));
  }
  const rounds = Math.max(...[...perThread.values()].map((v) => v.length));
  return Array.from({ length: rounds }, (_, r) => Math.max(0, ...[...perThread.values()].map((v) => v[r] ?? 0)));
}

/**
 * The run's upper bound for a pool ideally done in `idealMs` over `rounds`
 * rounds, with what its requests added (read from the run's trace, which must
 * have `rounds` rounds on its busiest thread: `what` says why).
 */
async function lateBound(app, idealMs, rounds, what) {
  const added = requestsAdded(await downloadTrace(app));
  assert.equal(added.length, rounds, what);
  const hops = added.reduce((a, b) => a + b, 0);
  return { hops, bound: idealMs + hops + rounds * LATE_PER_ROUND_MS + LATE_ONCE_MS };
}

// The summary counts what the lesson is about: jobs and the threads parked
// in I/O, not lanes (the threads and main: "done 6" beside "jobs done 20"),
// nor a makespan that adds starting the threads to the pool's time.
const NOT_THE_LESSONS = ['tasks-done', 'tasks-failed', 'throughput', 'makespan-ms'];
const IN_IO_LABEL = { en: 'most threads in I/O at once', zh: '同时在 I/O 中的最多线程数' };

async function numbersForJobsAndThreads(app, lang) {
  for (const id of NOT_THE_LESSONS) assert.equal(await app.byTestId(id).count(), 0, `${id} is not the thread pool's number`);
  if (!lang) return;
  // The label is a later text (fetched after the first load): wait for it, then compare.
  // page.evaluate: in both browsers' drivers (the Firefox tier's page has no $eval).
  const label = () => app.page.evaluate(() => document.querySelector('[data-testid="max-in-flight"]')?.previousElementSibling.textContent);
  await app.page.waitForFunction((want) => document.querySelector('[data-testid="max-in-flight"]')?.previousElementSibling.textContent === want,
    IN_IO_LABEL[lang], { timeout: 5_000 }).catch(() => {});
  assert.equal(await label(), IN_IO_LABEL[lang], 'max-in-flight counts threads in I/O');
}

const query = (w, extra = '') => `lesson=threadpool&jobs=20&workers=${w}&latency=fixed&ms=1000&mode=as_completed${extra}`;

export const tests = [
  {
    name: '20 jobs of 1 s on 1/5/10/20 real threads take 20/4/2/1 s, never early',
    timeout: 120_000,
    async run({ app, server }) {
      const measured = {};
      for (const w of [1, 5, 10, 20]) {
        await app.open(server.url, query(w));
        await app.run();
        await app.waitStatus('done', 60_000);
        const rounds = Math.ceil(20 / w);
        const ideal = rounds * 1000;
        const pool = await app.number('pool-ms');
        const { hops, bound } = await lateBound(app, ideal, rounds, `${rounds} jobs one after another on the busiest thread`);
        measured[w] = { pool, requestsAdded: Math.round(hops) };
        assert.ok(pool >= ideal, `${w} threads: ${pool} ms, earlier than ${ideal}`);
        assert.ok(pool <= bound, `${w} threads: ${pool} ms, ideal ${ideal}, requests added ${hops.toFixed(1)} ms: bound ${bound.toFixed(1)}`);
        assert.equal(await app.number('max-in-flight'), w, 'every thread was parked in I/O at once');
        assert.equal(await app.number('jobs-done'), 20);
        await numbersForJobsAndThreads(app, w === 5 ? 'en' : null);
        const { lanes } = await app.timeline();
        assert.equal(lanes, w + 1, 'main and one lane per thread');
        // The sweep replays every pool size on the virtual clock, exactly.
        const points = await app.byTestId('makespan-sweep-point').evaluateAll((els) =>
          els.map((e) => [Number(e.dataset.value), Number(e.dataset.ms)]));
        for (const [n, ms] of points) assert.equal(ms, Math.ceil(20 / n) * 1000, `sweep at ${n} threads`);
        assert.deepEqual(points.map((p) => p[0]), [1, 2, 5, 10, 20]);
        assert.equal(await app.byTestId('makespan-sweep-measured').count(), 1);
        if (w === 5) await app.screenshot('threadpool');
      }
      log(`threadpool: pool-ms and what the requests added (ms) for 1/5/10/20 threads: ${JSON.stringify(measured)}`);
    },
  },
  {
    name: 'result(timeout): slow jobs time out for the caller yet run to the end',
    timeout: 60_000,
    async run({ app, server }) {
      const params = { jobs: 16, workers: 4, latency: 'longtail', ms: 100, timeout: 90, seed: 5 };
      const q = `lesson=threadpool&mode=result_timeout&${Object.entries(params).map(([k, v]) => `${k}=${v}`).join('&')}`;
      // The virtual clock's answer, derived from the parameters (../plan.mjs).
      const want = threadpoolResultTimeout(params);
      assert.ok(want.timedOut > 0 && want.closest > 1e-6, `a derivation with timeouts and no tie: ${JSON.stringify(want)}`);
      await app.open(server.url, `${q}&clock=virtual`);
      await app.run();
      await app.waitStatus('done');
      const virtualPool = await app.number('pool-ms');
      assert.equal(await app.number('timed-out'), want.timedOut, 'result(timeout) gave up on exactly the derived jobs');
      assert.ok(Math.abs(virtualPool - want.poolMs) < 1e-6, `pool ${virtualPool} ms, derived ${want.poolMs} ms`);
      await app.open(server.url, q);
      await app.run();
      await app.waitStatus('done');
      assert.ok(await app.number('timed-out') > 0, 'some result() gave up');
      assert.equal(await app.number('jobs-done'), 16, 'the timed-out jobs still finished');
      assert.ok(await app.number('pool-ms') >= virtualPool, 'never earlier than the model');
    },
  },
  {
    name: 'Stop while threads are blocked; the next run gets fresh threads (中文)',
    timeout: 60_000,
    async run({ app, server }) {
      await app.open(server.url, 'lesson=threadpool&jobs=20&workers=4&latency=fixed&ms=2000&lang=zh');
      await app.run();
      await app.waitStatus('running');
      await app.page.waitForTimeout(1_000);
      await app.stop();
      await app.waitStatus('stopped');
      await app.open(server.url, 'lesson=threadpool&mode=callbacks&jobs=8&workers=4&latency=fixed&ms=300&lang=zh');
      await app.run();
      await app.waitStatus('done', 30_000);
      // 8 fetches of 300 ms on 4 threads, then 8 stores of 150 ms: 600 + 300 ms.
      const pool = await app.number('pool-ms');
      const { hops, bound } = await lateBound(app, 900, 4, 'two fetches and two stores one after another on a thread');
      assert.ok(pool >= 900 && pool <= bound, `callbacks: ${pool} ms, requests added ${hops.toFixed(1)} ms`);
      assert.equal(await app.number('jobs-done'), 8);
      assert.equal(await app.number('max-in-flight'), 4, 'min(workers, jobs) threads parked in I/O at once');
      await numbersForJobsAndThreads(app, 'zh');
      await app.screenshot('threadpool-zh');
    },
  },
];
