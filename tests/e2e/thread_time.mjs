// How long Firefox's page thread was on a CPU in a stretch of wall time, from
// Linux's own accounting (/proc/<pid>/task/<pid>/schedstat: ns run, ns waited
// on a run queue), sampled by the test process while the page runs: what
// page.mjs counts a long-task probe gap by (Chromium reports tasks itself, and
// max_sizes.mjs reads their thread times from a trace).
//
// A long task measured by the wall clock (the Long Tasks API in Chromium, the
// setTimeout probe's gaps in Firefox) also counts the time the page's thread
// waited for a CPU, and in Firefox the time its timer thread took to fire: on
// this 2-core machine at load 11, a 100 ms probe gap in which the page's thread
// ran 5 ms and waited 93 ms (BENCHMARKS.md, "No long task"). The thread's time
// on a CPU in the stretch is what the page itself did in it.

import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Time between two samples, ms: a stretch is widened by about this at each end
 * (more when the test process itself waits for a CPU), never narrowed.
 */
const SAMPLE_MS = 2;

/**
 * Firefox's content processes (a cross-origin isolated page runs in an
 * "Isolated Web Co(ntent)" one); a process's main thread has its pid as tid.
 */
function pageProcesses() {
  const out = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (comm === 'Web Content' || comm === 'Isolated Web Co') out.push(pid);
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

/** Run time of each process's main thread now, ms. */
function runTimes(pids) {
  const out = {};
  for (const pid of pids) {
    try {
      out[pid] = Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      // Gone.
    }
  }
  return out;
}

/**
 * Samples the page processes' main threads from now on. `ran(from, to)` (epoch
 * ms, e.g. a page's `performance.timeOrigin + performance.now()`) is an upper
 * bound on how long the page's thread ran in that stretch: the busiest of those
 * threads, between the last sample at or before `from` and the first at or
 * after `to`. Infinity where it cannot tell (no /proc, no sample around the
 * stretch yet): then a wall-clock duration stands.
 */
export class ThreadTime {
  static start() {
    return new ThreadTime();
  }

  constructor() {
    this.samples = [];
    this.pids = existsProc() ? pageProcesses() : [];
    if (!this.pids.length) return;
    const sample = () => this.samples.push([performance.timeOrigin + performance.now(), runTimes(this.pids)]);
    sample();
    this.timer = setInterval(sample, SAMPLE_MS).unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  ran(from, to) {
    const s = this.samples;
    const a = s.findLast(([t]) => t <= from);
    const b = s.find(([t]) => t >= to);
    if (!a || !b) return Infinity;
    return Math.max(0, ...Object.keys(b[1]).filter((p) => p in a[1]).map((p) => b[1][p] - a[1][p]));
  }
}

function existsProc() {
  try {
    readFileSync('/proc/self/schedstat');
    return true;
  } catch {
    return false;
  }
}
