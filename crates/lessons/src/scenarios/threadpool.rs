//! Async lesson: a thread pool doing blocking I/O, as
//! `concurrent.futures.ThreadPoolExecutor(max_workers=N)` does. `jobs`
//! requests are submitted at once to a FIFO work queue; each of the `workers`
//! threads takes the next job, is parked in a blocking request for the job's
//! latency, and takes the next. With J jobs of equal latency L the makespan is
//! ⌈J/N⌉·L: 20 jobs of 1 s take 20/4/2/1 s on 1/5/10/20 workers.
//!
//! Four API shapes (`mode`), the ones the tutorials use:
//! - `as_completed`: `submit` every job, then `as_completed(futures)`: the
//!   caller gets results in the order they finish;
//! - `map`: `pool.map(fetch, jobs)`: results in submission order, so a slow
//!   early job holds back the caller even when later ones are done;
//! - `result_timeout`: `f.result(timeout=T)` on each future in turn: a job
//!   that takes longer times out *for the caller* while its thread keeps
//!   running it (CPython cannot interrupt a thread), and leaving the `with`
//!   block still waits for it (`shutdown(wait=True)`);
//! - `callbacks`: a done-callback chain fetch → parse → store: when a fetch
//!   ends, its callback runs on the thread that finished it, parses (instant)
//!   and submits the store request (half the fetch's latency), which joins the
//!   back of the queue.
//!
//! Lanes are the pool's threads (parked in I/O during a job, waiting on the
//! work queue when idle) and the caller, `main`. The pool makes at most
//! `jobs` threads, as CPython's creates one per submit while none is idle.
//! On the browser clock each thread is a real Web Worker making a synchronous
//! request to the built-in endpoint (the runtime's `IoThreads`); the work
//! queue is kept on the page, which hands an idle worker its next job. On the
//! virtual clock the same code runs on the runtime's model of those threads.

mod executor;

use super::extras::{Extra, Generic, MakespanSweep, MeasuredFrom, Shown};
use super::{Run, Scenario};
use crate::engine::latency::{LatencyModel, SplitMix64};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::Runtime;
use crate::engine::trace::{LaneKind, Outcome, State};
use crate::engine::RunError;
use executor::{worker, Ctx, Done, Job, Pool, Stage};
use futures::channel::oneshot;
use futures::future::{join, join_all, select, Either, LocalBoxFuture};
use futures::stream::{FuturesUnordered, StreamExt};
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "threadpool",
    params: &[
        ParamSpec::choice("mode", MODES, "as_completed"),
        ParamSpec::int("jobs", 1, 200, 20),
        ParamSpec::int("workers", 1, MAX_WORKERS, 5),
        ParamSpec::choice("latency", LatencyModel::NAMES, "fixed"),
        ParamSpec::int("ms", 1, 10_000, 1000),
        ParamSpec::int("timeout", 1, 60_000, 1500),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
    ],
    cpython: &[("mode", "as_completed"), ("jobs", "12"), ("workers", "4"), ("latency", "fixed"), ("ms", "100"), ("seed", "1")],
    extras: &[
        Extra::MakespanSweep(WORKERS_SWEEP),
        // Its lanes are the pool's threads and `main`, not jobs: lanes done and
        // per second would count threads (its own `jobs_done` counts jobs), and
        // its own pool time is the makespan without starting the threads.
        Extra::Numbers(&[Shown::labelled(Generic::MaxInFlight, "num.threads_in_io"), Shown::generic(Generic::Latency)]),
    ],
    heavy_steps: false,
    run: Run::Async(run),
};

pub const MODES: &[&str] = &["as_completed", "map", "result_timeout", "callbacks"];
/// Most threads a pool may have (real Web Workers in the browser).
pub const MAX_WORKERS: i64 = 20;

/// Each job's latency (ms), drawn from the seed (`python/simnet.py` draws the same).
pub fn latencies(p: &Params) -> Vec<f64> {
    let model = LatencyModel::from_name(p.choice("latency")).unwrap_or(LatencyModel::Fixed);
    let mut rng = SplitMix64::new(p.int("seed") as u64);
    (0..p.int("jobs"))
        .map(|_| {
            let l = model.sample(p.int("ms") as f64, &mut rng);
            rng.next_f64(); // the fault draw of simnet.plan, unused here: keeps the two aligned
            l
        })
        .collect()
}

/// What the caller saw: results in the order it got them, and timeouts.
struct Seen {
    first_ms: Option<f64>,
    done: usize,
    timed_out: usize,
}

impl Seen {
    fn got(&mut self, cx: &Ctx, lane: LaneId, d: Done) {
        let now = cx.rt.now();
        self.first_ms.get_or_insert(now);
        if d.ok {
            self.done += 1;
        }
        cx.rec.event(Some(lane), if d.ok { "result" } else { "exception" }, Some(d.id.to_string()), now);
    }
}

/// The caller (`main`): submits every job, then collects results the mode's way.
async fn caller(cx: Rc<Ctx>, lane: LaneId, mode: &'static str, lat: Vec<f64>, timeout_ms: f64) -> Seen {
    let (rt, rec) = (&cx.rt, &cx.rec);
    let mut seen = Seen { first_ms: None, done: 0, timed_out: 0 };
    let mut futures = Vec::with_capacity(lat.len());
    for (i, l) in lat.iter().enumerate() {
        let (tx, rx) = oneshot::channel();
        cx.pool.submit(Job { id: i as u32, stage: Stage::Fetch, latency_ms: *l, done: tx });
        futures.push(rx);
    }
    match mode {
        "map" => {
            rec.enter(lane, State::Waiting, Some("pool.map"), rt.now());
            for rx in futures {
                if let Ok(d) = rx.await {
                    seen.got(&cx, lane, d);
                }
            }
        }
        "result_timeout" => {
            let mut late = Vec::new();
            for rx in futures {
                rec.enter(lane, State::Waiting, Some("result(timeout)"), rt.now());
                match select(rx, rt.sleep(timeout_ms)).await {
                    Either::Left((Ok(d), _)) => seen.got(&cx, lane, d),
                    Either::Left((Err(_), _)) => {}
                    Either::Right((_, rx)) => {
                        seen.timed_out += 1;
                        rec.event(Some(lane), "timed_out", Some(timeout_ms.to_string()), rt.now());
                        late.push(rx);
                    }
                }
            }
            // Leaving `with`: shutdown(wait=True) waits for the jobs still running.
            rec.enter(lane, State::Waiting, Some("shutdown(wait=True)"), rt.now());
            for d in join_all(late).await.into_iter().flatten() {
                seen.done += usize::from(d.ok);
            }
        }
        _ => {
            // as_completed; with callbacks, each result is a store that ended.
            let what = if cx.callbacks { "fetch → parse → store" } else { "as_completed" };
            rec.enter(lane, State::Waiting, Some(what), rt.now());
            let mut stream: FuturesUnordered<_> = futures.into_iter().collect();
            while let Some(r) = stream.next().await {
                if let Ok(d) = r {
                    seen.got(&cx, lane, d);
                }
            }
        }
    }
    cx.pool.shutdown();
    seen
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let lat = latencies(&p);
        let threads = (p.int("workers") as usize).min(lat.len()).max(1);
        let io = rt.caps().io_threads()?;
        let main = rec.lane("main", LaneKind::Task);
        let t_start = rt.now();
        rec.enter_labelled(main, State::Running, None, format!("starting {threads} threads"), t_start);
        io.start(rt.as_ref(), threads).await.map_err(RunError::Environment)?;
        let t0 = rt.now();
        if t0 > t_start {
            rec.result("threads_start_ms", t0 - t_start);
        }
        let mode = MODES.iter().copied().find(|m| *m == p.choice("mode")).unwrap_or(MODES[0]);
        let cx = Rc::new(Ctx { rt: rt.clone(), io, rec: rec.clone(), pool: Pool::default(), callbacks: mode == "callbacks" });
        let lanes: Vec<LaneId> = (0..threads).map(|w| rec.lane(format!("worker {w}"), LaneKind::Worker)).collect();
        let workers = join_all(lanes.iter().enumerate().map(|(w, l)| worker(cx.clone(), w, *l)));
        let (seen, _) = join(caller(cx.clone(), main, mode, lat, p.int("timeout") as f64), workers).await;
        let end = rt.now();
        rec.finish_lane(main, Outcome::Done, end);
        rec.result("pool_ms", end - t0);
        rec.result("first_result_ms", seen.first_ms.map_or(0.0, |t| t - t0));
        rec.result("jobs_done", seen.done as f64);
        rec.result("timed_out", seen.timed_out as f64);
        Ok(())
    })
}

/// Thread counts of the workers sweep: 1, 2, 5, 10, 20 and this run's own.
pub fn sweep_workers(p: &Params) -> Vec<i64> {
    let mut ws: Vec<i64> = vec![1, 2, 5, 10, 20, p.int("workers")];
    ws.retain(|w| (1..=MAX_WORKERS).contains(w));
    ws.sort_unstable();
    ws.dedup();
    ws
}

/// The pool's time (`pool_ms`) against its thread count, each point run on
/// the virtual clock with this run's exact jobs (counting, not keeping, the
/// trace).
const WORKERS_SWEEP: MakespanSweep = MakespanSweep {
    param: "workers",
    values: sweep_workers,
    point: workers_point,
    measured: MeasuredFrom::Result("pool_ms"),
    title: "app.workers_sweep",
    note: "app.workers_sweep_note",
    axis: "app.threads_axis",
};

/// The pool's time with `w` threads.
fn workers_point(p: &Params, w: i64) -> Option<f64> {
    let mut raw = p.to_strings();
    raw.insert("workers".into(), w.to_string());
    let r = super::virtual_run::run_virtual_numbers(&SCENARIO, &raw).ok()?;
    Some(r.results.get("pool_ms").copied().unwrap_or(r.makespan_ms))
}

/// Every point of the workers sweep: (threads, pool ms) for each thread count
/// of [`sweep_workers`].
pub fn workers_sweep(p: &Params) -> Vec<(u32, f64)> {
    WORKERS_SWEEP.points(p)
}
