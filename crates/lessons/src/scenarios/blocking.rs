//! Async lesson 9: blocking the event loop. Requests start on a timer, one
//! every `every` ms, while a CPU job of `cpu_ms` starts at [`JOB_AT_MS`]. With
//! `mode=block` the job is a synchronous loop on the event loop itself: every
//! timer due meanwhile (request starts, answers, the lag monitor) fires only
//! when it ends, so the `loop_lag_ms` track spikes and the requests are late.
//! With `mode=offload` the same job runs on the worker pool
//! (`asyncio.to_thread` / `run_in_executor`) and the loop keeps ticking.
//! With `mode=sync` the job is instead a blocking *request* of `cpu_ms` on the
//! loop (`requests.get` inside `async def`): the same stall, with no CPU used;
//! `mode=sync_to_thread` hands it to an I/O thread (`asyncio.to_thread`),
//! which is parked in the request while the loop goes on. In the browser that
//! thread is a Web Worker making a synchronous request; on the loop, the page
//! spins until such a worker has the answer (see `IoThreads::block_request`).
//!
//! Built on [`Runtime::block`] and the runtime's `Caps` (offload, I/O threads), so the virtual clock
//! shows exactly what the browser does, only deterministically.

use super::{Run, Scenario};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::lag::{with_monitor, LAG_TICK_MS};
use crate::engine::primitives::request;
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{gather, spawn};
use crate::engine::runtime::{FetchError, Runtime, SimRequest, Work};
use crate::engine::trace::{ClockKind, LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "blocking",
    params: &[
        ParamSpec::choice("mode", MODES, "block"),
        ParamSpec::int("cpu_ms", 10, 5_000, 300),
        ParamSpec::int("n", 1, 200, 10),
        ParamSpec::int("every", 1, 1_000, 20),
        ParamSpec::int("ms", 1, 5_000, 100),
    ],
    cpython: &[("mode", "block"), ("cpu_ms", "400"), ("n", "6"), ("every", "25"), ("ms", "60")],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

pub const MODES: &[&str] = &["block", "offload", "sync", "sync_to_thread"];
/// When the CPU job starts (ms into the run); off the lag monitor's 10 ms grid
/// so no two timers tie.
pub const JOB_AT_MS: f64 = 45.0;
/// A request that ends more than this after its plan (start + latency) is late.
pub const LATE_MS: f64 = 20.0;

/// Request `i` waits for its start timer, then is in flight; returns how late it ended.
async fn timed_request(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, lane: LaneId, i: u32, every: f64, ms: f64, t0: f64) -> f64 {
    let start = t0 + i as f64 * every;
    if start > rt.now() {
        rec.enter(lane, State::Sleeping, Some("timer"), rt.now());
        rt.sleep(start - rt.now()).await;
    }
    request(rt.as_ref(), &rec, lane, SimRequest { id: i, latency_ms: ms, status: 200 }).await;
    (rt.now() - (start + ms)).max(0.0)
}

/// The CPU job: on the loop or on the pool. Returns how long it ran.
async fn cpu_job(rt: Rc<dyn Runtime>, rec: Rc<Recorder>, sync: bool, offload: bool, cpu_ms: f64, t0: f64) -> Result<f64, RunError> {
    let lane = rec.lane("job 0", LaneKind::Task);
    rec.enter(lane, State::Sleeping, Some("timer"), rt.now());
    rt.sleep(t0 + JOB_AT_MS - rt.now()).await;
    let t = rt.now();
    let ran = if sync {
        sync_job(rt.as_ref(), &rec, lane, offload, cpu_ms).await?
    } else if offload {
        rec.enter(lane, State::Waiting, Some("worker pool"), t);
        let done = match rt.caps().offload(Work::Spin { ms: cpu_ms }).await {
            Ok(d) => d,
            Err(e) => {
                rec.finish_lane(lane, Outcome::Failed, rt.now());
                return Err(RunError::Environment(e.to_string()));
            }
        };
        let w = rec.lane(format!("worker {}", done.worker), LaneKind::Worker);
        rec.span(w, State::Running, done.start_ms, done.end_ms, Some(format!("job 0: {cpu_ms} ms of CPU")));
        done.end_ms - done.start_ms
    } else {
        rec.event(None, "loop_blocked", Some(format!("{cpu_ms}")), t);
        rec.enter_labelled(lane, State::Running, Some("event loop"), format!("busy loop, {cpu_ms} ms"), t);
        rt.block(cpu_ms);
        rt.now() - t
    };
    rec.finish_lane(lane, Outcome::Done, rt.now());
    Ok(ran)
}

/// The sync-client job: a blocking request of `ms` on the loop, or on an I/O
/// thread (`asyncio.to_thread`). Returns how long it took.
async fn sync_job(rt: &dyn Runtime, rec: &Recorder, lane: LaneId, to_thread: bool, ms: f64) -> Result<f64, RunError> {
    let t = rt.now();
    let req = SimRequest { id: 0, latency_ms: ms, status: 200 };
    if to_thread {
        rec.enter(lane, State::Waiting, Some("to_thread"), t);
        let io = rt.caps().io_threads()?.request(rt, 0, req).await.map_err(|e| RunError::Environment(e.to_string()))?;
        let (s, e) = io.span.unwrap_or((t, rt.now()));
        let w = rec.lane("worker 0", LaneKind::Worker);
        rec.span_on(w, State::Io, rt.endpoint_label(), s, e, Some(format!("job 0: requests.get, {ms} ms")));
        rec.finish_lane(w, Outcome::Done, e);
        return Ok(e - s);
    }
    rec.event(None, "loop_blocked", Some(format!("{ms}")), t);
    rec.enter_labelled(lane, State::Io, Some("event loop"), format!("requests.get, {ms} ms, on the loop"), t);
    // A translation key (no shared memory) stays bare so the page translates it.
    let io = rt.caps().io_threads()?.block_request(rt, req).map_err(|FetchError::Network(m)| RunError::Environment(m))?;
    let (s, e) = io.span.unwrap_or((t, rt.now()));
    Ok((e - s).max(rt.now() - t))
}

/// On the browser clock, `block` and `sync` stall the page's own thread for
/// `cpu_ms` (that stall is the lesson): at most this much, so the page can
/// always answer Stop; the virtual clock models any size.
pub const PAGE_STALL_MAX_MS: i64 = 1_000;
/// Said when a browser-clock run would stall the page longer than [`PAGE_STALL_MAX_MS`].
pub const ERR_PAGE_STALL: &str = "err.blocking_page_stall";

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let mode = p.choice("mode");
        let sync = mode.starts_with("sync");
        let offload = mode == "offload" || mode == "sync_to_thread";
        if !offload && rt.clock() == ClockKind::Browser && p.int("cpu_ms") > PAGE_STALL_MAX_MS {
            return Err(RunError::Environment(ERR_PAGE_STALL.into()));
        }
        if sync {
            // Before time 0: the browser's I/O thread must be up before the loop blocks on it.
            let io = rt.caps().io_threads()?;
            io.start(rt.as_ref(), 1).await.map_err(RunError::Environment)?;
            if !offload {
                io.prepare_block_request();
            }
        }
        let (cpu_ms, every, ms) = (p.int("cpu_ms") as f64, p.int("every") as f64, p.int("ms") as f64);
        let t0 = rt.now();
        let requests = (0..p.int("n") as u32).map(|i| {
            let lane = rec.lane(format!("request {i}"), LaneKind::Task);
            timed_request(rt.clone(), rec.clone(), lane, i, every, ms, t0)
        });
        let job = cpu_job(rt.clone(), rec.clone(), sync, offload, cpu_ms, t0);
        // As the listing: gather(job(), *requests), each a task.
        let both = async {
            let job = spawn(rt.as_ref(), job);
            let delays = gather(rt.as_ref(), requests.collect::<Vec<_>>()).await;
            (job.await, delays)
        };
        let ((job, delays), max_lag) = with_monitor(rt.clone(), rec.clone(), LAG_TICK_MS, both).await;
        let ran = job?;
        rec.result("max_loop_lag_ms", max_lag);
        rec.result("requests_late", delays.iter().filter(|d| **d > LATE_MS).count() as f64);
        rec.result("max_request_delay_ms", delays.iter().copied().fold(0.0, f64::max));
        rec.result("cpu_job_ms", ran);
        Ok(())
    })
}
