#![cfg(not(target_arch = "wasm32"))]
//! The overloadable server behind the endpoint (`engine::server_model`) and
//! the crawler against it, on the virtual clock: below capacity nothing
//! changes, past it latency grows as (n/C)², past C + queue requests get 503;
//! so the crawler's best K is the capacity, not K = N. The listing agrees
//! under CPython.

use concurrency_playground::engine::server_model::{loaded_latency, ServerModel, ServerSpec, OVERLOADED};
use concurrency_playground::scenarios::{crawler, run_virtual};
use playground_fidelity::variants::EXACT;
use playground_fidelity::{check_virtual, raw_params};
use std::path::Path;

const SPEC: ServerSpec = ServerSpec { capacity: 4, queue: 3 };

#[test]
fn the_model_slows_past_capacity_and_refuses_past_the_queue() {
    let s = ServerModel::new(Some(SPEC));
    let adm: Vec<_> = (0..9).map(|_| s.admit(100.0, 200)).collect();
    for (i, a) in adm.iter().enumerate() {
        let n = i as u32 + 1;
        if n <= 4 {
            assert_eq!((a.latency_ms, a.status), (100.0, 200), "within capacity");
        } else if n <= 7 {
            let f = n as f64 / 4.0;
            assert_eq!(a.latency_ms, (100.0 * f * f * 10.0).round() / 10.0);
            assert!(a.admitted);
        } else {
            assert_eq!((a.status, a.admitted), (OVERLOADED, false), "past capacity + queue");
        }
    }
    assert_eq!(s.active(), 7);
    s.release();
    assert!(s.admit(100.0, 200).admitted, "a place freed is taken again");
    assert_eq!(loaded_latency(SPEC, 100.0, 8), 400.0);
    // No model: as planned.
    assert_eq!(ServerModel::new(None).admit(100.0, 500).status, 500);
}

fn makespan(n: u32, k: u32, extra: &[(&str, &str)]) -> (f64, usize) {
    let (ns, ks) = (n.to_string(), k.to_string());
    let mut ps = vec![("n", ns.as_str()), ("k", ks.as_str()), ("latency", "fixed"), ("ms", "100")];
    ps.extend_from_slice(extra);
    let t = run_virtual(&crawler::SCENARIO, &raw_params(&ps)).unwrap();
    t.validate().unwrap();
    let failed = t.lanes.iter().filter(|l| l.outcome == Some(concurrency_playground::engine::trace::Outcome::Failed)).count();
    (t.meta.makespan_ms, failed)
}

#[test]
fn the_crawlers_best_k_is_the_servers_capacity() {
    let server = [("server", "capacity"), ("capacity", "5"), ("queue", "10")];
    let n = 20;
    let runs: Vec<(u32, f64, usize)> = (1..=n)
        .map(|k| {
            let (ms, failed) = makespan(n, k, &server);
            (k, ms, failed)
        })
        .collect();
    // Up to C nothing is slowed: ⌈N/K⌉ rounds of 100 ms.
    for &(k, ms, failed) in runs.iter().take(5) {
        assert_eq!(ms, (n.div_ceil(k) * 100) as f64, "K = {k}");
        assert_eq!(failed, 0);
    }
    let best = runs.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    assert_eq!(best.0, 5, "best K = capacity: {runs:?}");
    // K = N overloads it: slower than K = C, and C + queue = 15 are admitted, 5 refused.
    let all = runs.last().unwrap();
    assert!(all.1 > best.1);
    assert_eq!(all.2, 5);
    // Without the model, more is always at least as fast.
    let (free, _) = makespan(n, n, &[]);
    assert_eq!(free, 100.0);
    // The chart's sweep shows the capacity and finds the same best K.
    let p = crawler::SCENARIO
        .validate(&raw_params(&[
            ("n", "20"),
            ("latency", "fixed"),
            ("ms", "100"),
            ("server", "capacity"),
            ("capacity", "5"),
            ("queue", "10"),
        ]))
        .unwrap();
    let sweep = crawler::k_sweep(&p);
    let best_in_sweep = sweep.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    assert_eq!(best_in_sweep.0, 5);
}

/// On CPython's loop with a virtual clock, exactly: the server's latency
/// depends on how many requests it is serving when one arrives, so on real
/// time late timers change the load each request meets and the run can end
/// earlier as well as later; the virtual clock compares the schedule itself.
#[test]
fn the_listing_overloads_the_same_server_under_cpython() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for k in ["5", "12"] {
        let ps = [
            ("n", "12"),
            ("k", k),
            ("latency", "uniform"),
            ("ms", "60"),
            ("seed", "7"),
            ("server", "capacity"),
            ("capacity", "4"),
            ("queue", "5"),
        ];
        let c = check_virtual(&crawler::SCENARIO, &ps, &EXACT, repo).unwrap();
        assert!(c.passed(), "K = {k}: {:?}", c.failures());
    }
}
