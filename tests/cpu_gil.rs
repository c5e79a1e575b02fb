#![cfg(not(target_arch = "wasm32"))]
//! The GIL lesson on the real rayon pool: one thread at a time on the GIL, the
//! processes' copies, and its ratios next to real CPython's on the same job.

mod common;

use common::cpu::{pool, run, serial};
use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::engine::procpool::ThreadProcesses;
use concurrency_playground::engine::trace::{State, Trace};
use concurrency_playground::engine::workloads::busy::{part, spin_range};
use concurrency_playground::scenarios::gil;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// Intervals of `state` on the GIL, across all lanes, sorted by start.
fn gil_holds(t: &Trace) -> Vec<(f64, f64, u32)> {
    let mut v: Vec<(f64, f64, u32)> = t
        .spans
        .iter()
        .filter(|s| s.state == State::Running && s.resource.as_deref() == Some("GIL"))
        .map(|s| (s.start_ms, s.end_ms, s.lane))
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    v
}

#[test]
fn gil_never_runs_two_threads_at_once_and_processes_copy_the_expected_bytes() {
    let _serial = serial();
    let (items, rounds) = (3_000u64, 400u32);
    let t = run(&gil::SCENARIO, &[("items", "3000"), ("rounds", "400"), ("switch", "300"), ("reps", "1")], false);
    let holds = gil_holds(&t);
    assert!(holds.len() >= pool(), "every thread held the GIL at least once");
    for w in holds.windows(2) {
        assert!(w[1].0 >= w[0].1, "GIL held by lanes {} and {} at once: {w:?}", w[0].2, w[1].2);
    }
    let lanes: std::collections::BTreeSet<u32> = holds.iter().map(|h| h.2).collect();
    assert_eq!(lanes.len(), pool(), "each thread ran under the GIL");
    // Processes, as python/gil.py's pool: one 21-byte range in, one u64 out per process.
    let r = &t.meta.results;
    assert_eq!(r["bytes_copied"], (pool() * (21 + 8)) as f64);
    // Start-up and both copies are each process's own spans, in order: start,
    // copy in, compute, copy out.
    for w in 0..pool() {
        let id = t.lanes.iter().find(|l| l.name == format!("process {w}")).unwrap().id;
        let spans: Vec<_> = t.lane_spans(id).collect();
        let kinds: Vec<(State, Option<&str>)> = spans.iter().map(|s| (s.state, s.resource.as_deref())).collect();
        assert_eq!(
            kinds,
            [(State::Running, Some("spawn")), (State::Io, Some("pipe")), (State::Running, None), (State::Io, Some("pipe"))],
            "process {w}"
        );
        for p in spans.windows(2) {
            assert!(p[1].start_ms >= p[0].end_ms, "process {w}: spans in order: {p:?}");
        }
    }
    let id = t.lanes.iter().find(|l| l.name == "main").unwrap().id;
    assert_eq!(t.lane_spans(id).filter(|s| s.resource.is_some()).count(), 0, "the parent pickles nothing per item any more");
    // The host's clock need not start at the run (the page's is the epoch):
    // every span still lies inside the run.
    let raw: BTreeMap<String, String> =
        [("items", "500"), ("rounds", "50"), ("reps", "1")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let p = gil::SCENARIO.validate(&raw).unwrap();
    let Some(f) = gil::SCENARIO.run.cpu() else { unreachable!() };
    let origin = Instant::now();
    let epoch_clock = move || 1.7e12 + origin.elapsed().as_secs_f64() * 1000.0;
    let flag = AtomicBool::new(false);
    let ctx = CpuCtx {
        clock: &epoch_clock,
        cancel: &flag,
        pool_threads: pool(),
        progress: &Default::default(),
        processes: Some(&ThreadProcesses),
    };
    let e = f(&p, &ctx).unwrap();
    e.validate().unwrap();
    assert!(e.spans.iter().all(|s| s.start_ms >= 0.0 && s.end_ms <= e.meta.makespan_ms + 1e-9), "a span outside the run on an epoch clock");
    // Each process's copies are its two pipe spans: the mean is their sum over the processes.
    let pipes: f64 = t.spans.iter().filter(|s| s.resource.as_deref() == Some("pipe")).map(|s| s.end_ms - s.start_ms).sum();
    assert!(
        (r["proc_copy_ms"] - pipes / pool() as f64).abs() < 1e-9,
        "proc_copy_ms {} vs pipe spans {pipes} / {}",
        r["proc_copy_ms"],
        pool()
    );
    assert!(r["proc_start_ms"] > 0.0 && r["proc_copy_ms"] > 0.0, "a copy through a pipe takes time");
    assert!(!r.contains_key("procs_saw_page"), "OS threads cannot prove separate memory; only the page's workers report it");
    for k in ["seq_ms", "gil_ms", "free_ms", "process_ms", "gil_x", "free_x", "process_x"] {
        assert!(r[k] > 0.0, "{k}");
    }
    assert!(r["gil_switches"] >= pool() as f64);
    // Same checksum in every mode is checked by the lesson itself; recheck sequentially here.
    assert_eq!(
        spin_range(0, items, rounds),
        (0..pool()).map(|w| part(items, pool(), w)).fold(0u64, |a, (lo, hi)| a.wrapping_add(spin_range(lo, hi, rounds)))
    );
}

/// The GIL lesson next to real CPython, on the same job (same items, rounds
/// and threads) in the same test run. Printed side by side (`--nocapture`);
/// asserted one-sided: **GIL threads give no speedup**, in the engine and in
/// CPython. Under one lock the threads' compute never overlaps (checked
/// exactly by `gil_never_runs_two_threads_at_once…`), so their time is at
/// least the sequential work plus hand-overs: the ratio is ≥ 1 up to noise.
/// Noise only shortens a ratio when the *sequential* best-of-3 was slowed by
/// other load; the tolerance (20%) bounds that for the engine (≥ 0.8).
/// CPython's side is asserted in CPU time, which load does not change (one
/// core at a time, no less CPU than sequential): the engine never shows a GIL
/// speedup CPython does not have.
#[test]
fn gil_next_to_real_cpython_same_job() {
    let _serial = serial();
    let threads = pool().min(2);
    let (items, rounds) = (3_000u64, 2_000u32);
    let out = std::process::Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/python/gil.py"))
        .args(["--items", &items.to_string(), "--rounds", &rounds.to_string(), "--threads", &threads.to_string(), "--reps", "3", "--json"])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let py: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(py["checksum"].as_u64(), Some(spin_range(0, items, rounds)), "CPython computes the engine's checksum bit for bit");
    let (py_threads, py_procs) = (py["threads_x"].as_f64().unwrap(), py["processes_x"].as_f64().unwrap());
    let t = run(
        &gil::SCENARIO,
        &[("items", &items.to_string()), ("rounds", &rounds.to_string()), ("threads", &threads.to_string()), ("reps", "3")],
        false,
    );
    let r = &t.meta.results;
    let (sim_threads, sim_procs) = (r["gil_x"], r["process_x"]);
    eprintln!(
        "GIL lesson vs CPython, {items} items × {rounds} rounds, {threads} threads: GIL threads/sequential {sim_threads:.2} vs CPython {py_threads:.2}; \
         processes/sequential {sim_procs:.2} vs {py_procs:.2} (engine start-up {:.2} ms a process)",
        r["proc_start_ms"]
    );
    assert!(sim_threads >= 0.8, "engine: GIL threads / sequential = {sim_threads:.2} < 0.8: a speedup under one lock");
    // CPython's side in CPU time, which other load on the machine does not
    // change: under the GIL its threads use one core at a time (≤ 1.25 with
    // the pool's own bookkeeping) and spend at least the sequential CPU time
    // (the same work plus hand-overs; 0.9 for timer granularity). Its wall
    // ratio (`threads_x`) is printed above: a slowed sequential round can
    // push it below 1 without any speedup under the GIL.
    let (cores, cpu_x) = (py["threads_cores"].as_f64().unwrap(), py["threads_cpu_x"].as_f64().unwrap());
    eprintln!("CPython GIL threads: {cores:.2} cores busy, CPU time {cpu_x:.2}× sequential's");
    assert!(cores <= 1.25, "CPython: GIL threads kept {cores:.2} cores busy: parallel under the GIL?");
    assert!(cpu_x >= 0.9, "CPython: GIL threads took {cpu_x:.2}× the sequential CPU time for the same work");
}
