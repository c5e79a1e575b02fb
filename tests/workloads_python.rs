#![cfg(not(target_arch = "wasm32"))]
//! The speedup workloads' Python listings (sum of squares, SHA-256, Mandelbrot,
//! fib, map-reduce) give the engine's reference answers in all three of their
//! modes (sequential, threads, processes), and time their own work.

use concurrency_playground::engine::workloads::{fib, mandelbrot, mapreduce, sha256, sumsq};
use serde_json::Value;
use std::time::Instant;

/// Runs `python/<id>.py` with `args` in `mode` (two workers) and reads its `--json`.
fn python(id: &str, args: &[&str], mode: &str) -> Value {
    let t0 = Instant::now();
    let out = std::process::Command::new("python3")
        .arg(format!("{}/python/{id}.py", env!("CARGO_MANIFEST_DIR")))
        .args(args)
        .args(["--mode", mode, "--workers", "2", "--json"])
        .output()
        .expect("python3 must be installed to check the listings");
    assert!(out.status.success(), "{id}.py --mode {mode}: {}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    // Its own time of the work: some, and within the process's life as this test timed it.
    let wall = t0.elapsed().as_secs_f64() * 1e3;
    assert!(v["ms"].as_f64().is_some_and(|ms| ms > 0.0 && ms <= wall), "{id}.py prints its time: {} ms in a {wall:.1} ms process", v["ms"]);
    v
}

const MODES: [&str; 3] = ["sequential", "threads", "processes"];

#[test]
fn python_listings_agree_with_the_engine() {
    for mode in MODES {
        let v = python("sumsq", &["--n", "20000", "--chunk", "3000"], mode);
        let s = sumsq::closed_form(20_000);
        assert_eq!(v["sum_squares"].as_u64().map(u128::from), Some(s), "sumsq {mode}");
        assert_eq!(v["sum_squares_last9"].as_u64(), Some((s % 1_000_000_000) as u64));

        let v = python("sha256", &["--blocks", "12", "--chunk", "5", "--seed", "4"], mode);
        assert_eq!(v["digest"].as_str(), Some(sha256::hex(&sha256::reference(4, 12)).as_str()), "sha256 {mode}");

        let v = python("mandelbrot", &["--width", "40", "--height", "30", "--max_iter", "80", "--rows", "7"], mode);
        let img = mandelbrot::reference(40, 30, 80);
        assert_eq!(v["points_inside"].as_u64(), Some(mandelbrot::inside(&img, 80)), "mandelbrot {mode}");
        assert_eq!(v["iterations_total"].as_u64(), Some(mandelbrot::total_iterations(&img)));

        let v = python("fib", &["--n", "18", "--depth", "3"], mode);
        assert_eq!(v["fib"].as_u64(), Some(fib::fib_iter(18)), "fib {mode}");
        assert_eq!(v["subtrees"].as_u64(), Some(fib::split(18, 3).len() as u64));

        let v = python("mapreduce", &["--records", "3001", "--chunk", "700", "--seed", "6"], mode);
        let want = mapreduce::reference(6, 3001);
        for region in mapreduce::REGIONS {
            assert_eq!(v[format!("sales_{region}")].as_u64(), Some(want[region].1), "mapreduce {mode} {region}");
        }
    }
}
