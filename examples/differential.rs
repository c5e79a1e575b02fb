//! The differential test at benchmark size: `cargo run --release --example
//! differential [-- N [FIRST_SEED]]` runs N random programs (default 5000,
//! seeds FIRST_SEED.. , default 0) on the engine and on CPython 3.11 asyncio
//! and prints how many disagree (each minimized, with both logs) and how long
//! each side took. Exits non-zero on any disagreement.

// Native only (it runs python3); `cargo test --target wasm32…` builds examples too.
#[cfg(target_arch = "wasm32")]
fn main() {}

// The harness lives with the differential test; this benchmark borrows it.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/differential/diffprog/mod.rs"]
mod diffprog;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use diffprog::cpython::differ;
    use diffprog::run::run_engine;
    use diffprog::{generate, Program};
    use std::path::Path;
    use std::time::Instant;

    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let n = args.first().copied().unwrap_or(5000);
    let first = args.get(1).copied().unwrap_or(0);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let programs: Vec<(u64, Program)> = (first..first + n).map(|s| (s, generate(s))).collect();
    let steps: usize = programs.iter().map(|(_, p)| p.steps()).sum();
    let t = Instant::now();
    for (_, p) in &programs {
        run_engine(p);
    }
    let engine_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let bad = match differ(&programs, repo) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let both_s = t.elapsed().as_secs_f64();
    for d in &bad {
        println!("{d}");
    }
    println!(
        "{n} programs (seeds {first}..{}, {steps} steps): {} disagreements; engine alone {engine_s:.2} s, both sides and compare {both_s:.2} s",
        first + n,
        bad.len()
    );
    if !bad.is_empty() {
        std::process::exit(1);
    }
}
