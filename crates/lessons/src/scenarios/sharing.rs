//! CPU lesson: shared memory vs message passing. The same job (a checksum of
//! a mixer over a buffer of `items` numbers, in chunks) runs twice on
//! `threads` pool threads:
//!
//! - **shared**: every worker reads its chunk straight from one buffer all
//!   threads share (`&[u64]` into the same memory): nothing is copied;
//! - **message passing**: each chunk travels as a message, as between
//!   processes: pickled into bytes (sender), copied, unpickled (receiver),
//!   computed, and the chunk's result sent back the same way. Each copy is
//!   its own span (state `io`, resource `pipe`), so the serialization cost
//!   is visible next to the thin compute spans.
//!
//! Both sides of each message run on the worker's lane (a real sender would
//! pay half of it), so the copies are as parallel as the computing.

use super::Scenario;
use crate::engine::cpu::{run_lanes, warm_up, ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::{State, Trace};
use crate::engine::workloads::busy::{decode, encode, spin};
use crate::engine::worklog::{resolve_threads, worker_lane, WorkLog};
use crate::engine::RunError;

pub static SCENARIO: Scenario = Scenario::cpu(
    "sharing",
    &[
        sweep::THREADS,
        ParamSpec::int("items", 1_000, 2_000_000, 500_000),
        ParamSpec::int("chunk", 100, 1_000_000, 25_000),
        // Mixer rounds per item: few = copying dominates, many = computing does.
        ParamSpec::int("rounds", 1, 10_000, 4),
    ],
    run,
);

/// The shared input: item `i` holds a scrambled number (so its JSON is long).
pub fn buffer(items: usize) -> Vec<u64> {
    (0..items as u64).map(|i| spin(i, 1)).collect()
}

/// One chunk's checksum.
#[inline(never)]
pub fn checksum(xs: &[u64], rounds: u32) -> u64 {
    xs.iter().fold(0u64, |a, &x| a.wrapping_add(spin(x, rounds)))
}

/// [`checksum`] of `xs`, Stop asked every [`super::gil::PIECE_STEPS`] mixer
/// steps or so (a chunk at the largest sizes is 10¹⁰); exact unless stopped.
pub fn checksum_pieces(ctx: &CpuCtx<'_>, xs: &[u64], rounds: u32) -> u64 {
    let piece = (super::gil::PIECE_STEPS / u64::from(rounds.max(1))).max(1);
    ctx.fold_pieces(0, xs.len() as u64, piece, 0, |s, a, b| s.wrapping_add(checksum(&xs[a as usize..b as usize], rounds)))
}

fn bounds(items: usize, chunk: usize, c: usize) -> (usize, usize) {
    (c * chunk, ((c + 1) * chunk).min(items))
}

/// What one way of running measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Way {
    pub ms: f64,
    pub checksum: u64,
    pub bytes_copied: u64,
}

pub fn shared(ctx: &CpuCtx<'_>, log: &WorkLog<'_>, buf: &[u64], threads: usize, chunk: usize, rounds: u32) -> Option<Way> {
    let n_chunks = buf.len().div_ceil(chunk);
    let t0 = log.now();
    let runs = run_lanes(ctx, threads, n_chunks, |c| {
        let (lo, hi) = bounds(buf.len(), chunk, c);
        let t = log.now();
        let r = checksum_pieces(ctx, &buf[lo..hi], rounds);
        log.span(worker_lane(), State::Running, None, t, log.now(), format!("shared · chunk {c} · reads items [{lo}, {hi}) in place"));
        r
    })?;
    let ms = log.now() - t0;
    Some(Way { ms, checksum: sum(&runs), bytes_copied: 0 })
}

pub fn message_passing(
    ctx: &CpuCtx<'_>,
    log: &WorkLog<'_>,
    buf: &[u64],
    threads: usize,
    chunk: usize,
    rounds: u32,
) -> Result<Option<Way>, RunError> {
    let n_chunks = buf.len().div_ceil(chunk);
    let t0 = log.now();
    let runs = run_lanes(ctx, threads, n_chunks, |c| -> Result<(u64, u64), RunError> {
        let lane = worker_lane();
        let (lo, hi) = bounds(buf.len(), chunk, c);
        let msg = log.timed(
            &lane,
            State::Io,
            Some("pipe"),
            |b: &Vec<u8>| format!("chunk {c} · pickle {} items → {} bytes", hi - lo, b.len()),
            || encode(&buf[lo..hi]),
        );
        let received =
            log.timed(&lane, State::Io, Some("pipe"), |b: &Vec<u8>| format!("chunk {c} · copy {} bytes", b.len()), || msg.clone());
        let items =
            log.timed(&lane, State::Io, Some("pipe"), |_| format!("chunk {c} · unpickle {} bytes", received.len()), || decode(&received))?;
        let r = log.timed(
            &lane,
            State::Running,
            None,
            |_| format!("message passing · chunk {c} · compute on the copy"),
            || checksum_pieces(ctx, &items, rounds),
        );
        let back = encode(&[r]);
        let answer = log.timed(
            &lane,
            State::Io,
            Some("pipe"),
            |_| format!("chunk {c} · result back · {} bytes", back.len()),
            || decode(&back.clone()),
        )?;
        let r = answer.first().copied().unwrap_or_default();
        Ok((r, (msg.len() + back.len()) as u64))
    });
    let Some(runs) = runs else { return Ok(None) };
    let ms = log.now() - t0;
    let (mut total, mut bytes) = (0u64, 0u64);
    for run in runs {
        let (r, b) = run.result?;
        total = total.wrapping_add(r);
        bytes += b;
    }
    Ok(Some(Way { ms, checksum: total, bytes_copied: bytes }))
}

fn sum(runs: &[ChunkRun<u64>]) -> u64 {
    runs.iter().fold(0u64, |a, r| a.wrapping_add(r.result))
}

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let threads = resolve_threads(ctx, p.int("threads"))?;
    let (items, chunk, rounds) = (p.int("items") as usize, p.int("chunk") as usize, p.int("rounds") as u32);
    let buf = buffer(items);
    let first = &buf[..chunk.min(items)];
    warm_up(ctx, || {
        std::hint::black_box(checksum_pieces(ctx, first, rounds));
        // A chunk of 10⁶ items is 20 MB of JSON: not once more after Stop.
        if !ctx.cancelled() {
            std::hint::black_box(decode(&encode(first)).ok());
        }
    });
    let log = WorkLog::new(ctx);
    let lanes: Vec<String> = (0..ctx.pool_threads).map(|w| format!("worker {w}")).collect();
    log.event("sharing_shared", "");
    let Some(sh) = shared(ctx, &log, &buf, threads, chunk, rounds) else {
        return Ok(log.finish(SCENARIO.id, p.to_strings(), ctx.pool_threads, &lanes, true));
    };
    log.event("sharing_messages", "");
    let Some(mp) = message_passing(ctx, &log, &buf, threads, chunk, rounds)? else {
        return Ok(log.finish(SCENARIO.id, p.to_strings(), ctx.pool_threads, &lanes, true));
    };
    if sh.checksum != mp.checksum {
        return Err(RunError::Workload(format!("message passing computed {:#x}, shared memory {:#x}", mp.checksum, sh.checksum)));
    }
    log.result("shared_ms", sh.ms);
    log.result("copy_ms", mp.ms);
    log.result("copy_x", if sh.ms > 0.0 { mp.ms / sh.ms } else { 0.0 });
    log.result("bytes_copied", mp.bytes_copied as f64);
    log.result("bytes_shared", (items * 8) as f64);
    Ok(log.finish(SCENARIO.id, p.to_strings(), ctx.pool_threads, &lanes, false))
}
