//! A span log that pool threads write to while a CPU lesson runs, replayed
//! into a [`Recorder`] afterwards.
//!
//! The recorder is single-threaded (`RefCell`), which suits async runs; CPU
//! lessons whose workers block on locks, copy messages or steal work need
//! every thread to note *what it did when*, so they push finished spans into
//! one `Mutex<Vec<_>>` here (a few pushes per millisecond at most: spans are
//! whole slices of work, never single operations). Lanes are named by the
//! caller (`worker 1`, `thread 0`, `process 2`, `main`) and created in the
//! order given to [`WorkLog::finish`], then in order of first use.

use super::cpu::CpuCtx;
use super::recorder::{self, LaneId, Recorder};
use super::trace::{ClockKind, LaneKind, Outcome, State, Trace};
use super::RunError;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// One finished span (times in ms since the log's origin).
#[derive(Debug, Clone)]
pub struct Entry {
    pub lane: String,
    pub state: State,
    pub resource: Option<&'static str>,
    pub start_ms: f64,
    pub end_ms: f64,
    pub label: String,
}

type Event = (String, Option<String>, f64);

pub struct WorkLog<'c> {
    clock: &'c (dyn Fn() -> f64 + Sync),
    origin: f64,
    entries: Mutex<Vec<Entry>>,
    events: Mutex<Vec<Event>>,
    results: Mutex<BTreeMap<String, f64>>,
}

impl<'c> WorkLog<'c> {
    pub fn new(ctx: &CpuCtx<'c>) -> Self {
        let clock = ctx.clock;
        WorkLog { clock, origin: clock(), entries: Mutex::default(), events: Mutex::default(), results: Mutex::default() }
    }

    /// Milliseconds since the log was created.
    pub fn now(&self) -> f64 {
        (self.clock)() - self.origin
    }

    pub fn span(&self, lane: impl Into<String>, state: State, resource: Option<&'static str>, start_ms: f64, end_ms: f64, label: String) {
        let e = Entry { lane: lane.into(), state, resource, start_ms, end_ms: end_ms.max(start_ms), label };
        lock(&self.entries).push(e);
    }

    /// Runs `f`, recording it as one span on `lane`; returns its result.
    pub fn timed<R>(
        &self,
        lane: &str,
        state: State,
        resource: Option<&'static str>,
        label: impl FnOnce(&R) -> String,
        f: impl FnOnce() -> R,
    ) -> R {
        let t0 = self.now();
        let r = f();
        let t1 = self.now();
        self.span(lane, state, resource, t0, t1, label(&r));
        r
    }

    /// A run-wide marker (`event.<name>` in the translations).
    pub fn event(&self, name: &str, detail: &str) {
        let t = self.now();
        let detail = (!detail.is_empty()).then(|| detail.to_owned());
        lock(&self.events).push((name.to_owned(), detail, t));
    }

    pub fn result(&self, key: &str, value: f64) {
        lock(&self.results).insert(key.to_owned(), value);
    }

    /// A copy of the spans logged so far (tests and result computations).
    pub fn entries(&self) -> Vec<Entry> {
        lock(&self.entries).clone()
    }

    /// Builds the trace: lanes named in `first` come first (even if unused),
    /// the rest in order of their first span. Every lane that ran ends `Done`,
    /// or `Cancelled` if the run was stopped.
    pub fn finish(self, scenario: &str, params: BTreeMap<String, String>, pool: usize, first: &[String], stopped: bool) -> Trace {
        let end = self.now();
        let rec = Recorder::new();
        let mut lanes: BTreeMap<String, LaneId> = BTreeMap::new();
        let mut lane_of = |name: &str| *lanes.entry(name.to_owned()).or_insert_with(|| rec.lane(name, LaneKind::Worker));
        for name in first {
            lane_of(name);
        }
        let mut entries = self.entries.into_inner().unwrap_or_else(|e| e.into_inner());
        entries.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        for e in &entries {
            let lane = lane_of(&e.lane);
            match e.resource {
                Some(r) => rec.span_on(lane, e.state, r, e.start_ms, e.end_ms, Some(e.label.clone())),
                None => rec.span(lane, e.state, e.start_ms, e.end_ms, Some(e.label.clone())),
            }
        }
        if !stopped {
            for id in lanes.values() {
                rec.finish_lane(*id, Outcome::Done, end);
            }
        }
        for (name, detail, t) in self.events.into_inner().unwrap_or_else(|e| e.into_inner()) {
            rec.event(None, &name, detail, t);
        }
        for (k, v) in self.results.into_inner().unwrap_or_else(|e| e.into_inner()) {
            rec.result(&k, v);
        }
        let mut meta = recorder::meta(scenario, params, ClockKind::Native);
        meta.stopped = stopped;
        meta.pool_threads = Some(pool as u32);
        rec.finish(meta, end)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The `threads` parameter of a sharing lesson: 0 = every pool thread; more
/// than the pool has is explained, not silently capped (the lesson is about
/// threads running *at the same time*).
pub fn resolve_threads(ctx: &CpuCtx<'_>, threads: i64) -> Result<usize, RunError> {
    let pool = ctx.pool_threads.max(1);
    match usize::try_from(threads).unwrap_or(0) {
        0 => Ok(pool),
        t if t > pool => {
            Err(RunError::Environment(format!("threads = {t}, but the pool has {pool} threads (this machine's hardwareConcurrency)")))
        }
        t => Ok(t),
    }
}

/// The lane of the pool thread running the caller: `worker <n>`, or `main`
/// outside the pool (a native test's own thread).
pub fn worker_lane() -> String {
    match rayon::current_thread_index() {
        Some(i) => format!("worker {i}"),
        None => "main".to_owned(),
    }
}

/// Runs `f(0) … f(n-1)` as `n` tasks of one `rayon::scope` on the pool and
/// waits for all of them. With `n` ≤ pool threads they run at the same time.
pub fn run_threads(n: usize, f: impl Fn(usize) + Sync) {
    let f = &f;
    rayon::scope(|s| {
        for i in 0..n {
            s.spawn(move |_| f(i));
        }
    });
}
