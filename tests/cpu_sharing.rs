#![cfg(not(target_arch = "wasm32"))]
//! The sharing lessons (race, GIL, shared memory vs messages, data structures,
//! work stealing) on the real rayon pool with small sizes: the invariants each
//! lesson teaches, checked on what actually ran.

use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::engine::procpool::ThreadProcesses;
use concurrency_playground::engine::trace::{State, Trace};
use concurrency_playground::engine::workloads::busy::{encode, part, spin_range};
use concurrency_playground::engine::worklog::WorkLog;
use concurrency_playground::scenarios::{gil, race, sharing, stealing, structures, Scenario};
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

fn with_cpu_ctx<R>(cancel: bool, f: impl FnOnce(&CpuCtx<'_>) -> R) -> R {
    let origin = Instant::now();
    let clock = move || origin.elapsed().as_secs_f64() * 1000.0;
    let flag = AtomicBool::new(cancel);
    let ctx = CpuCtx {
        clock: &clock,
        cancel: &flag,
        pool_threads: rayon::current_num_threads(),
        progress: &Default::default(),
        processes: Some(&ThreadProcesses),
    };
    f(&ctx)
}

/// Tests in one binary run in parallel; each takes this lock so timings (the
/// GIL ratios above all) are not measured while another lesson loads the cores.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn run(s: &Scenario, pairs: &[(&str, &str)], cancel: bool) -> Trace {
    let raw: BTreeMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let p = s.validate(&raw).unwrap_or_else(|e| panic!("{}: {e:?}", s.id));
    let Some(f) = s.run.cpu() else { panic!("{} is a CPU lesson", s.id) };
    let t = with_cpu_ctx(cancel, |ctx| f(&p, ctx)).unwrap_or_else(|e| panic!("{}: {e}", s.id));
    t.validate().unwrap_or_else(|e| panic!("{}: {e}", s.id));
    t
}

fn pool() -> usize {
    rayon::current_num_threads()
}

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
