#![cfg(not(target_arch = "wasm32"))]
//! Why `tests/web.rs` runs each async lesson once on the browser's real loop:
//! every lesson's `cpython` run decides what the virtual clock decides (the
//! same lanes ending the same way, the same counts) with every timer, request
//! and blocking call up to [`LATENESS_BUDGET_MS`] late, as real ones are only
//! ever late; except the lessons in [`REAL_LOOP_QUARANTINE`], whose stated
//! reason is checked to still hold. The lateness is drawn per call from a
//! seed (40 seeds), on the virtual clock: deterministic.

mod common;
use common::REAL_LOOP_QUARANTINE;

use concurrency_playground::engine::latency::SplitMix64;
use concurrency_playground::engine::runtime::{Caps, FetchError, Response, Runtime, SimRequest};
use concurrency_playground::engine::trace::{ClockKind, Outcome, Trace};
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use concurrency_playground::scenarios::{self, Kind, Scenario, ALL, LATENESS_BUDGET_MS};
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The virtual clock with every wait up to `max_ms` late (uniform, seeded).
struct Late {
    v: VirtualRuntime,
    rng: RefCell<SplitMix64>,
    max_ms: f64,
}

impl Late {
    fn later(&self, ms: f64) -> f64 {
        ms + self.rng.borrow_mut().next_f64() * self.max_ms
    }
    fn req(&self, r: SimRequest) -> SimRequest {
        SimRequest { latency_ms: self.later(r.latency_ms), ..r }
    }
}

impl Runtime for Late {
    fn now(&self) -> f64 {
        self.v.now()
    }
    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        self.v.sleep(self.later(ms))
    }
    fn fetch(&self, req: SimRequest) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        self.v.fetch(self.req(req))
    }
    fn clock(&self) -> ClockKind {
        self.v.clock()
    }
    fn block(&self, ms: f64) {
        self.v.block(self.later(ms))
    }
    fn spawn_local(&self, fut: LocalBoxFuture<'static, ()>) {
        self.v.spawn_local(fut)
    }
    /// The virtual clock's: its modelled I/O threads make their requests
    /// and blocks through this runtime, so they are late too.
    fn caps(&self) -> &Caps {
        self.v.caps()
    }
}

type Decisions = (Vec<(String, Option<Outcome>)>, BTreeMap<String, f64>);

/// As `tests/web.rs`: each lane's name and outcome, and every result that is a count.
fn decisions(t: &Trace) -> Decisions {
    let lanes = t.lanes.iter().map(|l| (l.name.clone(), l.outcome)).collect();
    let timed = |k: &str| ["_ms", "_x", "_rate", "_per_s", "_s"].iter().any(|s| k.ends_with(s));
    (lanes, t.meta.results.iter().filter(|(k, _)| !timed(k)).map(|(k, v)| (k.clone(), *v)).collect())
}

/// Seeds (of 40) whose late run decides otherwise than the exact one, with the first difference.
fn differing(scn: &Scenario, max_ms: f64) -> (usize, String) {
    let raw: BTreeMap<String, String> = scn.cpython.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let want = decisions(&scenarios::run_virtual(scn, &raw).unwrap_or_else(|e| panic!("{}: {e}", scn.id)));
    let Some(run) = scn.run.async_body() else { panic!("{} is async", scn.id) };
    let params = scn.validate(&raw).unwrap_or_else(|e| panic!("{}: {e:?}", scn.id));
    let (mut n, mut first) = (0, String::new());
    for seed in 0..40 {
        let v = VirtualRuntime::new();
        let rt: Rc<dyn Runtime> = Rc::new(Late { v: v.clone(), rng: RefCell::new(SplitMix64::new(seed)), max_ms });
        let (rec, fut) = scenarios::start_async(run, params.clone(), rt.clone());
        let got = match v.block_on(fut) {
            Some(Ok(())) => decisions(&scenarios::finish_async(scn, &params, rec, rt.as_ref(), false).expect("trace")),
            other => (vec![], [(format!("{other:?}"), 0.0)].into()),
        };
        if got != want {
            n += 1;
            if first.is_empty() {
                let results: Vec<_> = got.1.iter().filter(|(k, v)| want.1.get(*k) != Some(v)).map(|(k, v)| (k, v, want.1.get(k))).collect();
                first = format!("seed {seed}: results (late, exact) {results:?}");
            }
        }
    }
    (n, first)
}

#[test]
fn async_lessons_decide_the_same_with_late_timers_except_the_quarantined() {
    let mut failures = Vec::new();
    for scn in ALL.iter().filter(|s| s.kind() == Kind::Async) {
        let quarantined = REAL_LOOP_QUARANTINE.iter().any(|(id, _)| *id == scn.id);
        let (n, first) = differing(scn, LATENESS_BUDGET_MS);
        eprintln!("{}: {n}/40 late runs decide otherwise {first}", scn.id);
        match (quarantined, n) {
            (false, n) if n > 0 => {
                failures.push(format!("{}: {n}/40 runs up to {LATENESS_BUDGET_MS} ms late decide otherwise ({first})", scn.id))
            }
            (true, 0) => failures.push(format!("{}: quarantined, yet every late run decides the same: take it off the list", scn.id)),
            _ => {}
        }
    }
    for (id, _) in REAL_LOOP_QUARANTINE {
        assert!(ALL.iter().any(|s| s.id == *id && s.kind() == Kind::Async), "quarantined {id} is no async lesson");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
