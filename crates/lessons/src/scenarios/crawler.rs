//! Async lesson: the semaphore-bounded crawler. N requests, at most K in flight.
//! Each request's lane shows waiting for a permit, then in flight; tracks show
//! permits in use and waiters. The makespan falls from ≈ N·latency (K = 1)
//! towards ≈ ⌈N/K⌉·latency as K grows, until K ≥ N.
//!
//! With `url` set, every request is a real GET of the user's own address on
//! the browser clock (CORS permitting); the virtual clock still simulates the
//! planned latencies. If every request then fails with a network error, the run
//! ends normally (the failed lanes stay visible) with a run-wide
//! `url_unreachable` event that the page explains (CORS, DNS, address).
//!
//! With `server=capacity` the built-in endpoint is an overloadable server
//! (`engine::server_model`: `capacity` served at full speed, slower beyond,
//! 503 past `capacity + queue`): K = N then overloads it, and the makespan-vs-K
//! chart has its best K inside, near the capacity: why a crawler limits itself.

use super::extras::{Extra, MakespanSweep, MeasuredFrom};
use super::{Run, Scenario};
use crate::engine::latency::{LatencyModel, SplitMix64};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::{request::request_to, TracedSemaphore};
use crate::engine::recorder::Recorder;
use crate::engine::runtime::gather;
use crate::engine::runtime::{FetchError, Runtime, SimRequest};
use crate::engine::server_model::ServerSpec;
use crate::engine::trace::{ClockKind, LaneKind};
use crate::engine::RunError;
use futures::future::LocalBoxFuture;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "crawler",
    params: &[
        ParamSpec::int("n", 1, 10_000, 20),
        ParamSpec::int("k", 1, 1_000, 5),
        ParamSpec::choice("latency", LatencyModel::NAMES, "uniform"),
        ParamSpec::int("ms", 1, 10_000, 200),
        ParamSpec::int("fail", 0, 100, 0),
        ParamSpec::int("seed", 0, 4_294_967_295, 1),
        ParamSpec::url("url"),
        ParamSpec::choice("server", SERVERS, "unlimited"),
        ParamSpec::int("capacity", 1, 1_000, 5),
        ParamSpec::int("queue", 0, 10_000, 10),
    ],
    cpython: &[("n", "12"), ("k", "3"), ("latency", "uniform"), ("ms", "40"), ("seed", "7")],
    extras: &[Extra::MakespanSweep(K_SWEEP)],
    heavy_steps: false,
    run: Run::Async(run),
};

/// `unlimited`: every request is answered as planned; `capacity`: the server model.
pub const SERVERS: &[&str] = &["unlimited", "capacity"];

/// The server model of the run's parameters, if any.
pub fn server(p: &Params) -> Option<ServerSpec> {
    (p.choice("server") == "capacity").then(|| ServerSpec { capacity: p.int("capacity") as u32, queue: p.int("queue") as u32 })
}

/// What each request will do, drawn up front from the seed (the Python listing
/// draws the same plan in the same order).
pub fn plan(p: &Params) -> Vec<SimRequest> {
    let model = LatencyModel::from_name(p.choice("latency")).unwrap_or(LatencyModel::Fixed);
    let (ms, fail) = (p.int("ms") as f64, p.int("fail") as f64);
    let mut rng = SplitMix64::new(p.int("seed") as u64);
    (0..p.int("n") as u32)
        .map(|id| {
            let latency_ms = model.sample(ms, &mut rng);
            let status = if rng.next_f64() * 100.0 < fail { 500 } else { 200 };
            SimRequest { id, latency_ms, status }
        })
        .collect()
}

pub use crate::engine::params::{USER_URL_MAX_N, USER_URL_MAX_RATE_PER_S};

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        // An overloadable server is the runtime's server model (its `Caps`);
        // an unlimited one is the endpoint as it is.
        if let Some(spec) = server(&p) {
            rt.caps().server()?.set_server(Some(spec));
        }
        let sem = TracedSemaphore::new("semaphore", p.int("k") as usize, rec.clone(), rt.clone());
        let url: Option<Rc<str>> = Some(p.text("url")).filter(|u| !u.is_empty()).map(Rc::from);
        if url.is_some() && p.int("n") > USER_URL_MAX_N {
            // The page refuses this before Run; this is the engine's own guard.
            return Err(RunError::Environment("err.user_url_too_many".into()));
        }
        // Real requests to someone else's server: paced, request i not before i / rate seconds.
        let pace = (url.is_some() && rt.clock() == ClockKind::Browser).then_some(1000.0 / USER_URL_MAX_RATE_PER_S);
        let tasks = plan(&p).into_iter().map(|req| {
            let (rt, rec, sem, url) = (rt.clone(), rec.clone(), sem.clone(), url.clone());
            let lane = rec.lane(format!("request {}", req.id), LaneKind::Task);
            async move {
                if let Some(gap) = pace {
                    rt.sleep(req.id as f64 * gap).await;
                }
                let _permit = sem.acquire(lane).await;
                request_to(rt.as_ref(), &rec, lane, req, url.as_deref()).await
            }
        });
        let answers = gather(rt.as_ref(), tasks.collect::<Vec<_>>()).await;
        if let Some(u) = url {
            report_unreachable(&rec, rt.now(), &u, &answers);
        }
        Ok(())
    })
}

/// If every request to the user's `url` failed with a network error (CORS,
/// DNS, refused), marks the run with a `url_unreachable` event (detail = the
/// URL) so the page can say why instead of only showing failed lanes.
pub fn report_unreachable<T>(rec: &Recorder, now: f64, url: &str, answers: &[Result<T, FetchError>]) {
    if !answers.is_empty() && answers.iter().all(|a| matches!(a, Err(FetchError::Network(_)))) {
        rec.event(None, URL_UNREACHABLE, Some(url.to_owned()), now);
    }
}

/// Name of the run-wide event marking an unreachable user URL.
pub const URL_UNREACHABLE: &str = "url_unreachable";

/// The sweep over K is replayed on the virtual clock (instant, exact) with
/// the same requests; past this many requests it is skipped to keep the page
/// snappy (each point is a whole run).
pub const K_SWEEP_MAX_N: i64 = 2_000;

/// Makespan against K, each point this run's exact plan of requests
/// simulated on the virtual clock (counting, not keeping, the trace: only the
/// makespan is used).
const K_SWEEP: MakespanSweep = MakespanSweep {
    param: "k",
    values: k_values,
    point: k_point,
    measured: MeasuredFrom::Makespan,
    title: "app.k_sweep",
    note: "app.k_sweep_note",
    axis: "app.k_axis",
};

/// K = 1, 2, 5, 10, 20, 50, … (and the chosen K, N and a server model's
/// capacity); none when N is above [`K_SWEEP_MAX_N`].
fn k_values(p: &Params) -> Vec<i64> {
    let n = p.int("n");
    if n > K_SWEEP_MAX_N {
        return Vec::new();
    }
    let mut ks: Vec<i64> = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].into_iter().filter(|k| *k < n).collect();
    ks.extend([p.int("k").min(n), n]);
    // With a server model its capacity is where the curve should turn: show it.
    ks.extend(server(p).map(|s| (s.capacity as i64).min(n)));
    ks.sort_unstable();
    ks.dedup();
    ks
}

/// The makespan of this run's requests at `k` in flight.
fn k_point(p: &Params, k: i64) -> Option<f64> {
    let mut raw = p.to_strings();
    raw.insert("k".into(), k.to_string());
    super::virtual_run::run_virtual_numbers(&SCENARIO, &raw).ok().map(|r| r.makespan_ms)
}

/// Every point of the K sweep: (K, makespan ms), by K; empty when N is above
/// [`K_SWEEP_MAX_N`].
pub fn k_sweep(p: &Params) -> Vec<(u32, f64)> {
    K_SWEEP.points(p)
}
