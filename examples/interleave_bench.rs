//! Native figures for the interleaving searches: per built-in model, the
//! exhaustive search's states and states per second, the bounded search's
//! fewest preemptions and states, and PCT's runs to the first failure.
//!
//! `cargo run --release --example interleave_bench` (markdown table on stdout).

use concurrency_playground::interleave::models;
use concurrency_playground::interleave::pct::Pct;
use concurrency_playground::interleave::search::{Dfs, Progress, Search};
use std::time::Instant;

fn finish(s: &mut dyn Search) -> Progress {
    loop {
        match s.run(100_000) {
            Progress::Running => {}
            p => return p,
        }
    }
}

/// Repeats `f` until at least 200 ms have passed; (result of the last run, seconds per run).
fn timed<T>(mut f: impl FnMut() -> T) -> (T, f64) {
    let t0 = Instant::now();
    let mut n = 0u32;
    loop {
        let r = f();
        n += 1;
        let e = t0.elapsed().as_secs_f64();
        if e >= 0.2 {
            return (r, e / f64::from(n));
        }
    }
}

fn main() {
    println!("| model | verdict | all states | failing ends | steps | time (ms) | states/s | to first failure | fewest preemptions | bounded states | PCT d=2 runs |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for m in models::all() {
        let ((p, st), secs) = timed(|| {
            let mut d = Dfs::explore_all(m.clone());
            let p = finish(&mut d);
            (p, d.stats())
        });
        let verdict = match &p {
            Progress::Found(f) => format!("{:?}", f.failure).split([' ', '{']).next().unwrap_or("").to_owned(),
            _ => "verified".to_owned(),
        };
        let mut first = Dfs::exhaustive(m.clone());
        finish(&mut first);
        let mut b = Dfs::bounded(m.clone(), 3);
        let bp = finish(&mut b);
        let pre = match bp {
            Progress::Found(f) => f.preemptions.to_string(),
            _ => "none ≤ 3".to_owned(),
        };
        let mut pct = Pct::new(m.clone(), 2, 1, 10_000);
        let runs = match finish(&mut pct) {
            Progress::Found(_) => pct.runs().to_string(),
            _ => format!("none in {}", pct.runs()),
        };
        println!(
            "| {} | {} | {} | {} | {} | {:.3} | {:.0} | {} | {} | {} | {} |",
            m.id,
            verdict,
            st.states,
            st.failures,
            st.steps,
            secs * 1e3,
            st.states as f64 / secs,
            first.stats().states,
            pre,
            b.stats().states,
            runs
        );
    }
}
