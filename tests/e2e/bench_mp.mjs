// Moving data between processes and sharing state, measured through the
// lessons' own pages (mpqueue, mpshared on the browser clock: real Web Worker
// processes) next to CPython 3.11 running the same listings with the same
// parameters on this machine, in the same run.
//
//   node tests/e2e/bench_mp.mjs dist [reps]
//   BENCH_MP_ONLY=plain node tests/e2e/bench_mp.mjs dist   # only rows whose parameters contain it
//
// Per row, the best (least) of `reps` runs (default 3) on each side: per
// message (copy in + copy out, mpqueue's per-message-ms / the listing's
// per_message_ms), one process's start-up (proc-start-ms / start_up_ms),
// and per access to a shared value (mpshared's access-us / access_us).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launchBrowser, PlaygroundPage, REPO_ROOT, resolveDist, startServer } from './lib.mjs';

const reps = Number(process.argv[3] ?? 3);
const server = await startServer(resolveDist(process.argv[2] ?? 'dist'), { port: Number(process.env.E2E_PORT ?? 0) });
const browser = await launchBrowser();
const py = (id, args) => JSON.parse(execFileSync('python3', [path.join(REPO_ROOT, 'python', `${id}.py`), ...args, '--json'], { encoding: 'utf8' }));
const min = (xs) => Math.min(...xs);
const only = (q) => !process.env.BENCH_MP_ONLY || q.includes(process.env.BENCH_MP_ONLY);
try {
  const app = await PlaygroundPage.create(browser);
  const page = async (query, keys) => {
    const out = Object.fromEntries(keys.map((k) => [k, Infinity]));
    for (let i = 0; i < reps; i++) {
      await app.open(server.url, `${query}&run=1`);
      await app.waitStatus('done', 120_000);
      for (const k of keys) out[k] = Math.min(out[k], await app.number(k));
    }
    return out;
  };
  console.log('| lesson | parameters | browser | CPython 3.11 |');
  console.log('|---|---|---:|---:|');
  for (const mode of ['queue', 'pipe', 'pool_map']) {
    const q = `mode=${mode}&method=fork&procs=2&items=200&work=0&kb=1`;
    if (!only(q)) continue;
    const b = await page(`lesson=mpqueue&${q}`, ['per-message-ms', 'proc-start-ms']);
    const args = q.split('&').flatMap((kv) => { const [k, v] = kv.split('='); return [`--${k}`, v]; });
    const c = [];
    for (let i = 0; i < reps; i++) c.push(py('mpqueue', args));
    console.log(`| mpqueue | \`${q}\` | ${b['per-message-ms'].toFixed(3)} ms a message | ${min(c.map((r) => r.per_message_ms)).toFixed(3)} ms a message |`);
    if (mode === 'queue') {
      console.log(`| mpqueue | \`${q}\` | ${b['proc-start-ms'].toFixed(1)} ms a process start-up (a Web Worker: always a fresh instance) | ${min(c.map((r) => Math.max(...r.start_up_ms))).toFixed(1)} ms a process start-up (fork, the later of 2) |`);
    }
  }
  const starts = only('--measure') ? py('mpqueue', ['--measure']) : {};
  for (const m of only('--measure') ? ['fork', 'spawn', 'forkserver'] : []) {
    console.log(`| mpqueue | \`--measure\` start method ${m} | – | ${starts[`start_${m}_ms`].toFixed(1)} ms a process |`);
  }
  for (const [mode, lock, n] of [['shared_memory', 'unlocked', 20000], ['shared_memory', 'locked', 20000], ['manager', 'unlocked', 500], ['manager', 'locked', 500], ['plain', 'unlocked', 20000], ['plain', 'locked', 20000]]) {
    const q = `mode=${mode}&lock=${lock}&procs=2&increments=${n}`;
    if (!only(q)) continue;
    const plain = mode === 'plain';
    const b = await page(`lesson=mpshared&${q}`, plain ? ['access-us', 'child-value', 'final-value'] : ['access-us', 'lost-updates']);
    const c = [];
    for (let i = 0; i < reps; i++) c.push(py('mpshared', ['--mode', mode, '--lock', lock, '--procs', '2', '--increments', String(n)]));
    if (plain) {
      // Each child's own copy: what it read, and the parent's after join().
      const r = c[0].results;
      console.log(`| mpshared | \`${q}\` | ${b['access-us'].toFixed(3)} µs an access (a child saw ${b['child-value']}, the parent ${b['final-value']}) | ${min(c.map((x) => x.access_us)).toFixed(3)} µs an access (a child saw ${r.child_value}, the parent ${r.final_value}) |`);
      continue;
    }
    console.log(`| mpshared | \`${q}\` | ${b['access-us'].toFixed(3)} µs an access (${b['lost-updates']} lost, fewest) | ${min(c.map((r) => r.access_us)).toFixed(3)} µs an access (${min(c.map((r) => r.results.lost_updates))} lost, fewest) |`);
  }
} finally {
  await browser.close();
  await server.close();
}
