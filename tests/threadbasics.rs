//! The thread-basics lesson on the virtual clock: every part's numbers are
//! derived from its parameters and must come out exactly; then every part
//! against CPython 3.11 running `python/threadbasics.py` on real time (one
//! run each, one-sided: at most 1 ms early, at most the run's measured slack
//! late; counts exact).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::trace::{Outcome, Trace};
use concurrency_playground::scenarios::{run_virtual, threadbasics::SCENARIO};
use playground_fidelity::{check_with_tolerance, Tolerance};
use std::collections::BTreeMap;
use std::path::Path;

fn run(pairs: &[(&str, f64)], part: &str) -> Trace {
    let mut raw: BTreeMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), v.to_string())).collect();
    raw.insert("part".into(), part.into());
    let t = run_virtual(&SCENARIO, &raw).unwrap_or_else(|e| panic!("{part} {pairs:?}: {e}"));
    t.validate().unwrap_or_else(|e| panic!("{part} {pairs:?}: invalid trace {e:?}"));
    t
}

fn r(t: &Trace, key: &str) -> f64 {
    *t.meta.results.get(key).unwrap_or_else(|| panic!("no result {key}: {:?}", t.meta.results))
}

/// (end of its last span, outcome) of the lane named `name`.
fn lane(t: &Trace, name: &str) -> (f64, Option<Outcome>) {
    let l = t.lanes.iter().find(|l| l.name == name).unwrap_or_else(|| panic!("no lane {name}"));
    (t.lane_spans(l.id).map(|s| s.end_ms).fold(0.0, f64::max), l.outcome)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn join_returns_after_its_timeout_while_the_thread_runs_on() {
    for (work, timeout) in [(2000.0, 1000.0), (2000.0, 5000.0), (400.0, 250.0), (1.0, 60_000.0)] {
        let t = run(&[("work", work), ("timeout", timeout)], "join_timeout");
        let ctx = format!("work {work}, timeout {timeout}");
        assert!(close(r(&t, "join_returned_ms"), f64::min(work, timeout)), "{ctx}: join at {}", r(&t, "join_returned_ms"));
        assert_eq!(r(&t, "alive_after_join"), f64::from(u8::from(work > timeout)), "{ctx}");
        // Exit waits for the non-daemon thread, whatever join's timeout said.
        assert!(close(r(&t, "exit_ms"), work) && close(t.meta.makespan_ms, work), "{ctx}: exit {}", r(&t, "exit_ms"));
        assert_eq!(lane(&t, "thread 0"), (work, Some(Outcome::Done)), "{ctx}");
    }
}

#[test]
fn a_daemon_is_cut_off_at_exit_and_a_non_daemon_waited_for() {
    // (work, tick, main): tutorial example 6 (a tie at 3000: main's timer is older), then no ties.
    for (work, tick, main) in [(0.0, 1000.0, 3000.0), (2000.0, 300.0, 1000.0), (400.0, 150.0, 375.0), (100.0, 70.0, 1000.0)] {
        let t = run(&[("work", work), ("tick", tick), ("main", main)], "daemon_exit");
        let ctx = format!("work {work}, tick {tick}, main {main}");
        let exit = f64::max(work, main);
        assert!(close(r(&t, "exit_ms"), exit), "{ctx}: exit {}", r(&t, "exit_ms"));
        // One line at 0, tick, 2·tick, … strictly before exit; the next never comes.
        assert_eq!(r(&t, "beats"), (exit / tick).ceil(), "{ctx}");
        assert_eq!(lane(&t, "daemon 0"), (exit, Some(Outcome::Cancelled)), "{ctx}");
        if work > 0.0 {
            assert_eq!(lane(&t, "thread 0"), (work, Some(Outcome::Done)), "{ctx}");
            assert_eq!(summarize(&t).max_in_flight, 2, "{ctx}: heartbeat and worker both in I/O");
        }
    }
}

#[test]
fn threading_local_keeps_each_threads_value_and_a_shared_object_does_not() {
    for n in [1.0, 2.0, 5.0, 20.0] {
        for storage in ["local", "global"] {
            let mut raw: BTreeMap<String, String> = [("part", "thread_local"), ("storage", storage), ("work", "300")]
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            raw.insert("threads".into(), n.to_string());
            let t = run_virtual(&SCENARIO, &raw).expect("runs");
            // Shared: all wrote before any read, so everyone reads the last writer's id.
            let own = if storage == "local" { n } else { 1.0 };
            assert_eq!((r(&t, "own_values"), r(&t, "mixed_values")), (own, n - own), "{storage}, {n} threads");
            for i in 0..n as usize {
                assert_eq!(lane(&t, &format!("thread {i}")).0, 300.0 * (n - i as f64) / n, "thread {i} of {n}");
            }
            assert_eq!(summarize(&t).max_in_flight, n as usize);
            assert!(close(r(&t, "exit_ms"), 300.0));
        }
    }
}

#[test]
fn an_event_stops_the_worker_at_its_first_poll_after_the_set() {
    // (initialising, tick, main): tutorial example 93 (a tie at 5000), then no ties.
    for (init, tick, main) in [(2000.0, 500.0, 3000.0), (400.0, 150.0, 375.0), (0.0, 300.0, 1000.0), (100.0, 1000.0, 10.0)] {
        let t = run(&[("work", init), ("tick", tick), ("main", main)], "stop_event");
        let ctx = format!("init {init}, tick {tick}, main {main}");
        let ticks = (main / tick).ceil();
        let stopped = init + ticks * tick;
        assert_eq!(r(&t, "ticks"), ticks, "{ctx}");
        assert_eq!(r(&t, "ticks_after_stop"), 1.0, "{ctx}: the step under way, and no other");
        assert!(close(r(&t, "stop_set_ms"), init + main), "{ctx}");
        assert!(close(r(&t, "stopped_ms"), stopped), "{ctx}: {}", r(&t, "stopped_ms"));
        let latency = r(&t, "stop_latency_ms");
        assert!(close(latency, stopped - init - main) && latency < tick, "{ctx}: {latency}");
        assert!(close(r(&t, "exit_ms"), stopped), "{ctx}");
    }
}

#[test]
fn get_with_a_timeout_raises_empty_that_long_after_the_last_item() {
    for (items, tick, timeout) in [(5.0, 300.0, 1000.0), (3.0, 150.0, 250.0), (3.0, 500.0, 200.0), (1.0, 10.0, 11.0)] {
        let t = run(&[("items", items), ("tick", tick), ("timeout", timeout)], "get_timeout");
        let ctx = format!("items {items}, tick {tick}, timeout {timeout}");
        let (got, empty) = if tick < timeout { (items, items * tick + timeout) } else { (0.0, timeout) };
        assert_eq!(r(&t, "got"), got, "{ctx}");
        assert!(close(r(&t, "empty_ms"), empty), "{ctx}: Empty at {}", r(&t, "empty_ms"));
        assert!(close(r(&t, "get_waited_ms"), timeout), "{ctx}");
        // The producer is a non-daemon thread: exit waits for its last put.
        assert!(close(r(&t, "exit_ms"), f64::max(empty, items * tick)), "{ctx}");
        assert_eq!(lane(&t, "thread 0"), (items * tick, Some(Outcome::Done)), "{ctx}");
    }
}

/// Every part against the listing on real CPython 3.11 (the fidelity rule of
/// `tests/fidelity_real_time.rs`, which runs only the lesson's first part).
#[test]
fn every_part_agrees_with_cpython_on_real_time() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    for part in concurrency_playground::scenarios::threadbasics::PARTS {
        let params: Vec<(&str, &str)> = SCENARIO.cpython.iter().map(|&(k, v)| if k == "part" { (k, *part) } else { (k, v) }).collect();
        let once = || match check_with_tolerance(&SCENARIO, &params, &Tolerance::DEFAULT, repo) {
            Ok(c) if c.passed() => Ok(c),
            Ok(c) => Err(format!("{part}: {}", c.failures().join("; "))),
            Err(e) => Err(e),
        };
        match common::with_real_time_quarantine(SCENARIO.id, once) {
            Ok(c) => assert!(c.tasks_compared >= 2, "{part}: main and a thread"),
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "CPython disagrees:\n{}", failures.join("\n"));
}

/// Every number, lane kind and event a part shows has its text.
#[test]
fn every_part_has_the_strings_it_shows() {
    use concurrency_playground::i18n;
    for part in concurrency_playground::scenarios::threadbasics::PARTS {
        let t = run(&[], part);
        let mut keys: Vec<String> = t.meta.results.keys().map(|k| format!("num.{k}")).collect();
        keys.extend(t.lanes.iter().filter_map(|l| l.name.split_once(' ')).map(|(kind, _)| format!("lane.{kind}")));
        keys.extend(t.events.iter().map(|e| format!("event.{}", e.name)));
        for k in keys {
            assert!(i18n::has(&k), "{part}: missing translation {k}");
        }
    }
}
