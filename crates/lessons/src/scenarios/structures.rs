//! CPU lesson: concurrent data structures under contention. `threads` workers
//! each do `ops` operations (`read`% reads, the rest writes, from seeded
//! streams) on one shared structure, one design after another:
//!
//! - counter behind a `Mutex` vs an `AtomicU64`;
//! - a list (`Vec` push) behind a `Mutex`;
//! - a small LRU cache (cache-aside: a read that misses inserts) behind one
//!   `Mutex`, behind an `RwLock` (reads share the lock, so they cannot update
//!   recency: it evicts the oldest insert instead, "LRU-ish"), and split into
//!   `shards` independently locked LRUs.
//!
//! Throughput (operations per second) per design is the result. The LRU is
//! written here (a map plus a tick-ordered index, about 40 lines) rather than
//! pulled from a crate: it is the thing being locked in the lesson, and its
//! invariants (size ≤ capacity, every hit returns the stored value) are tested.

use super::Scenario;
use crate::engine::cpu::CpuCtx;
use crate::engine::latency::SplitMix64;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::{State, Trace};
use crate::engine::worklog::{resolve_threads, run_threads, worker_lane, WorkLog};
use crate::engine::RunError;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};

pub static SCENARIO: Scenario = Scenario::cpu(
    "structures",
    &[
        sweep::THREADS,
        ParamSpec::int("ops", 1_000, 2_000_000, 100_000),
        ParamSpec::int("read", 0, 100, 90),
        ParamSpec::int("shards", 1, 64, 8),
    ],
    run,
);

/// Cache capacity and key space (twice as many keys: about half the reads hit).
pub const CAPACITY: usize = 1_024;
pub const KEYS: u64 = 2_048;

/// The value stored for a key; a hit that returns anything else is a bug.
pub fn value_of(key: u64) -> u64 {
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xABCD
}

/// A least-recently-used cache: `get` refreshes, `put` evicts the stalest.
#[derive(Debug, Default)]
pub struct Lru {
    map: HashMap<u64, (u64, u64)>,
    by_tick: BTreeMap<u64, u64>,
    tick: u64,
    cap: usize,
}

impl Lru {
    pub fn new(cap: usize) -> Self {
        Lru { cap: cap.max(1), ..Default::default() }
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    /// Value of `key` without touching recency (what a shared read lock allows).
    pub fn peek(&self, key: u64) -> Option<u64> {
        self.map.get(&key).map(|e| e.0)
    }
    pub fn get(&mut self, key: u64) -> Option<u64> {
        self.tick += 1;
        let tick = self.tick;
        let e = self.map.get_mut(&key)?;
        self.by_tick.remove(&e.1);
        e.1 = tick;
        self.by_tick.insert(tick, key);
        Some(e.0)
    }
    pub fn put(&mut self, key: u64, value: u64) {
        self.tick += 1;
        if let Some((_, old)) = self.map.insert(key, (value, self.tick)) {
            self.by_tick.remove(&old);
        }
        self.by_tick.insert(self.tick, key);
        while self.map.len() > self.cap {
            let Some((_, k)) = self.by_tick.pop_first() else { break };
            self.map.remove(&k);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Design {
    CounterMutex,
    CounterAtomic,
    ListMutex,
    CacheMutex,
    CacheRwlock,
    CacheSharded,
}

impl Design {
    pub const ALL: [Design; 6] =
        [Design::CounterMutex, Design::CounterAtomic, Design::ListMutex, Design::CacheMutex, Design::CacheRwlock, Design::CacheSharded];
    pub fn key(self) -> &'static str {
        match self {
            Design::CounterMutex => "counter_mutex",
            Design::CounterAtomic => "counter_atomic",
            Design::ListMutex => "list_mutex",
            Design::CacheMutex => "cache_mutex",
            Design::CacheRwlock => "cache_rwlock",
            Design::CacheSharded => "cache_sharded",
        }
    }
}

/// What a design ended with, for the correctness checks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub ms: f64,
    pub ops: u64,
    pub writes: u64,
    /// Counter value, list length, or cache entries at the end.
    pub final_size: u64,
    /// List designs: every pushed `(thread << 32) | i` exactly once.
    pub list_ok: bool,
    pub hits: u64,
    pub misses: u64,
    /// Hits that returned a value other than `value_of(key)`.
    pub wrong: u64,
    /// Largest cache (or shard) size seen at the end, and its capacity.
    pub max_shard: usize,
    pub shard_cap: usize,
}

pub struct Job {
    pub threads: usize,
    pub ops: u64,
    pub read_pct: u64,
    pub shards: usize,
}

/// One thread's operation stream: (is_read, key).
fn stream(thread: usize, design: Design, read_pct: u64) -> impl FnMut() -> (bool, u64) {
    let mut rng = SplitMix64::new((thread as u64) << 8 | design as u64);
    move || {
        let r = rng.next_u64();
        (r % 100 < read_pct, (r >> 8) % KEYS)
    }
}

pub fn run_design(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, job: &Job, d: Design) -> Option<Outcome> {
    let counter_m = Mutex::new(0u64);
    let counter_a = AtomicU64::new(0);
    let list = Mutex::new(Vec::<u64>::new());
    let cache_m = Mutex::new(Lru::new(CAPACITY));
    let cache_rw = RwLock::new(Lru::new(CAPACITY));
    let shard_cap = CAPACITY.div_ceil(job.shards.max(1));
    let shards: Vec<Mutex<Lru>> = (0..job.shards.max(1)).map(|_| Mutex::new(Lru::new(shard_cap))).collect();
    let (writes, hits, misses, wrong) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    let t0 = log.now();
    run_threads(job.threads, |t| {
        let start = log.now();
        let mut next = stream(t, d, job.read_pct);
        let (mut w, mut h, mut m, mut bad) = (0u64, 0u64, 0u64, 0u64);
        let mut done = 0;
        let cache_read = |k: u64, got: Option<u64>, h: &mut u64, m: &mut u64, bad: &mut u64| match got {
            Some(v) => {
                *h += 1;
                *bad += u64::from(v != value_of(k));
                false
            }
            None => {
                *m += 1;
                true
            }
        };
        for i in 0..job.ops {
            if i % 4096 == 0 && ctx.cancelled() {
                break;
            }
            let (read, k) = next();
            w += u64::from(!read);
            match (d, read) {
                (Design::CounterMutex, true) => {
                    std::hint::black_box(*counter_m.lock().unwrap_or_else(|e| e.into_inner()));
                }
                (Design::CounterMutex, false) => *counter_m.lock().unwrap_or_else(|e| e.into_inner()) += 1,
                (Design::CounterAtomic, true) => {
                    std::hint::black_box(counter_a.load(Ordering::Relaxed));
                }
                (Design::CounterAtomic, false) => {
                    counter_a.fetch_add(1, Ordering::Relaxed);
                }
                (Design::ListMutex, true) => {
                    std::hint::black_box(list.lock().unwrap_or_else(|e| e.into_inner()).len());
                }
                (Design::ListMutex, false) => list.lock().unwrap_or_else(|e| e.into_inner()).push((t as u64) << 32 | i),
                (Design::CacheMutex, _) | (Design::CacheSharded, _) => {
                    let c = if d == Design::CacheMutex { &cache_m } else { &shards[(k as usize) % shards.len()] };
                    let mut g = c.lock().unwrap_or_else(|e| e.into_inner());
                    if !read || cache_read(k, g.get(k), &mut h, &mut m, &mut bad) {
                        g.put(k, value_of(k));
                    }
                }
                (Design::CacheRwlock, _) => {
                    let got = if read { cache_rw.read().unwrap_or_else(|e| e.into_inner()).peek(k) } else { None };
                    if !read || cache_read(k, got, &mut h, &mut m, &mut bad) {
                        cache_rw.write().unwrap_or_else(|e| e.into_inner()).put(k, value_of(k));
                    }
                }
            }
            done += 1;
        }
        for (a, v) in [(&writes, w), (&hits, h), (&misses, m), (&wrong, bad)] {
            a.fetch_add(v, Ordering::Relaxed);
        }
        log.span(worker_lane(), State::Running, Some(d.key()), start, log.now(), format!("thread {t} · {} · {done} ops", d.key()));
    });
    if ctx.cancelled() {
        return None;
    }
    let ms = log.now() - t0;
    let mut out = Outcome {
        ms,
        ops: job.ops * job.threads as u64,
        writes: writes.into_inner(),
        hits: hits.into_inner(),
        misses: misses.into_inner(),
        wrong: wrong.into_inner(),
        list_ok: true,
        ..Default::default()
    };
    let inner = |m: Mutex<Lru>| m.into_inner().unwrap_or_else(|e| e.into_inner());
    match d {
        Design::CounterMutex => out.final_size = counter_m.into_inner().unwrap_or_else(|e| e.into_inner()),
        Design::CounterAtomic => out.final_size = counter_a.into_inner(),
        Design::ListMutex => {
            let mut l = list.into_inner().unwrap_or_else(|e| e.into_inner());
            out.final_size = l.len() as u64;
            l.sort_unstable();
            out.list_ok = l.windows(2).all(|w| w[0] != w[1]);
        }
        Design::CacheMutex => {
            out.max_shard = inner(cache_m).len();
            out.final_size = out.max_shard as u64;
            out.shard_cap = CAPACITY;
        }
        Design::CacheRwlock => {
            out.max_shard = cache_rw.into_inner().unwrap_or_else(|e| e.into_inner()).len();
            out.final_size = out.max_shard as u64;
            out.shard_cap = CAPACITY;
        }
        Design::CacheSharded => {
            let sizes: Vec<usize> = shards.into_iter().map(|s| inner(s).len()).collect();
            out.final_size = sizes.iter().sum::<usize>() as u64;
            out.max_shard = sizes.into_iter().max().unwrap_or(0);
            out.shard_cap = shard_cap;
        }
    }
    Some(out)
}

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let job = Job {
        threads: resolve_threads(ctx, p.int("threads"))?,
        ops: p.int("ops") as u64,
        read_pct: p.int("read") as u64,
        shards: p.int("shards") as usize,
    };
    let log = WorkLog::new(ctx);
    let lanes: Vec<String> = (0..ctx.pool_threads).map(|w| format!("worker {w}")).collect();
    let mut outs = Vec::new();
    for d in Design::ALL {
        log.event(&format!("structures_{}", d.key()), "");
        let Some(o) = run_design(ctx, &log, &job, d) else {
            return Ok(log.finish(SCENARIO.id, p.to_strings(), ctx.pool_threads, &lanes, true));
        };
        outs.push((d, o));
    }
    for (d, o) in &outs {
        let counted = matches!(d, Design::CounterMutex | Design::CounterAtomic | Design::ListMutex);
        let overfull = o.shard_cap > 0 && o.max_shard > o.shard_cap;
        if o.wrong > 0 || !o.list_ok || overfull || (counted && o.final_size != o.writes) {
            return Err(RunError::Workload(format!("{} ended in a wrong state: {o:?}", d.key())));
        }
        log.result(&format!("{}_per_s", d.key()), if o.ms > 0.0 { o.ops as f64 * 1000.0 / o.ms } else { 0.0 });
    }
    Ok(log.finish(SCENARIO.id, p.to_strings(), ctx.pool_threads, &lanes, false))
}
