//! CPU lesson: a race condition. `threads` workers each add 1 to one shared
//! counter `increments` times, three ways:
//!
//! - **unsynchronized**: read, then write back read + 1. Written as a separate
//!   atomic load and store (no undefined behaviour, same lost updates as
//!   `counter += 1` on a plain integer): two threads that read the same value
//!   both write value + 1, and one increment is lost;
//! - **mutex**: the read-modify-write happens under a `Mutex`;
//! - **atomic**: one `fetch_add`, a read-modify-write the hardware does at once.
//!
//! Lost updates are likely on a multi-core machine but never guaranteed (the
//! threads may happen not to overlap); the safe variants lose exactly none.

use super::Scenario;
use crate::engine::cpu::CpuCtx;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::{State, Trace};
use crate::engine::worklog::{resolve_threads, run_threads, worker_lane, WorkLog};
use crate::engine::RunError;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

pub static SCENARIO: Scenario = Scenario::cpu("race", &[sweep::THREADS, ParamSpec::int("increments", 1_000, 50_000_000, 1_000_000)], run)
    .with_extras(&[super::extras::Extra::InterleaveLink("lost_update_2x3")]);

/// The three ways to increment, in the order the lesson runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Unsync,
    Mutex,
    Atomic,
}

impl Variant {
    pub const ALL: [Variant; 3] = [Variant::Unsync, Variant::Mutex, Variant::Atomic];
    pub fn key(self) -> &'static str {
        match self {
            Variant::Unsync => "unsync",
            Variant::Mutex => "mutex",
            Variant::Atomic => "atomic",
        }
    }
}

/// Increments between checks of the Stop flag.
const CHECK_EVERY: u64 = 1 << 14;

/// Runs one variant on `threads` pool threads; returns the final count, or
/// `None` if stopped. Each thread's work is one span on its worker lane.
pub fn count(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, v: Variant, threads: usize, increments: u64) -> Option<u64> {
    let atomic = AtomicU64::new(0);
    let mutex = Mutex::new(0u64);
    let ready = AtomicUsize::new(0);
    run_threads(threads, |i| {
        start_line(log, &ready, threads);
        let t0 = log.now();
        let mut done = 0;
        while done < increments && !ctx.cancelled() {
            let n = CHECK_EVERY.min(increments - done);
            match v {
                Variant::Unsync => {
                    for _ in 0..n {
                        // Read, then write: another thread may write in between.
                        let seen = atomic.load(Ordering::Relaxed);
                        atomic.store(seen + 1, Ordering::Relaxed);
                    }
                }
                Variant::Mutex => {
                    for _ in 0..n {
                        *mutex.lock().unwrap_or_else(|e| e.into_inner()) += 1;
                    }
                }
                Variant::Atomic => {
                    for _ in 0..n {
                        atomic.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            done += n;
        }
        let label = format!("thread {i} · {} · {done} increments", v.key());
        log.span(worker_lane(), State::Running, Some(v.key()), t0, log.now(), label);
    });
    if ctx.cancelled() {
        return None;
    }
    Some(match v {
        Variant::Mutex => mutex.into_inner().unwrap_or_else(|e| e.into_inner()),
        _ => atomic.into_inner(),
    })
}

/// Waits (briefly) until every thread has started, so they really overlap:
/// a thread woken late would otherwise count alone. Never waits more than
/// 50 ms, since a busy pool may start a thread only after another finished.
fn start_line(log: &WorkLog<'_>, ready: &AtomicUsize, threads: usize) {
    ready.fetch_add(1, Ordering::SeqCst);
    let t0 = log.now();
    while ready.load(Ordering::SeqCst) < threads && log.now() - t0 < 50.0 {
        std::hint::spin_loop();
    }
}

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let threads = resolve_threads(ctx, p.int("threads"))?;
    let increments = p.int("increments") as u64;
    let log = WorkLog::new(ctx);
    let expected = increments * threads as u64;
    let mut stopped = false;
    let mut counts = Vec::new();
    for v in Variant::ALL {
        log.event(&format!("race_{}", v.key()), "");
        let t0 = log.now();
        let Some(c) = count(ctx, &log, v, threads, increments) else {
            stopped = true;
            break;
        };
        counts.push((v, c, log.now() - t0));
    }
    if !stopped {
        log.result("expected_count", expected as f64);
        for (v, c, ms) in &counts {
            log.result(&format!("{}_count", v.key()), *c as f64);
            log.result(&format!("{}_ms", v.key()), *ms);
            if *v != Variant::Unsync && *c != expected {
                return Err(RunError::Workload(format!("{} lost updates: {c} of {expected}", v.key())));
            }
        }
        let unsync = counts.first().map_or(expected, |c| c.1);
        log.result("lost_updates", expected.saturating_sub(unsync) as f64);
    }
    let lanes: Vec<String> = (0..ctx.pool_threads).map(|w| format!("worker {w}")).collect();
    Ok(log.finish(SCENARIO.id, p.to_strings(), ctx.pool_threads, &lanes, stopped))
}
