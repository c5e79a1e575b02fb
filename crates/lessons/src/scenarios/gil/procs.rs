//! The gil lesson's processes mode: a pool of processes that share nothing
//! (`engine::procpool`), as `python/gil.py`'s `ProcessPoolExecutor`.

use super::{Job, ModeRun};
use crate::engine::cpu::CpuCtx;
use crate::engine::procpool::{self, Task};
use crate::engine::trace::State;
use crate::engine::workloads::busy::part;
use crate::engine::worklog::WorkLog;
use crate::engine::RunError;

/// What the processes mode adds to [`ModeRun`]: per-process costs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ProcCosts {
    /// Mean start-up of one process (asked to start → ready), ms.
    pub start_up_ms: f64,
    /// Mean copy time of one item: input in plus answer out, ms.
    pub copy_ms: f64,
    /// Processes that could read the page's memory (0 when they share nothing).
    pub saw_page: Option<f64>,
    /// Mean memory of one process, MB.
    pub memory_mb: Option<f64>,
}

/// As `python/gil.py`'s pool: `with ProcessPoolExecutor(threads) as ex:
/// sum(ex.map(work, parts))`. Each process is started (its own memory, its
/// own copy of the code), sent one range (21 bytes), and sends back one u64:
/// the cost is mostly start-up. Start-up and both copies are their own spans.
pub fn processes(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, job: &Job) -> Result<Option<(ModeRun, ProcCosts)>, RunError> {
    let t0 = log.now();
    let inputs: Vec<Vec<u8>> = (0..job.threads)
        .map(|w| {
            let (lo, hi) = part(job.items, job.threads, w);
            Task::SpinRange { lo, hi, rounds: job.rounds }.encode()
        })
        .collect();
    let pool = ctx.processes.ok_or_else(|| crate::engine::caps::missing("processes"))?;
    let runs = match pool.map(ctx, inputs) {
        Ok(r) => r,
        Err(e) if e == procpool::STOPPED || ctx.cancelled() => return Ok(None),
        Err(e) => return Err(RunError::Workload(format!("process pool: {e}"))),
    };
    let end = log.now();
    // The pool's times are on the host's clock; the log's start at its creation.
    let shift = log.now() - ctx.now();
    let (mut sum, mut bytes, mut start_up, mut copy) = (0u64, 0u64, 0.0, 0.0);
    for (w, r) in runs.iter().cloned().map(|r| r.shifted(shift)).enumerate() {
        let lane = format!("process {w}");
        let mem = r.memory_bytes.map_or(String::new(), |b| format!(" · own memory {:.1} MB", b / 1e6));
        log.span(&lane, State::Running, Some("spawn"), r.spawned, r.ready, format!("process {w} starts{mem}"));
        log.span(&lane, State::Io, Some("pipe"), r.sent, r.received, format!("copy in · {} bytes", r.bytes_in));
        let (lo, hi) = part(job.items, job.threads, w);
        log.span(&lane, State::Running, None, r.received, r.done, format!("process {w} · items [{lo}, {hi})"));
        log.span(&lane, State::Io, Some("pipe"), r.done, r.back, format!("copy out · {} bytes", r.output.len()));
        sum = sum.wrapping_add(procpool::answer(&r.output).map_err(RunError::Workload)?);
        bytes += (r.bytes_in + r.output.len()) as u64;
        start_up += r.ready - r.spawned;
        copy += (r.received - r.sent) + (r.back - r.done);
    }
    let n = runs.len().max(1) as f64;
    let seen: Vec<bool> = runs.iter().filter_map(|r| r.saw_mark).collect();
    let mems: Vec<f64> = runs.iter().filter_map(|r| r.memory_bytes).collect();
    let costs = ProcCosts {
        start_up_ms: start_up / n,
        copy_ms: copy / n,
        saw_page: (!seen.is_empty()).then(|| seen.iter().filter(|&&s| s).count() as f64),
        memory_mb: (!mems.is_empty()).then(|| mems.iter().sum::<f64>() / mems.len() as f64 / 1e6),
    };
    Ok(Some((ModeRun { ms: end - t0, checksum: sum, bytes_copied: bytes, switches: 0 }, costs)))
}
