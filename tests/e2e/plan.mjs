// The lessons' seeded plans, recomputed here from the parameters so the
// specs can state exact virtual-clock expectations (crates/engine/src/latency.rs:
// SplitMix64, LatencyModel::sample; crates/lessons/src/scenarios/crawler.rs: plan).
// Not a spec: lives outside lessons/.

const MASK = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** SplitMix64 as in crates/engine/src/latency.rs. */
export class SplitMix64 {
  constructor(seed) {
    this.s = BigInt(seed) & MASK;
  }
  nextU64() {
    this.s = (this.s + GOLDEN) & MASK;
    let z = this.s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  }
  nextF64() {
    return Number(this.nextU64() >> 11n) / 2 ** 53;
  }
}

/** LatencyModel::sample: always two draws, rounded to 0.1 ms. */
export function sample(model, ms, rng) {
  const u1 = rng.nextF64();
  const u2 = rng.nextF64();
  let v;
  if (model === 'fixed') v = ms;
  else if (model === 'uniform') v = ms * (0.5 + u1);
  else {
    const SIGMA = 0.8;
    const z = Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    v = Math.min(ms * Math.exp(SIGMA * z - (SIGMA * SIGMA) / 2.0), 20.0 * ms);
  }
  return Math.round(v * 10.0) / 10.0;
}

/** crawler::plan: [{ id, latency, status }] for n requests. */
export function crawlerPlan({ n, latency = 'uniform', ms, fail = 0, seed = 1 }) {
  const rng = new SplitMix64(seed);
  const out = [];
  for (let id = 0; id < n; id++) {
    const lat = sample(latency, ms, rng);
    const status = rng.nextF64() * 100.0 < fail ? 500 : 200;
    out.push({ id, latency: lat, status });
  }
  return out;
}

/**
 * threadpool, mode result_timeout, on the virtual clock: the jobs' latencies
 * (threadpool::latencies: a sample and the unused fault draw each, as the
 * crawler's plan), a FIFO queue on `workers` threads, and the caller's
 * `f.result(timeout)` on each future in turn. Returns the timeouts, the pool's
 * time (shutdown waits for the last job), and the closest call between a job's
 * end and a caller's deadline (a tie would make the derivation ambiguous).
 */
export function threadpoolResultTimeout({ jobs, workers, latency, ms, timeout, seed }) {
  const lat = crawlerPlan({ n: jobs, latency, ms, seed }).map((r) => r.latency);
  const free = Array(Math.min(workers, jobs)).fill(0);
  const ends = lat.map((l) => {
    const w = free.indexOf(Math.min(...free));
    free[w] += l;
    return free[w];
  });
  let [now, timedOut, closest] = [0, 0, Infinity];
  for (const end of ends) {
    closest = Math.min(closest, Math.abs(end - (now + timeout)));
    if (end <= now + timeout) now = Math.max(now, end);
    else [now, timedOut] = [now + timeout, timedOut + 1];
  }
  return { timedOut, poolMs: Math.max(now, ...ends), closest };
}

/** pipeline::plan's failures: per item produce, process (two draws each), the failure draw, store. */
export function pipelineFailures({ n, fail, seed }) {
  const rng = new SplitMix64(seed);
  let failed = 0;
  for (let i = 0; i < n; i++) {
    rng.nextF64(), rng.nextF64(), rng.nextF64(), rng.nextF64();
    if (rng.nextF64() * 100.0 < fail) failed++;
    rng.nextF64(), rng.nextF64();
  }
  return failed;
}

/**
 * blocking on the virtual clock: requests late by more than LATE_MS (20,
 * crates/lessons/src/scenarios/blocking.rs). Request i starts at i·every and answers `ms`
 * later; in the modes that stall the loop (block, sync) the job holds it from
 * JOB_AT_MS (45) for cpu_ms, so a timer due inside that window fires at its end.
 */
export function blockingLate({ mode, cpu_ms, n, every, ms }) {
  const [at, late] = [45, 20];
  const stall = mode === 'block' || mode === 'sync';
  const fire = (t) => (stall && t > at && t < at + cpu_ms ? at + cpu_ms : t);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const start = fire(i * every);
    if (fire(start + ms) - (i * every + ms) > late) count++;
  }
  return count;
}

/** coordination::latencies: `count` uniform draws around `base` (no fault draw). */
export function uniformLatencies(seed, count, base) {
  const rng = new SplitMix64(seed);
  return Array.from({ length: count }, () => sample('uniform', base, rng));
}

/** Primes in [lo, hi) by a segmented sieve (independent of the app's trial division). */
export function countPrimes(lo, hi) {
  const root = Math.ceil(Math.sqrt(hi)) + 1;
  const small = new Uint8Array(root + 1);
  const base = [];
  for (let i = 2; i <= root; i++) {
    if (small[i]) continue;
    base.push(i);
    for (let j = i * i; j <= root; j += i) small[j] = 1;
  }
  const seg = new Uint8Array(hi - lo);
  for (const p of base) {
    for (let j = Math.max(p * p, Math.ceil(lo / p) * p); j < hi; j += p) seg[j - lo] = 1;
  }
  let c = 0;
  for (let x = lo; x < hi; x++) if (x >= 2 && !seg[x - lo]) c++;
  return c;
}

/** assert helper: |a - b| ≤ 1e-9·max(1, |b|) (float sums in another order). */
export function close(a, b) {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}
