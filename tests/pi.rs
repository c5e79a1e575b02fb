//! The Monte Carlo π lesson: same estimate at every thread count, close to π,
//! and bit-for-bit the same as its CPython listing.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use concurrency_playground::engine::trace::Trace;
use concurrency_playground::engine::workloads::montecarlo::hits;
use concurrency_playground::scenarios::pi;
use std::process::Command;

fn run(pairs: &[(&str, &str)]) -> Trace {
    common::cpu::run(&pi::SCENARIO, pairs, false)
}

#[test]
fn every_thread_count_computes_the_same_estimate_near_pi() {
    let t = run(&[("samples", "400000"), ("chunk", "30000"), ("seed", "9")]);
    t.validate().unwrap();
    // The sweep itself fails the run if two steps disagree; check it ran them all.
    assert_eq!(t.meta.sweep.len(), 2 * rayon::current_num_threads());
    let est = t.meta.results["pi_estimate"];
    // Independent recount, chunk by chunk, sequentially.
    let total: u64 = (0..14).map(|i| hits(9, 400_000, 30_000, i)).sum();
    assert_eq!(est, 4.0 * total as f64 / 400_000.0);
    // 400k samples: standard error ≈ 0.0026; 5 of them is a generous bound.
    assert!((est - std::f64::consts::PI).abs() < 0.013, "estimate {est}");
    assert_eq!(t.meta.results["pi_estimate_error"], (est - std::f64::consts::PI).abs());
    // The last chunk is short (400000 = 13 × 30000 + 10000) and still counted.
    assert!(hits(9, 400_000, 30_000, 13) <= 10_000 && hits(9, 400_000, 30_000, 14) == 0);
}

#[test]
fn cpython_listing_gets_exactly_the_same_hits() {
    let out = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/python/pi.py"))
        .args(["--samples", "60000", "--chunk", "7000", "--seed", "4", "--threads", "1", "--json"])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let py: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ours: u64 = (0..9).map(|i| hits(4, 60_000, 7_000, i)).sum();
    assert_eq!(py[0]["hits"].as_u64(), Some(ours));
}
