//! Helpers for the async lessons' tests on the virtual clock (`tests/async_*.rs`).

use concurrency_playground::engine::recorder::{self, Recorder};
use concurrency_playground::engine::runtime::Runtime;
use concurrency_playground::engine::trace::{ClockKind, State, Trace};
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use concurrency_playground::scenarios::Scenario;
use playground_fidelity::run_engine_with;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A lesson's run on the virtual clock (the engine's side of the CPython comparison).
pub fn run(scn: &Scenario, pairs: &[(&str, &str)]) -> Trace {
    run_engine_with(scn, pairs).unwrap_or_else(|e| panic!("{e}"))
}

/// The id of the lane named `name`.
pub fn lane_id(t: &Trace, name: &str) -> u32 {
    t.lanes.iter().find(|l| l.name == name).unwrap_or_else(|| panic!("no lane {name}")).id
}

/// Start of the `k`-th span of `state` on the lane.
pub fn nth_start(t: &Trace, lane: u32, state: State, k: usize) -> f64 {
    t.lane_spans(lane).filter(|s| s.state == state).nth(k).unwrap_or_else(|| panic!("lane {lane}: no {state:?} #{k}")).start_ms
}

/// When the lane's last span ends.
pub fn lane_end(t: &Trace, lane: u32) -> f64 {
    t.lane_spans(lane).map(|s| s.end_ms).fold(0.0, f64::max)
}

/// A bare virtual run of a primitive test: recorder, runtime, and the result.
pub fn virtual_run<F: std::future::Future<Output = ()> + 'static>(make: impl FnOnce(Rc<Recorder>, Rc<dyn Runtime>) -> F) -> Trace {
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(vrt.clone());
    let rec = Rc::new(Recorder::new());
    vrt.block_on(make(rec.clone(), rt.clone())).expect("no task stays blocked");
    let rec = Rc::try_unwrap(rec).ok().expect("run released the recorder");
    let t = rec.finish(recorder::meta("test", BTreeMap::new(), ClockKind::Virtual), rt.now());
    t.validate().unwrap();
    t
}
