//! The event-loop lag monitor: a task that sleeps a short interval again and
//! again and records how late each wake-up was into the `loop_lag_ms` track.
//! A loop that is free wakes it on time (lag ≈ 0; exactly 0 on the virtual
//! clock); a loop blocked by synchronous work wakes it only when the work ends,
//! and the lag is how long the loop was stuck. The idea behind Node's
//! `monitorEventLoopDelay` and aiomonitor-style lag probes, small enough to
//! write here (it *is* the lesson), so no crate.

use crate::recorder::Recorder;
use crate::runtime::{spawn, Runtime};
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

/// Track name (and translation key `track.loop_lag_ms`).
pub const LAG_TRACK: &str = "loop_lag_ms";
/// How often the monitor asks to be woken.
pub const LAG_TICK_MS: f64 = 10.0;

/// Samples lag every `interval_ms` until dropped; the worst lag seen is kept in `max`.
pub async fn monitor(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, interval_ms: f64, max: Rc<Cell<f64>>) {
    let track = rec.track(LAG_TRACK);
    let interval = interval_ms.max(1.0);
    loop {
        let due = rt.now() + interval;
        rt.sleep(interval).await;
        let now = rt.now();
        let lag = (now - due).max(0.0);
        max.set(max.get().max(lag));
        rec.sample(track, lag, now);
    }
}

/// Runs `fut` with a lag monitor beside it, as the listings do: the monitor
/// is a task created first (`create_task(lag_monitor())`), cancelled when
/// `fut` ends. Returns `fut`'s output and the worst lag seen (ms).
pub async fn with_monitor<F: Future>(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, interval_ms: f64, fut: F) -> (F::Output, f64) {
    let max = Rc::new(Cell::new(0.0));
    let mon = spawn(rt.as_ref(), monitor(rt.clone(), rec, interval_ms, max.clone()));
    let out = fut.await;
    mon.cancel();
    (out, max.get())
}

/// Lag above this means the loop was blocked long enough for a person to notice
/// (the browser's long-task threshold is 50 ms; the page warns from 100 ms).
pub const BLOCKED_WARN_MS: f64 = 100.0;

/// How long `trace`'s run blocked the event loop, if it measured lag and the
/// worst lag is above [`BLOCKED_WARN_MS`]: what the page warns about.
pub fn blocked_for(trace: &crate::trace::Trace) -> Option<f64> {
    trace.track(LAG_TRACK).map(|t| t.max()).filter(|ms| *ms > BLOCKED_WARN_MS)
}
