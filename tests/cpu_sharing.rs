#![cfg(not(target_arch = "wasm32"))]
//! The sharing lessons (race, GIL, shared memory vs messages, data structures,
//! work stealing) on the real rayon pool with small sizes: the invariants each
//! lesson teaches, checked on what actually ran. The GIL's own invariants and
//! its comparison with CPython are in `cpu_gil.rs`.

mod common;

use common::cpu::{pool, run, serial, with_cpu_ctx};
use concurrency_playground::engine::trace::{State, Trace};
use concurrency_playground::engine::workloads::busy::encode;
use concurrency_playground::engine::worklog::WorkLog;
use concurrency_playground::scenarios::{gil, race, sharing, stealing, structures, Scenario};
use std::collections::BTreeMap;

#[test]
fn race_safe_variants_lose_nothing_and_counts_add_up() {
    let _serial = serial();
    let t = run(&race::SCENARIO, &[("increments", "20000")], false);
    let r = &t.meta.results;
    let expected = 20_000.0 * pool() as f64;
    assert_eq!(r["expected_count"], expected);
    assert_eq!(r["mutex_count"], expected, "the mutex loses nothing");
    assert_eq!(r["atomic_count"], expected, "fetch_add loses nothing");
    // Lost updates are likely but not guaranteed on a busy machine: only the books must balance.
    assert!(r["unsync_count"] <= expected && r["unsync_count"] >= 20_000.0);
    assert_eq!(r["lost_updates"] + r["unsync_count"], expected);
    for k in ["unsync_ms", "mutex_ms", "atomic_ms"] {
        assert!(r[k] > 0.0, "{k}");
    }
    // One span per thread per variant, on worker lanes.
    assert_eq!(t.spans.len(), 3 * pool());
    for v in ["unsync", "mutex", "atomic"] {
        assert_eq!(t.spans.iter().filter(|s| s.resource.as_deref() == Some(v)).count(), pool(), "{v}");
    }
    let stopped = run(&race::SCENARIO, &[("increments", "20000")], true);
    assert!(stopped.meta.stopped && stopped.meta.results.is_empty());
}

#[test]
fn sharing_copies_every_chunk_and_agrees_with_shared_memory() {
    let _serial = serial();
    let (items, chunk, rounds) = (20_000usize, 3_000usize, 2u32);
    let t = run(&sharing::SCENARIO, &[("items", "20000"), ("chunk", "3000"), ("rounds", "2")], false);
    let buf = sharing::buffer(items);
    let expected: usize = buf.chunks(chunk).map(|c| encode(c).len() + encode(&[sharing::checksum(c, rounds)]).len()).sum();
    let r = &t.meta.results;
    assert_eq!(r["bytes_copied"], expected as f64);
    assert_eq!(r["bytes_shared"], (items * 8) as f64);
    assert!(r["shared_ms"] > 0.0 && r["copy_ms"] > 0.0);
    let n_chunks = items.div_ceil(chunk);
    let pipe = t.spans.iter().filter(|s| s.resource.as_deref() == Some("pipe")).count();
    assert_eq!(pipe, 4 * n_chunks, "pickle, copy, unpickle, result back per chunk");
    let computing = t.spans.iter().filter(|s| s.state == State::Running).count();
    assert_eq!(computing, 2 * n_chunks, "one compute span per chunk in each way");
}

#[test]
fn structures_end_in_correct_states() {
    let _serial = serial();
    with_cpu_ctx(false, |ctx| {
        let log = WorkLog::new(ctx);
        let job = structures::Job { threads: pool(), ops: 5_000, read_pct: 70, shards: 4 };
        for d in structures::Design::ALL {
            let o = structures::run_design(ctx, &log, &job, d).unwrap();
            assert_eq!(o.ops, 5_000 * pool() as u64);
            assert_eq!(o.wrong, 0, "{d:?}: a hit returned a wrong value");
            assert!(o.list_ok, "{d:?}");
            match d {
                structures::Design::CounterMutex | structures::Design::CounterAtomic | structures::Design::ListMutex => {
                    assert_eq!(o.final_size, o.writes, "{d:?}: every write counted once")
                }
                _ => {
                    assert_eq!(o.hits + o.misses, o.ops - o.writes, "{d:?}: every read hit or missed");
                    assert!(o.hits > 0 && o.misses > 0, "{d:?}");
                    assert!(o.max_shard <= o.shard_cap && o.final_size as usize <= structures::CAPACITY + 4, "{d:?}: {o:?}");
                }
            }
        }
    });
    let t = run(&structures::SCENARIO, &[("ops", "3000"), ("read", "50"), ("shards", "3")], false);
    for d in structures::Design::ALL {
        assert!(t.meta.results[&format!("{}_per_s", d.key())] > 0.0, "{d:?}");
    }
}

#[test]
fn lru_evicts_the_least_recently_used() {
    let mut c = structures::Lru::new(2);
    c.put(1, 10);
    c.put(2, 20);
    assert_eq!(c.get(1), Some(10));
    c.put(3, 30); // evicts 2, the stalest
    assert_eq!((c.peek(1), c.peek(2), c.peek(3)), (Some(10), None, Some(30)));
    assert_eq!(c.len(), 2);
}

#[test]
fn stealing_runs_every_task_exactly_once() {
    let _serial = serial();
    let sizes = stealing::sizes(40, 5, "heavy", 3);
    let mean = sizes.iter().map(|&s| s as f64).sum::<f64>() / 40.0;
    assert!(sizes.contains(&27_500) && sizes.contains(&2_500), "heavy = 5.5× or 0.5× the mean");
    assert!(mean > 1_000.0 && mean < 10_000.0);
    with_cpu_ctx(false, |ctx| {
        let log = WorkLog::new(ctx);
        for how in ["static", "stealing"] {
            let before = log.entries().len();
            let s = if how == "static" {
                stealing::static_blocks(ctx, &log, &sizes, pool())
            } else {
                stealing::stealing(ctx, &log, &sizes, pool())
            };
            assert_eq!(s.runs, vec![1; 40]);
            // Idle is the pool's worker time over the schedule less its 40 task spans.
            let tasks: Vec<f64> =
                log.entries()[before..].iter().filter(|e| e.resource == Some(how)).map(|e| e.end_ms - e.start_ms).collect();
            assert_eq!(tasks.len(), 40, "{how}");
            let busy: f64 = tasks.iter().sum();
            let idle = s.ms * pool() as f64 - busy;
            assert!(
                s.ms > 0.0 && (s.idle_ms - idle).abs() < 1e-6,
                "{how}: idle {} ms, {} ms × {} workers − {busy} ms busy = {idle}",
                s.idle_ms,
                s.ms,
                pool()
            );
        }
    });
    let t = run(&stealing::SCENARIO, &[("tasks", "60"), ("size", "5")], false);
    for how in ["static", "stealing"] {
        let mut seen: Vec<usize> = t
            .spans
            .iter()
            .filter(|s| s.resource.as_deref() == Some(how))
            .map(|s| s.label.as_deref().unwrap().split(" · ").nth(1).unwrap().trim_start_matches("task ").parse().unwrap())
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..60).collect::<Vec<_>>(), "{how}: every task drawn once");
    }
    let r = &t.meta.results;
    assert_eq!(r["steals"], stolen_spans(&t) as f64, "steals: one per task (after the first) whose queuing and running workers differ");
    assert!(r["static_ms"] > 0.0 && r["stealing_ms"] > 0.0);
}

/// Tasks of the stealing schedule that ran on another worker than the one
/// that queued the half they begin (the label says both): each is one steal.
fn stolen_spans(t: &Trace) -> usize {
    let worker = |label: &str, key: &str| label.split(" · ").find_map(|p| p.strip_prefix(key)).map(str::to_owned);
    t.spans
        .iter()
        .filter(|s| s.resource.as_deref() == Some("stealing"))
        .filter_map(|s| s.label.as_deref())
        .filter(|l| !l.contains(" · task 0 · "))
        .filter(|l| worker(l, "queued on ") != worker(l, "ran on "))
        .count()
}

#[test]
fn every_sharing_lesson_stops_cleanly_and_checks_its_threads() {
    let _serial = serial();
    let small: [(&Scenario, &[(&str, &str)]); 5] = [
        (&race::SCENARIO, &[("increments", "5000")]),
        (&gil::SCENARIO, &[("items", "500"), ("rounds", "50")]),
        (&sharing::SCENARIO, &[("items", "5000"), ("chunk", "1000")]),
        (&structures::SCENARIO, &[("ops", "1000")]),
        (&stealing::SCENARIO, &[("tasks", "10"), ("size", "1")]),
    ];
    for (s, pairs) in small {
        let t = run(s, pairs, true);
        assert!(t.meta.stopped, "{}", s.id);
        assert!(t.meta.results.is_empty(), "{}: a stopped run reports no results", s.id);
        assert_eq!(t.meta.pool_threads, Some(pool() as u32));
        let done = run(s, pairs, false);
        assert!(!done.meta.stopped && !done.meta.results.is_empty(), "{}", s.id);
        assert!(done.spans.iter().all(|sp| sp.end_ms <= done.meta.makespan_ms + 1e-9), "{}", s.id);
        if s.params.iter().any(|p| p.key == "threads") {
            let raw: BTreeMap<String, String> = [("threads".to_string(), (pool() + 1).to_string())].into();
            let p = s.validate(&raw).unwrap();
            let Some(f) = s.run.cpu() else { unreachable!() };
            assert!(with_cpu_ctx(false, |ctx| f(&p, ctx)).is_err(), "{}: more threads than the pool", s.id);
        }
    }
}
