#![cfg(not(target_arch = "wasm32"))]
//! `python/tools/cpu_modes.py`, which times a CPU listing's three modes for
//! `scripts/bench.sh`: they run interleaved (round r starts with mode r mod 3),
//! every mode `reps` times, each mode's best time kept, and the ratios are
//! those best times' ratios.

use serde_json::Value;
use std::process::Command;

fn cpu_modes(args: &[&str]) -> std::process::Output {
    Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/python/tools/cpu_modes.py"))
        .args(args)
        .output()
        .expect("python3 must be installed to check the benchmark tool")
}

#[test]
fn modes_run_interleaved_and_report_their_best() {
    let reps = 4;
    let out = cpu_modes(&["fib", "--threads", "2", "--reps", &reps.to_string(), "--", "--n", "16", "--depth", "2"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    let modes = ["seq", "threads", "processes"];
    let order: Vec<&str> = v["order"].as_array().expect("order").iter().filter_map(Value::as_str).collect();
    let expected: Vec<&str> = (0..reps).flat_map(|r| (0..3).map(move |i| modes[(r + i) % 3])).collect();
    assert_eq!(order, expected, "round r runs every mode once, starting with mode r mod 3");
    for m in modes {
        let runs: Vec<f64> = v[m]["runs_ms"].as_array().expect("runs").iter().filter_map(Value::as_f64).collect();
        assert_eq!(runs.len(), reps, "{m}: one time per round");
        assert_eq!(v[m]["best_ms"].as_f64(), runs.iter().copied().reduce(f64::min), "{m}: best = fastest round");
    }
    // The ratios are the best times' ratios. serde_json's default float
    // parser may read a number one unit in the last place off Python's repr,
    // so the quotient is compared to 1e-12 relative (a wrong ratio, e.g. of
    // medians or of another mode, is off by far more).
    let ratio = |m: &str| v[m]["best_ms"].as_f64().unwrap() / v["seq"]["best_ms"].as_f64().unwrap();
    for m in ["threads", "processes"] {
        let (got, want) = (v[format!("{m}_x")].as_f64().expect("ratio"), ratio(m));
        assert!((got - want).abs() <= 1e-12 * want.abs(), "{m}_x = {got}, best ratio {want}");
    }
}

#[test]
fn an_unknown_listing_is_refused_with_a_message() {
    let out = cpu_modes(&["no_such_listing"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no listing python/no_such_listing.py"));
}
