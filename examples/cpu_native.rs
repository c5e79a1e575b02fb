//! Native baseline for the benchmark tables: runs any CPU lesson's own code
//! (the same sweep the page runs in wasm: warm-up, then `reps` rounds over the
//! thread counts) on a native rayon pool and prints one JSON line with its
//! 1-thread and N-thread times (best of the repetitions; null for a lesson
//! without a thread-count sweep), their spread (`native_t1`, `native_tn`:
//! best, median, standard deviation and number of runs, from the same
//! `sweep_stats` the page's sweep table shows) and the lesson's results.
//! `cargo run --release --example cpu_native -- <lesson> [key=value …]`

use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::engine::metrics::sweep_stats;
use concurrency_playground::engine::procpool::ThreadProcesses;
use concurrency_playground::scenarios::{self};
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(scn) = args.first().and_then(|id| scenarios::find(id)) else {
        eprintln!("usage: cpu_native <lesson> [key=value …]; CPU lessons: {}", cpu_ids().join(", "));
        std::process::exit(2);
    };
    let raw: BTreeMap<String, String> =
        args[1..].iter().filter_map(|a| a.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
    let params = scn.validate(&raw).unwrap_or_else(|e| {
        eprintln!("bad parameters: {e:?}");
        std::process::exit(2)
    });
    let Some(run) = scn.run.cpu() else {
        eprintln!("{} is not a CPU lesson", scn.id);
        std::process::exit(2)
    };
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    let cancel = AtomicBool::new(false);
    let threads = rayon::current_num_threads();
    let ctx =
        CpuCtx { clock: &clock, cancel: &cancel, pool_threads: threads, progress: &Default::default(), processes: Some(&ThreadProcesses) };
    match run(&params, &ctx) {
        Ok(trace) => {
            let stats = sweep_stats(&trace.meta.sweep);
            let row = |t: usize| stats.rows.iter().find(|r| r.threads as usize == t);
            let best = |t: usize| row(t).map(|r| r.best);
            let spread =
                |t: usize| row(t).map(|r| serde_json::json!({ "best": r.best, "median": r.median, "stdev": r.stdev, "runs": r.n }));
            let n = stats.rows.last().map_or(1, |r| r.threads as usize);
            let out = serde_json::json!({
                "lesson": scn.id,
                "threads": n,
                "native_t1_ms": best(1),
                "native_tn_ms": best(n),
                "native_t1": spread(1),
                "native_tn": spread(n),
                "results": trace.meta.results,
            });
            println!("{out}");
        }
        Err(e) => {
            eprintln!("run failed: {e}");
            std::process::exit(1);
        }
    }
}

fn cpu_ids() -> Vec<&'static str> {
    scenarios::ALL.iter().filter(|s| s.run.cpu().is_some()).map(|s| s.id).collect()
}
