//! Lesson `mpshared` on the virtual clock: the model's final value, lost
//! updates, makespan and time per access derived from the parameters and the
//! modelled costs (`mpshared::COSTS`, `mpqueue::COSTS.start_fork_ms`).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::trace::Trace;
use concurrency_playground::scenarios::mpqueue;
use concurrency_playground::scenarios::mpshared::COSTS;
use concurrency_playground::scenarios::run_virtual;
use playground_fidelity::raw_params as raw;

fn run(mode: &str, lock: &str, procs: u32, n: u32) -> Trace {
    let scn = concurrency_playground::scenarios::find("mpshared").expect("registered");
    let pairs = [("mode", mode), ("lock", lock), ("procs", &procs.to_string()), ("increments", &n.to_string())];
    let t = run_virtual(scn, &raw(&pairs)).unwrap();
    t.validate().unwrap();
    t
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * b.abs().max(1.0)
}

#[test]
fn the_lock_keeps_every_update_and_the_processes_take_turns() {
    for (mode, c, start) in [("shared_memory", COSTS.shared_locked_ms, 0.0), ("manager", COSTS.manager_locked_ms, COSTS.manager_start_ms)] {
        for (procs, n) in [(4u32, 10_000u32), (2, 2_000), (1, 7)] {
            let t = run(mode, "locked", procs, n);
            let r = &t.meta.results;
            assert_eq!(r["final_value"], (procs * n) as f64, "{mode} {procs}x{n}");
            assert_eq!(r["expected"], (procs * n) as f64);
            assert_eq!(r["lost_updates"], 0.0);
            let want = mpqueue::COSTS.start_fork_ms + start + (procs * n) as f64 * c;
            assert!(close(t.meta.makespan_ms, want), "{mode} {procs}x{n}: {} vs {want}", t.meta.makespan_ms);
        }
    }
}

#[test]
fn without_the_lock_lockstep_loses_all_but_one_process_worth() {
    for (procs, n) in [(4u32, 10_000u32), (2, 3), (1, 50)] {
        let t = run("shared_memory", "unlocked", procs, n);
        let r = &t.meta.results;
        assert_eq!(r["final_value"], n as f64);
        assert_eq!(r["lost_updates"], ((procs - 1) * n) as f64, "{procs}x{n}");
        // All at once: each process's loop alone.
        assert!(close(t.meta.makespan_ms, mpqueue::COSTS.start_fork_ms + n as f64 * COSTS.shared_unlocked_ms));
        assert!(close(r["access_us"], COSTS.shared_unlocked_ms / 2.0 * 1000.0));
    }
}

#[test]
fn a_manager_access_costs_a_round_trip_and_serves_one_request_at_a_time() {
    let (procs, n) = (4u32, 1_000u32);
    let t = run("manager", "unlocked", procs, n);
    let want = mpqueue::COSTS.start_fork_ms + COSTS.manager_start_ms + (procs * n) as f64 * COSTS.manager_unlocked_ms;
    assert!(close(t.meta.makespan_ms, want), "{} vs {want}", t.meta.makespan_ms);
    let shared = run("shared_memory", "unlocked", procs, n);
    // Per access, a proxy costs what its round trip costs: ~100× a load or store.
    let ratio = t.meta.results["access_us"] / shared.meta.results["access_us"];
    assert!(close(ratio, procs as f64 * COSTS.manager_unlocked_ms / COSTS.shared_unlocked_ms), "{ratio}");
    assert_eq!(t.meta.results["lost_updates"], ((procs - 1) * n) as f64);
}

#[test]
fn a_plain_global_is_each_process_own_and_the_parent_keeps_its_copy() {
    for (lock, c) in [("unlocked", COSTS.plain_unlocked_ms), ("locked", COSTS.plain_locked_ms)] {
        for (procs, n) in [(1u32, 100u32), (1, 42), (4, 1_000)] {
            let t = run("plain", lock, procs, n);
            let r = &t.meta.results;
            // Each child reaches n in its own copy; the parent's global and dict are untouched.
            assert_eq!(r["child_value"], n as f64, "{lock} {procs}x{n}");
            assert_eq!(r["final_value"], 0.0);
            assert_eq!(r["parent_dict_keys"], 0.0);
            assert_eq!(r["expected"], (procs * n) as f64);
            assert_eq!(r["lost_updates"], (procs * n) as f64, "none reaches the parent");
            // Unlocked: all at once; locked: the lock still makes them take turns.
            let loop_ms = if lock == "locked" { (procs * n) as f64 * c } else { n as f64 * c };
            assert!(close(t.meta.makespan_ms, mpqueue::COSTS.start_fork_ms + loop_ms), "{lock} {procs}x{n}: {}", t.meta.makespan_ms);
        }
    }
    // Only the plain mode reports the copies.
    assert!(!run("shared_memory", "locked", 2, 10).meta.results.contains_key("child_value"));
}

/// The plain global and dict the page's processes change: statics of one
/// instance, each process's own (here this test process's).
#[test]
fn the_plain_global_and_dict_are_this_instance_statics() {
    use concurrency_playground::engine::procshared::{plain_add, plain_read, plain_store};
    assert_eq!(plain_read(), (0, 0), "COUNTER = 0 and SEEN = {{}} at import");
    for _ in 0..42 {
        plain_add();
    }
    assert_eq!(plain_store(), 42);
    assert_eq!(plain_read(), (42, 1), "SEEN['x'] = 42");
}
