//! Starting and stopping runs. Async lessons run as a task on the event loop
//! (abortable: Stop drops it and the trace is closed as stopped); CPU lessons go
//! to the pool with a cancel flag the workers check between chunks. On the
//! virtual clock an async lesson runs in slices of a few ms (deterministic,
//! the same trace as in one go), yielding to the page between them
//! ([`super::turns`]); one whose steps compute runs on a pool worker.
//! A stopped run always ends the page's "running": with its partial trace
//! (marked stopped) when there is one, else as [`RunError::Stopped`].

use super::{browser_runtime::BrowserRuntime, endpoint, pool, turns};
use crate::engine::cpu::Progress;
use crate::engine::runtime::Runtime;
use crate::engine::RunError;
use crate::scenarios::{self, Run, Scenario};
use crate::state::{sweep_of, Action, Clock, Made, Replay, RunProgress, TraceRef};
use futures::future::{select, AbortHandle, Abortable, Either};
use gloo::timers::callback::Interval;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use wasm_bindgen_futures::spawn_local;
use yew::Callback;

/// A run in progress; [`RunHandle::stop`] ends it promptly.
pub struct RunHandle {
    abort: AbortHandle,
    cancel: Arc<AtomicBool>,
}

impl RunHandle {
    pub fn stop(&self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.abort.abort();
        pool::drop_queued_offloads();
    }
}

/// Starts `scn` with validated `params`; results arrive as actions.
pub fn start(
    scn: &'static Scenario,
    params: crate::engine::params::Params,
    hardware_threads: u32,
    clock: Clock,
    dispatch: Callback<Action>,
) -> RunHandle {
    let cancel = Arc::new(AtomicBool::new(false));
    let (abort, reg) = AbortHandle::new_pair();
    let handle = RunHandle { abort, cancel: cancel.clone() };
    dispatch.emit(Action::RunStarted);
    match (scn.run, clock) {
        // The virtual clock: deterministic and instant, no endpoint needed.
        // (A model lesson always: its steps are not timed.)
        // The loop runs here in ~8 ms slices between which the browser draws
        // and Stop is asked. A lesson whose steps compute (`heavy_steps`:
        // hybrid counts real primes inline, the chooser models every job
        // under every model: one step can take seconds) goes to a pool worker
        // (`pool::run_virtual`; Stop asked every few hundred steps, the trace
        // so far sent back). Only those start the pool: a tutorial's virtual
        // crawl does not fetch the rest of the wasm into two workers first.
        (Run::Model(_), _) | (Run::Async(_) | Run::AsyncOnPool(_), Clock::Virtual) => spawn_local(async move {
            let raw = params.to_strings();
            if scn.heavy_steps && super::env::detect().isolated && pool::ensure(hardware_threads as usize).await.is_ok() {
                let run = Box::pin(pool::run_virtual(scn, raw, cancel));
                let stop = Abortable::new(futures::future::pending::<()>(), reg);
                let ended = match select(run, stop).await {
                    Either::Left((ended, _)) => ended,
                    // Stop: the worker sends the trace so far at its next look
                    // at Stop, unless it is inside a step that computes for
                    // long; then the page does not wait (the worker finishes
                    // that step on its own and its answer is dropped).
                    Either::Right((_, run)) => match select(run, Box::pin(gloo::timers::future::TimeoutFuture::new(STOP_GRACE_MS))).await {
                        Either::Left((ended, _)) => ended,
                        Either::Right(_) => Err(RunError::Stopped),
                    },
                };
                emit_in_turns(&dispatch, ended).await;
            } else {
                run_virtual_sliced(scn, raw, cancel, dispatch).await;
            }
        }),
        (Run::Async(run) | Run::AsyncOnPool(run), _) => spawn_local(async move {
            // A CPU lesson's pool is up before its clock starts: starting it
            // inside the run would count its start-up as the lesson's.
            if matches!(scn.run, Run::AsyncOnPool(_)) && super::env::detect().isolated {
                let _ = pool::ensure(hardware_threads as usize).await;
            }
            let (ep, fallback) = match endpoint::ensure().await {
                Ok(ep) => (ep, None),
                Err(e) => {
                    web_sys::console::warn_1(&format!("request endpoint unavailable, answering in-page: {e}").into());
                    (endpoint::Endpoint::InPage, Some(e))
                }
            };
            let browser = Rc::new(BrowserRuntime::new(ep));
            let rt: Rc<dyn Runtime> = browser.clone();
            let (rec, fut) = scenarios::start_async(run, params.clone(), rt.clone());
            // Said on the page (`endpoint-fallback`), not only in the console.
            if let Some(why) = fallback {
                rec.event(None, endpoint::ENDPOINT_FALLBACK, Some(why), rt.now());
            }
            let result = Abortable::new(fut, reg).await;
            let stopped = result.is_err();
            browser.close();
            // As on the virtual clock: closing the trace and the page's work on
            // it each get a turn of their own (Stop drops every task first).
            let end = rt.now();
            turns::fresh().await;
            let ended = match result {
                Ok(Err(e)) => Err(e),
                _ => scenarios::finish_async_at(scn, &params, rec, rt.as_ref(), stopped, end),
            };
            turns::fresh().await;
            // Whatever went wrong after Stop is the stop's doing.
            emit_in_turns(&dispatch, if stopped { ended.map_err(|_| RunError::Stopped) } else { ended }).await;
        }),
        (Run::Cpu(run), _) => spawn_local(async move {
            if let Err(e) = pool::ensure(hardware_threads as usize).await {
                dispatch.emit(Action::RunFailed(format!("worker pool: {e}")));
                return;
            }
            // The page shows how far the run is: steps and time, polled 4 times a second.
            let progress = Arc::new(Progress::default());
            let ticker = {
                let (progress, dispatch, t0) = (progress.clone(), dispatch.clone(), pool::shared_clock_ms());
                Interval::new(250, move || {
                    let (done, total) = progress.read();
                    dispatch.emit(Action::Progress(RunProgress { done, total, elapsed_ms: pool::shared_clock_ms() - t0 }));
                })
            };
            let ended = pool::run(run, params, cancel.clone(), progress).await;
            drop(ticker);
            let ended = match (cancel.load(Ordering::Relaxed), ended) {
                (true, Ok(mut t)) => {
                    t.meta.stopped = true;
                    Ok(t)
                }
                (true, Err(_)) => Err(RunError::Stopped),
                (false, e) => e,
            };
            emit_in_turns(&dispatch, ended).await;
        }),
    }
    handle
}

/// How long Stop waits for a pool worker's trace so far before the run ends
/// without it, ms (Stop's bound is 250 ms: a slice and one redraw).
const STOP_GRACE_MS: u32 = 150;

/// Loop steps between clock reads inside a slice.
const STEPS_PER_CHECK: u64 = 64;

/// Runs an async lesson on the virtual clock in slices of about
/// [`turns::SLICE_MS`], yielding to the browser (a new turn: input, paint and
/// Stop get theirs) between slices. Stop ends it between two slices with
/// the trace so far, marked stopped. The trace of a run not stopped is the one
/// `run_virtual` makes in one go (`tests/engine_slices.rs`).
async fn run_virtual_sliced(
    scn: &'static Scenario,
    raw: std::collections::BTreeMap<String, String>,
    cancel: Arc<AtomicBool>,
    dispatch: Callback<Action>,
) {
    let mut run = match scenarios::virtual_run::LessonRun::start(scn, &raw) {
        Ok(r) => r,
        Err(e) => return emit_error(&dispatch, e),
    };
    let over = 'slices: loop {
        while !turns::spent() {
            if let Some(over) = run.advance(STEPS_PER_CHECK) {
                break 'slices over;
            }
        }
        turns::next().await;
        if cancel.load(Ordering::Relaxed) {
            // As at the run's end: closing the trace so far, then the page's work on it, in turns of their own.
            turns::fresh().await;
            let stopped = run.stop();
            turns::fresh().await;
            return emit_in_turns(&dispatch, stopped).await;
        }
    };
    // Closing the trace (its spans sorted per lane) and the page's work on it
    // (the replay's happenings, the summary, the first drawing) each get a
    // turn of their own: at the largest sizes either takes tens of ms.
    let end = match over {
        Ok(()) => {
            turns::fresh().await;
            run.close()
        }
        Err(e) => Err(e),
    };
    turns::fresh().await;
    emit_in_turns(&dispatch, end).await;
}

/// Ends a run whose trace is closed: its replay is built in this turn, its
/// summary in the next, each point of its lesson's makespan sweep (a whole
/// run) in one more, and the page shows it in the turn after (for 10,000
/// lanes each takes tens of ms; the crawler's K sweep at N = 2,000 took 25-38
/// ms of one task when the page drew it).
async fn emit_in_turns(dispatch: &Callback<Action>, ended: Result<crate::engine::trace::Trace, RunError>) {
    let t = match ended {
        Ok(t) => TraceRef(Rc::new(t)),
        Err(e) => return emit_error(dispatch, e),
    };
    let replay = Replay::new(&t);
    turns::fresh().await;
    let summary = crate::engine::metrics::summarize(&t);
    let mut sweep = Vec::new();
    if let Some((s, params)) = sweep_of(&t) {
        for value in (s.values)(&params) {
            turns::fresh().await;
            sweep.extend(s.point_at(&params, value));
        }
    }
    turns::fresh().await;
    dispatch.emit(Action::RunFinishedReplayed(t, Made { replay, summary, sweep: Rc::new(sweep) }));
}

/// The action that ends a run without a trace.
fn emit_error(dispatch: &Callback<Action>, e: RunError) {
    dispatch.emit(match e {
        RunError::Stopped => Action::RunStopped,
        e => Action::RunFailed(e.to_string()),
    });
}
