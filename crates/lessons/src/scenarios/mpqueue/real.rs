//! `mpqueue` on the page's Web Worker processes: what each process is sent
//! (a chunk of items for Pool.map, else one item's job), what it runs as it
//! starts (fork's copy of the parent's global, the initializer), and the
//! measured run read back as messages, `Σ i × MULT` and initializer calls.

use super::Msg;
use crate::engine::params::Params;
use crate::engine::procinit::{self, PoolTask, ProcStart};
use crate::engine::procpool::{ProcRun, Task};

/// A measured pool run as messages; `Σ i × MULT` and the initializer calls
/// the processes reported (pool_map: each process's largest count, summed).
pub(super) fn measured_run(runs: &[ProcRun], starts: &[ProcStart], sizes: &[usize]) -> (Vec<Msg>, Option<(u64, u64)>) {
    let msgs = runs
        .iter()
        .zip(sizes)
        .map(|(r, &k)| Msg { process: r.process, items: k, sent: r.sent, received: r.received, done: r.done, back: r.back })
        .collect();
    let answers: Result<Vec<(u64, u64)>, String> = runs.iter().map(|r| procinit::chunk_answer(&r.output)).collect();
    let init = answers.ok().map(|a| {
        let total = a.iter().map(|x| x.0).sum();
        let calls = starts
            .iter()
            .enumerate()
            .map(|(w, s)| runs.iter().zip(&a).filter(|(r, _)| r.process == w).map(|(_, x)| x.1).fold(s.init_calls.unwrap_or(0), u64::max))
            .sum();
        (total, calls)
    });
    (msgs, init)
}

/// What each pool_map message is sent: its chunk of items; else one item's job.
pub(super) fn inputs(p: &Params, sizes: &[usize]) -> Vec<Vec<u8>> {
    let (work, kb) = (p.int("work") as f64, p.int("kb") as usize);
    let mut first = 0;
    sizes
        .iter()
        .map(|&k| {
            let input = vec![1u8; kb * 1024 * k];
            let io_ms = work * k as f64;
            first += k;
            if p.choice("mode") == "pool_map" {
                PoolTask::Chunk { io_ms, first: (first - k) as u32, count: k as u32, input }.encode()
            } else {
                Task::Job { io_ms, cpu_ms: 0.0, input }.encode()
            }
        })
        .collect()
}

/// As each pool process starts: fork's copy of the parent's `MULT`, then the
/// initializer `init(2)` if set. The parent's own `MULT` is set first: `2`
/// without an initializer (`MULT = 2` in the parent), else none.
pub(super) fn start(p: &Params) -> Option<Vec<u8>> {
    let set = p.choice("initializer") == "set";
    procinit::set_mult(if set { None } else { Some(2) });
    let inherit = if p.choice("method") == "fork" { procinit::mult() } else { None };
    (p.choice("mode") == "pool_map").then(|| PoolTask::Start { inherit, init: set.then_some(2) }.encode())
}
