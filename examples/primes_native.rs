//! Native baseline for the benchmark: runs the primes lesson's own code (the
//! same sweep the page runs in wasm) on a native rayon pool and prints JSON.
//! `cargo run --release --example primes_native -- <bound> [chunk]`

use concurrency_playground::engine::cpu::CpuCtx;
use concurrency_playground::scenarios::{primes, Exec};
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bound = args.first().cloned().unwrap_or_else(|| "5000000".into());
    let chunk = args.get(1).cloned().unwrap_or_else(|| "50000".into());
    let raw: BTreeMap<String, String> = [("bound".to_string(), bound), ("chunk".to_string(), chunk)].into();
    let params = match primes::SCENARIO.validate(&raw) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("bad parameters: {e:?}");
            std::process::exit(2);
        }
    };
    let Exec::Cpu(run) = primes::SCENARIO.exec else { unreachable!("primes is a CPU lesson") };
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    let cancel = AtomicBool::new(false);
    let ctx = CpuCtx { clock: &clock, cancel: &cancel, pool_threads: rayon::current_num_threads().min(2) };
    match run(&params, &ctx) {
        Ok(trace) => {
            let ms = |t: u32| trace.meta.sweep.iter().find(|p| p.threads == t).map(|p| p.ms);
            println!(
                "{{\"native_t1_ms\": {:.2}, \"native_t2_ms\": {}, \"primes\": {}}}",
                ms(1).unwrap_or(f64::NAN),
                ms(2).map_or("null".into(), |v| format!("{v:.2}")),
                trace.meta.results.get("primes_found").copied().unwrap_or(0.0)
            );
        }
        Err(e) => {
            eprintln!("run failed: {e}");
            std::process::exit(1);
        }
    }
}
