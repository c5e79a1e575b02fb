//! Browser-side helpers of `tests/web.rs` (wasm32 only): a CPU lesson on the
//! real pool, an async lesson on the real event loop, and what a run decided.

use super::raw;
use concurrency_playground::engine::runtime::Runtime;
use concurrency_playground::engine::trace::{Outcome, Trace};
use concurrency_playground::scenarios::{self, primes};
use concurrency_playground::web::services::browser_runtime::BrowserRuntime;
use concurrency_playground::web::services::endpoint::Endpoint;
use concurrency_playground::web::services::pool;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub async fn run_primes(pairs: &[(&str, &str)], cancelled: bool) -> Trace {
    let threads = pool::ensure(2).await.expect("the pool starts");
    assert!(threads >= 1);
    let params = primes::SCENARIO.validate(&raw(pairs)).expect("valid params");
    let Some(run) = primes::SCENARIO.run.cpu() else { panic!("primes is a CPU lesson") };
    pool::run(run, params, Arc::new(AtomicBool::new(cancelled)), Arc::default()).await.expect("the run succeeds")
}

/// Counts 5 ms timer ticks until `stop` is set; returns how many fired.
pub async fn tick_until(rt: Rc<dyn Runtime>, stop: Rc<std::cell::Cell<bool>>) -> u32 {
    let mut ticks = 0;
    while !stop.get() {
        rt.sleep(5.0).await;
        ticks += 1;
    }
    ticks
}

pub async fn run_poolsize(pairs: &[(&str, &str)], cancel: Arc<AtomicBool>) -> Result<Trace, concurrency_playground::engine::RunError> {
    pool::ensure(2).await.expect("the pool starts");
    let params = concurrency_playground::scenarios::poolsize::SCENARIO.validate(&raw(pairs)).expect("valid params");
    let Some(run) = concurrency_playground::scenarios::poolsize::SCENARIO.run.cpu() else { panic!("poolsize is a CPU lesson") };
    pool::run(run, params, cancel, Arc::default()).await
}

/// Runs an async lesson on the browser clock (real timers, the in-page endpoint).
pub async fn run_on_browser(scn: &scenarios::Scenario, pairs: &[(&str, &str)]) -> Trace {
    let Some(run) = scn.run.async_body() else { panic!("{} is not an async lesson", scn.id) };
    let params = scn.validate(&raw(pairs)).expect("valid params");
    let rt: Rc<dyn Runtime> = Rc::new(BrowserRuntime::new(Endpoint::InPage));
    let (rec, fut) = scenarios::start_async(run, params.clone(), rt.clone());
    fut.await.unwrap_or_else(|e| panic!("{}: {e}", scn.id));
    scenarios::finish_async(scn, &params, rec, rt.as_ref(), false).expect("trace")
}

/// What a run decided, as opposed to how long it took: each lane's name and
/// outcome, and every result that is a count (timings are left out).
pub type Decisions = (Vec<(String, Option<Outcome>)>, BTreeMap<String, f64>);
pub fn decisions(t: &Trace) -> Decisions {
    let lanes = t.lanes.iter().map(|l| (l.name.clone(), l.outcome)).collect();
    let timed = |k: &str| ["_ms", "_x", "_rate", "_per_s", "_s"].iter().any(|s| k.ends_with(s));
    let counts = t.meta.results.iter().filter(|(k, _)| !timed(k)).map(|(k, v)| (k.clone(), *v)).collect();
    (lanes, counts)
}
