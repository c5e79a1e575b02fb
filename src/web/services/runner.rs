//! Starting and stopping runs. Async lessons run as a task on the event loop
//! (abortable: Stop drops it and the trace is closed as stopped); CPU lessons go
//! to the pool with a cancel flag the workers check between chunks. On the
//! virtual clock an async lesson runs to completion at once (deterministic).
//! A stopped run always ends the page's "running": with its partial trace
//! (marked stopped) when there is one, else as [`RunError::Stopped`].

use super::{browser_runtime::BrowserRuntime, endpoint, pool};
use crate::engine::cpu::Progress;
use crate::engine::runtime::Runtime;
use crate::engine::RunError;
use crate::scenarios::{self, Exec, Scenario};
use crate::state::{Action, Clock, RunProgress, TraceRef};
use futures::future::{AbortHandle, Abortable};
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
    match scn.exec {
        // The virtual clock: deterministic and instant, no endpoint needed.
        // (A model lesson always: its steps are not timed.)
        // On a cross-origin isolated page the run goes to a pool worker, so
        // the page's thread never waits for it (Stop answers at once: the
        // worker quits at its next loop turn); without isolation there is no
        // pool and it runs here.
        Exec::Async(_) if clock == Clock::Virtual || scn.kind == crate::scenarios::Kind::Model => spawn_local(async move {
            let raw = params.to_strings();
            let env = super::env::detect();
            let ended = if env.isolated && pool::ensure(hardware_threads as usize).await.is_ok() {
                match Abortable::new(pool::run_virtual(scn, raw, cancel), reg).await {
                    Ok(r) => r,
                    Err(_) => Err(RunError::Stopped),
                }
            } else {
                scenarios::run_virtual(scn, &raw)
            };
            emit(&dispatch, ended);
        }),
        Exec::Async(run) => spawn_local(async move {
            let (ep, fallback) = match endpoint::ensure().await {
                Ok(ep) => (ep, None),
                Err(e) => {
                    web_sys::console::warn_1(&format!("request endpoint unavailable, answering in-page: {e}").into());
                    (endpoint::Endpoint::InPage, Some(e))
                }
            };
            let rt: Rc<dyn Runtime> = Rc::new(BrowserRuntime::new(ep));
            let (rec, fut) = scenarios::start_async(run, params.clone(), rt.clone());
            // Said on the page (`endpoint-fallback`), not only in the console.
            if let Some(why) = fallback {
                rec.event(None, endpoint::ENDPOINT_FALLBACK, Some(why), rt.now());
            }
            let result = Abortable::new(fut, reg).await;
            let stopped = result.is_err();
            let ended = match result {
                Ok(Err(e)) => Err(e),
                _ => scenarios::finish_async(scn, &params, rec, rt.as_ref(), stopped),
            };
            // Whatever went wrong after Stop is the stop's doing.
            emit(&dispatch, if stopped { ended.map_err(|_| RunError::Stopped) } else { ended });
        }),
        Exec::Cpu(run) => spawn_local(async move {
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
            emit(&dispatch, ended);
        }),
    }
    handle
}

/// The action that ends a run.
fn emit(dispatch: &Callback<Action>, ended: Result<crate::engine::trace::Trace, RunError>) {
    dispatch.emit(match ended {
        Ok(t) => Action::RunFinished(TraceRef(Rc::new(t))),
        Err(RunError::Stopped) => Action::RunStopped,
        Err(e) => Action::RunFailed(e.to_string()),
    });
}
