//! Lesson `mpqueue` on the virtual clock: makespans, messages and start-ups
//! derived from the parameters and the modelled costs (`mpqueue::COSTS`,
//! `CPYTHON.kb_ms`), and the pickling rule.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::trace::Trace;
use concurrency_playground::scenarios::mpqueue::{self, COSTS};
use concurrency_playground::scenarios::pymodel::CPYTHON;
use concurrency_playground::scenarios::run_virtual;
use playground_fidelity::raw_params as raw;

fn run(pairs: &[(&str, &str)]) -> Result<Trace, String> {
    let scn = concurrency_playground::scenarios::find("mpqueue").expect("registered");
    let t = run_virtual(scn, &raw(pairs)).map_err(|e| e.to_string())?;
    t.validate().map_err(|e| format!("{e:?}"))?;
    Ok(t)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// One message's time on the model: its round trip, its data, its work.
fn per(msg: f64, kb: f64, items: f64, work: f64) -> f64 {
    msg + kb * items * CPYTHON.kb_ms + items * work
}

#[test]
fn a_queue_runs_procs_items_at_a_time() {
    for (procs, items, work, kb) in [(3usize, 10usize, 100.0, 1.0), (2, 6, 50.0, 1.0), (4, 4, 20.0, 64.0), (1, 5, 10.0, 0.0)] {
        for (method, start) in [("spawn", COSTS.start_spawn_ms), ("fork", COSTS.start_fork_ms), ("forkserver", COSTS.start_forkserver_ms)] {
            let t = run(&[
                ("mode", "queue"),
                ("method", method),
                ("procs", &procs.to_string()),
                ("items", &items.to_string()),
                ("work", &(work as u32).to_string()),
                ("kb", &(kb as u32).to_string()),
            ])
            .unwrap();
            let want = start + items.div_ceil(procs) as f64 * per(COSTS.message_queue_ms, kb, 1.0, work);
            assert!(close(t.meta.makespan_ms, want), "queue {procs}x{items} {method}: {} vs {want}", t.meta.makespan_ms);
            assert_eq!(t.meta.results["messages"], items as f64);
            assert_eq!(t.meta.results["results"], items as f64);
            assert_eq!(t.meta.results["processes"], procs as f64);
            assert!(close(t.meta.results["proc_start_ms"], start));
            assert!(close(t.meta.results["per_message_ms"], COSTS.message_queue_ms + kb * CPYTHON.kb_ms));
        }
    }
}

#[test]
fn a_pipe_takes_one_item_at_a_time() {
    let t = run(&[("mode", "pipe"), ("method", "fork"), ("procs", "4"), ("items", "6"), ("work", "50"), ("kb", "1")]).unwrap();
    let want = COSTS.start_fork_ms + 6.0 * per(COSTS.message_pipe_ms, 1.0, 1.0, 50.0);
    assert!(close(t.meta.makespan_ms, want), "{} vs {want}", t.meta.makespan_ms);
    assert_eq!(t.meta.results["processes"], 1.0);
    assert_eq!(t.lanes.iter().filter(|l| l.name.starts_with("process")).count(), 1);
}

#[test]
fn pool_map_sends_chunks_of_items_over_four_procs() {
    // 40 items on 3 processes: chunksize ⌈40 / 12⌉ = 4, 10 messages, ⌈10 / 3⌉ = 4 rounds.
    let t = run(&[("mode", "pool_map"), ("method", "fork"), ("procs", "3"), ("items", "40"), ("work", "10"), ("kb", "2")]).unwrap();
    assert_eq!(t.meta.results["chunksize"], 4.0);
    assert_eq!(t.meta.results["messages"], 10.0);
    assert_eq!(t.meta.results["results"], 40.0);
    let want = COSTS.start_fork_ms + 4.0 * per(COSTS.message_pool_ms, 2.0, 4.0, 10.0);
    assert!(close(t.meta.makespan_ms, want), "{} vs {want}", t.meta.makespan_ms);
    // A last, smaller chunk: 10 items on 2 processes, chunksize 2 → 5 messages.
    let t = run(&[("mode", "pool_map"), ("procs", "2"), ("items", "10")]).unwrap();
    assert_eq!((t.meta.results["chunksize"], t.meta.results["messages"]), (2.0, 5.0));
}

#[test]
fn a_start_method_costs_its_start_up_once_per_process() {
    let ms = |m: &str| run(&[("method", m), ("items", "1"), ("work", "0")]).unwrap().meta.makespan_ms;
    assert!(close(ms("spawn") - ms("fork"), COSTS.start_spawn_ms - COSTS.start_fork_ms));
}

#[test]
fn a_lambda_fails_to_pickle_where_cpython_pickles_the_function() {
    for (mode, method, fails) in [
        ("pool_map", "fork", true),
        ("pool_map", "spawn", true),
        ("queue", "spawn", true),
        ("queue", "forkserver", true),
        ("pipe", "spawn", true),
        ("queue", "fork", false),
        ("pipe", "fork", false),
    ] {
        let r = run(&[("mode", mode), ("method", method), ("func", "lambda"), ("items", "2"), ("work", "1")]);
        match (fails, r) {
            (true, Err(e)) => assert_eq!(e, mpqueue::ERR_PICKLE, "{mode} {method}"),
            (false, Ok(t)) => assert_eq!(t.meta.results["results"], 2.0, "{mode} {method}"),
            (f, r) => panic!("{mode} {method}: expected failure {f}, got {:?}", r.map(|t| t.meta.results)),
        }
    }
}

#[test]
fn a_local_function_fails_to_pickle_under_the_same_rule() {
    for (mode, method, fails) in
        [("pool_map", "fork", true), ("queue", "spawn", true), ("pipe", "forkserver", true), ("queue", "fork", false)]
    {
        let r = run(&[("mode", mode), ("method", method), ("func", "inner"), ("items", "2"), ("work", "1")]);
        match (fails, r) {
            (true, Err(e)) => assert_eq!(e, mpqueue::ERR_LOCAL, "{mode} {method}"),
            (false, Ok(t)) => assert_eq!(t.meta.results["results"], 2.0, "{mode} {method}"),
            (f, r) => panic!("{mode} {method}: expected failure {f}, got {:?}", r.map(|t| t.meta.results)),
        }
    }
}

#[test]
fn the_initializer_runs_once_per_process_and_without_it_only_fork_has_the_global() {
    for (procs, items) in [(3usize, 10usize), (4, 2), (1, 7)] {
        for method in ["spawn", "fork", "forkserver"] {
            let base = [("mode", "pool_map"), ("method", method), ("work", "5")];
            let (p, i) = (procs.to_string(), items.to_string());
            let with = |init: &str| run(&[base[0], base[1], base[2], ("procs", &p), ("items", &i), ("initializer", init)]);
            let t = with("set").unwrap();
            // init(2) once in each of the pool's processes, items or not; Σ i × 2.
            assert_eq!(t.meta.results["init_calls"], procs as f64, "{method} {procs}x{items}");
            assert_eq!(t.meta.results["init_total"], (items * (items - 1)) as f64);
            match (method, with("none")) {
                ("fork", Ok(t)) => {
                    assert_eq!(t.meta.results["init_calls"], 0.0);
                    assert_eq!(t.meta.results["init_total"], (items * (items - 1)) as f64, "fork copied MULT");
                }
                (_, Err(e)) if method != "fork" => assert_eq!(e, mpqueue::ERR_NAME, "{method}"),
                (_, r) => panic!("{method} none: {:?}", r.map(|t| t.meta.results)),
            }
        }
    }
    // Pickling comes first: the function never reaches a process.
    let r = run(&[("mode", "pool_map"), ("method", "spawn"), ("initializer", "none"), ("func", "lambda")]);
    assert_eq!(r.unwrap_err(), mpqueue::ERR_PICKLE);
    // Only Pool.map has an initializer; a queue's processes run without one.
    let t = run(&[("mode", "queue"), ("method", "spawn"), ("initializer", "none"), ("items", "2")]).unwrap();
    assert!(!t.meta.results.contains_key("init_calls"));
}
