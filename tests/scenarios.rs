#![cfg(not(target_arch = "wasm32"))]
//! The lesson catalogue: i18n coverage, the crawler on the virtual clock (and what its listing must share with it), the primes CPU lesson and its workload.

mod common;
use common::cpu::with_cpu_ctx;
use common::raw;

use concurrency_playground::engine::cpu::run_lanes;
use concurrency_playground::engine::metrics::summarize;
use concurrency_playground::engine::params::ParamKind;
use concurrency_playground::engine::trace::{LaneKind, Outcome, State, Trace};
use concurrency_playground::engine::workloads::primes::{count_range, count_sieve, is_prime};
use concurrency_playground::engine::workloads::{chunk_range, n_chunks};
use concurrency_playground::engine::RunError;
use concurrency_playground::i18n;
use concurrency_playground::scenarios::{self, crawler, primes, run_virtual, ALL};
use playground_fidelity::{run_engine, run_python};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn crawl(n: u32, k: u32, latency: &str, ms: u32, seed: u64, fail: u32) -> (Trace, BTreeMap<String, String>) {
    let (n, k, ms, seed, fail) = (n.to_string(), k.to_string(), ms.to_string(), seed.to_string(), fail.to_string());
    let r = raw(&[("n", &n), ("k", &k), ("latency", latency), ("ms", &ms), ("seed", &seed), ("fail", &fail)]);
    let t = run_virtual(&crawler::SCENARIO, &r).expect("crawler runs");
    t.validate().expect("valid trace");
    (t, r)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn placeholders(s: &str) -> BTreeSet<String> {
    s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(name, _)| name.to_owned())).collect()
}

#[test]
fn catalogue_ids_defaults_and_translations() {
    let ids: BTreeSet<&str> = ALL.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), ALL.len(), "scenario ids must be unique");
    for s in ALL {
        assert!(scenarios::find(s.id).is_some());
        s.validate(&s.defaults()).unwrap_or_else(|e| panic!("{}: defaults invalid: {e:?}", s.id));
        let listing = std::fs::read_to_string(format!("python/{}.py", s.id))
            .unwrap_or_else(|e| panic!("{}: its listing python/{}.py: {e}", s.id, s.id));
        assert!(listing.contains("def "), "{}: python/{}.py is not a program", s.id, s.id);
        for key in [format!("{}.title", s.id), format!("{}.notice", s.id)] {
            assert!(i18n::has(&key), "missing {key}");
        }
        for p in s.params {
            assert!(i18n::has(&format!("{}.{}", s.id, p.key)), "missing {}.{}", s.id, p.key);
            if let ParamKind::Choice { options, default } = p.kind {
                assert!(options.contains(&default));
                for o in options {
                    assert!(i18n::has(&format!("choice.{o}")), "missing choice.{o}");
                }
            }
            if let ParamKind::Int { min, max, default } = p.kind {
                assert!(min <= default && default <= max, "{}.{}", s.id, p.key);
            }
        }
    }
    for st in State::ALL {
        assert!(i18n::has(&format!("state.{}", st.as_str())), "missing state.{}", st.as_str());
    }
    assert!(i18n::has("track.permits_in_use") && i18n::has("track.waiters"));
}

#[test]
fn translation_table_is_complete_and_chinese() {
    let mut keys = BTreeSet::new();
    for (key, en, zh) in i18n::entries() {
        assert!(keys.insert(*key), "duplicate key {key}");
        assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{key} has an empty text");
        if en.chars().any(|c| c.is_ascii_alphabetic()) {
            assert!(zh.chars().any(is_cjk), "{key}: Chinese text has no CJK character: {zh}");
        }
        assert_eq!(placeholders(en), placeholders(zh), "{key}: placeholders differ");
    }
}

#[test]
fn crawler_virtual_runs_respect_k() {
    let combos: [(u32, u32, &str, u32, u64); 6] = [
        (1, 1, "fixed", 100, 0),
        (7, 3, "uniform", 80, 42),
        (20, 20, "longtail", 200, 5),
        (10, 50, "uniform", 60, 9),
        (30, 4, "longtail", 150, 123),
        (25, 1, "uniform", 50, 77),
    ];
    for (n, k, latency, ms, seed) in combos {
        let (t, _) = crawl(n, k, latency, ms, seed, 0);
        let ctx = format!("n={n} k={k} {latency} seed={seed}");
        assert_eq!(t.lanes.len(), n as usize, "{ctx}");
        let s = summarize(&t);
        assert_eq!(s.max_in_flight, n.min(k) as usize, "{ctx}");
        let in_use = t.track("permits_in_use").expect("permits track");
        assert!(in_use.samples.iter().all(|x| x.value <= k as f64), "{ctx}");
        assert_eq!(in_use.max(), n.min(k) as f64, "{ctx}");
        assert_eq!(t.track("waiters").unwrap().max(), n.saturating_sub(k) as f64, "{ctx}");
        assert_eq!(s.done, n as usize, "{ctx}");
        // FIFO: exactly the requests after the first k wait, and they get permits in id order.
        for l in &t.lanes {
            let waited = t.lane_spans(l.id).any(|sp| sp.state == State::Waiting);
            assert_eq!(waited, l.id >= k, "{ctx}: lane {}", l.id);
        }
        let io_start = |id: u32| t.lane_spans(id).find(|sp| sp.state == State::Io).unwrap().start_ms;
        assert!((1..n).all(|id| io_start(id - 1) <= io_start(id)), "{ctx}: starts out of order");
    }
}

#[test]
fn crawler_makespans_follow_from_the_plan() {
    let (t, _) = crawl(20, 5, "fixed", 100, 1, 0);
    assert_eq!(t.meta.makespan_ms, 400.0);
    for (latency, seed) in [("uniform", 3), ("longtail", 8)] {
        let (t, r) = crawl(15, 1, latency, 70, seed, 0);
        let plan = crawler::plan(&crawler::SCENARIO.validate(&r).unwrap());
        assert_eq!(plan.len(), 15);
        let sum: f64 = plan.iter().map(|p| p.latency_ms).sum();
        assert!((t.meta.makespan_ms - sum).abs() < 1e-6, "{latency}: {} vs {sum}", t.meta.makespan_ms);
        for req in &plan {
            let io = t.lane_spans(req.id).find(|s| s.state == State::Io).unwrap();
            assert!((io.duration_ms() - req.latency_ms).abs() < 1e-6);
        }
    }
    // Unbounded K: the makespan is the slowest request.
    let (t, r) = crawl(12, 12, "longtail", 90, 4, 0);
    let slowest = crawler::plan(&crawler::SCENARIO.validate(&r).unwrap()).iter().map(|p| p.latency_ms).fold(0.0, f64::max);
    assert!((t.meta.makespan_ms - slowest).abs() < 1e-6);
}

#[test]
fn crawler_is_deterministic_per_seed_and_models_failures() {
    assert_eq!(crawl(15, 4, "uniform", 100, 11, 30).0, crawl(15, 4, "uniform", 100, 11, 30).0);
    assert_ne!(crawl(15, 4, "uniform", 100, 11, 0).0, crawl(15, 4, "uniform", 100, 12, 0).0);
    let (t, _) = crawl(9, 3, "uniform", 100, 5, 100);
    assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Failed)));
    assert_eq!(t.events.iter().filter(|e| e.name == "http_error").count(), 9);
    let (t, _) = crawl(9, 3, "uniform", 100, 5, 0);
    assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Done)));
    assert!(matches!(run_virtual(&primes::SCENARIO, &BTreeMap::new()), Err(RunError::Environment(_))));
    assert!(run_virtual(&crawler::SCENARIO, &raw(&[("k", "0")])).is_err());
}

/// tests/fidelity.rs compares the crawler with CPython (order, makespan, max
/// in flight); here what asyncio guarantees on every run: each request is
/// started and completed once, lasts at least its planned latency (same seed,
/// same plan), and ends no earlier than on the virtual clock.
#[test]
fn crawler_listing_never_beats_the_virtual_clock() {
    let t = run_engine(&crawler::SCENARIO).unwrap();
    let py = run_python(&crawler::SCENARIO, Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
    let n = t.lanes.len() as u64;
    let io = |id: u64| t.lane_spans(id as u32).find(|s| s.state == State::Io).unwrap().clone();
    let mut times: BTreeMap<u64, (f64, f64)> = BTreeMap::new();
    let mut done = Vec::new();
    for e in py.extra["events"].as_array().unwrap() {
        let (id, at) = (e["id"].as_u64().unwrap(), e["t"].as_f64().unwrap());
        match e["ev"].as_str().unwrap() {
            "start" => times.entry(id).or_insert((f64::NAN, f64::NAN)).0 = at,
            "done" => {
                times.entry(id).or_insert((f64::NAN, f64::NAN)).1 = at;
                done.push(id);
            }
            other => panic!("unexpected event {other}"),
        }
    }
    assert_eq!(done.iter().copied().collect::<BTreeSet<_>>(), (0..n).collect(), "every request completes once");
    assert_eq!(done.len() as u64, n);
    for (id, (start, end)) in &times {
        let s = io(*id);
        assert!(end - start >= s.duration_ms() - 0.15, "request {id}: {} ms in Python, {} planned", end - start, s.duration_ms());
        assert!(*end >= s.end_ms - 0.15, "request {id} ended at {end} in Python, {} virtually", s.end_ms);
    }
    assert!(py.makespan_ms >= t.meta.makespan_ms - 0.15, "Python makespan {} < virtual {}", py.makespan_ms, t.meta.makespan_ms);
}

fn run_primes(bound: &str, chunk: &str, threads: &str, cancel: bool) -> Result<Trace, RunError> {
    let Some(run) = primes::SCENARIO.run.cpu() else { panic!("primes is a CPU lesson") };
    let p = primes::SCENARIO.validate(&raw(&[("bound", bound), ("chunk", chunk), ("threads", threads)])).unwrap();
    with_cpu_ctx(cancel, |ctx| run(&p, ctx))
}

#[test]
fn primes_lesson_counts_and_sweeps_threads() {
    let pool = rayon::current_num_threads();
    let t = run_primes("200000", "5000", "0", false).unwrap();
    t.validate().unwrap();
    assert_eq!(t.meta.results.get("primes_found"), Some(&(count_sieve(200_000) as f64)));
    assert_eq!(count_sieve(200_000), 17_984);
    assert!(!t.meta.stopped);
    assert_eq!(t.meta.pool_threads, Some(pool as u32));
    // Default reps = 2: the whole 1..=pool sweep runs twice, in order.
    let reps = 2;
    let threads: Vec<u32> = t.meta.sweep.iter().map(|p| p.threads).collect();
    assert_eq!(threads, (0..reps).flat_map(|_| 1..=pool as u32).collect::<Vec<_>>());
    for p in &t.meta.sweep {
        assert!(p.ms > 0.0 && p.start_ms >= 0.0 && p.end_ms <= t.meta.makespan_ms + 1e-9);
    }
    assert_eq!(t.spans.len(), 40 * pool * reps, "every chunk of every sweep step is drawn");
    assert!(t.lanes.len() <= pool);
    for s in &t.spans {
        let lane = t.lanes.iter().find(|l| l.id == s.lane).unwrap();
        assert_eq!(lane.kind, LaneKind::Worker);
        assert!(lane.name.starts_with("worker "), "{}", lane.name);
        assert_eq!(s.state, State::Running);
    }
    let too_many = (pool + 1).to_string();
    assert!(matches!(run_primes("200000", "5000", &too_many, false), Err(RunError::Environment(_))));
    let stopped = run_primes("200000", "5000", "0", true).unwrap();
    assert!(stopped.meta.stopped);
    stopped.validate().unwrap();
    assert!(!stopped.meta.results.contains_key("primes_found"));
}

#[test]
fn prime_workload_agrees_with_the_sieve() {
    let mut count = 0;
    for b in 0..2000u64 {
        assert_eq!(count, count_sieve(b), "primes below {b}");
        assert_eq!(count_range(0, b), count, "count_range(0, {b})");
        if is_prime(b) {
            count += 1;
        }
    }
    let bound = 30_011;
    for chunk in [1u64, 7, 333, 4_999, 30_011, 100_001] {
        let total: u64 = (0..n_chunks(bound, chunk)).map(|i| chunk_range(bound, chunk, i)).map(|(lo, hi)| count_range(lo, hi)).sum();
        assert_eq!(total, count_sieve(bound), "chunk {chunk}");
        assert_eq!(chunk_range(bound, chunk, n_chunks(bound, chunk) - 1).1, bound);
    }
}

#[test]
fn run_lanes_runs_every_chunk_once() {
    let work = |i: usize| count_range(i as u64 * 20_000, (i as u64 + 1) * 20_000);
    with_cpu_ctx(false, |ctx| {
        let mut runs = run_lanes(ctx, 1, 12, work).unwrap();
        runs.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        assert!(runs.windows(2).all(|w| w[0].end_ms <= w[1].start_ms), "one lane never overlaps itself");
        for lanes in [1, 2, 4, 9] {
            let mut runs = run_lanes(ctx, lanes, 57, work).unwrap();
            runs.sort_by_key(|r| r.chunk);
            assert_eq!(runs.iter().map(|r| r.chunk).collect::<Vec<_>>(), (0..57).collect::<Vec<_>>());
            assert!(runs.iter().all(|r| r.result == work(r.chunk) && r.end_ms >= r.start_ms));
        }
    });
    with_cpu_ctx(true, |ctx| assert!(run_lanes(ctx, 2, 10, work).is_none()));
}

#[test]
fn is_prime_agrees_across_the_32_bit_boundary() {
    use concurrency_playground::engine::workloads::primes::is_prime;
    // Largest 32-bit prime, the first primes above 2^32, and composites around it.
    assert!(is_prime(4_294_967_291));
    assert!(is_prime(4_294_967_311));
    assert!(!is_prime(4_294_967_295)); // 2^32 - 1 = 3 · 5 · 17 · 257 · 65537
    assert!(!is_prime(4_294_967_296));
    assert!(!is_prime(4_294_967_297)); // 2^32 + 1 = 641 · 6700417
    assert!(!is_prime(65_537 * 65_521)); // square-ish composite near the d² limit
}

#[test]
fn crawler_k_sweep_follows_waves_of_fixed_latency() {
    use concurrency_playground::scenarios::crawler::{k_sweep, SCENARIO};
    let p = SCENARIO.validate(&raw(&[("n", "20"), ("k", "3"), ("latency", "fixed"), ("ms", "150")])).unwrap();
    let sweep = k_sweep(&p);
    let ks: Vec<u32> = sweep.iter().map(|s| s.0).collect();
    assert_eq!(ks, vec![1, 2, 3, 5, 10, 20], "the ladder below N, the chosen K, and N");
    for (k, ms) in sweep {
        // ⌈N/K⌉ waves of 150 ms each, exactly, on the virtual clock.
        assert_eq!(ms, (20f64 / k as f64).ceil() * 150.0, "K = {k}");
    }
    let big = SCENARIO.validate(&raw(&[("n", "5000")])).unwrap();
    assert!(k_sweep(&big).is_empty(), "skipped above K_SWEEP_MAX_N");
}
