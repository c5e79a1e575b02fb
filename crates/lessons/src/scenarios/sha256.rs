//! CPU lesson: SHA-256 over many generated 4 KiB blocks on 1, 2, … N threads.
//! Each block is hashed independently and the digests are XORed, so every
//! thread count must produce the same digest. (In CPython, `hashlib` releases
//! the GIL on large buffers: one of the few cases where threads help there.)

use super::extras::Extra;
use super::pymodel::measured::value;
use super::Scenario;
use crate::engine::cpu::{ChunkRun, CpuCtx};
use crate::engine::params::{ParamSpec, Params};
use crate::engine::sweep;
use crate::engine::trace::Trace;
use crate::engine::workloads::sha256::{hash_blocks, head48, xor_into, Digest32, BLOCK_BYTES};
use crate::engine::workloads::{chunk_range, n_chunks};
use crate::engine::RunError;

pub static SCENARIO: Scenario = Scenario::cpu(
    "sha256",
    &[
        // 4 KiB each: 8,192 blocks = 32 MiB of data per step.
        ParamSpec::int("blocks", 1, 262_144, 8_192),
        ParamSpec::int("chunk", 1, 262_144, 128),
        sweep::THREADS,
        sweep::REPS,
        ParamSpec::SEED,
    ],
    run,
)
.with_extras(&[Extra::CpythonSlowdown(value("slowdown_sha256"))]);

/// Blocks hashed between two looks at Stop inside a chunk (about 1 ms; a
/// chunk of 262,144 blocks takes seconds).
const PIECE: u64 = 64;

fn run(p: &Params, ctx: &CpuCtx<'_>) -> Result<Trace, RunError> {
    let (blocks, chunk, seed) = (p.int("blocks") as u64, p.int("chunk") as u64, p.int("seed") as u64);
    let range = |i: usize| chunk_range(blocks, chunk, i);
    let work = |i: usize| {
        let (lo, hi) = range(i);
        ctx.fold_pieces(lo, hi, PIECE, [0u8; 32], |mut acc, a, b| {
            xor_into(&mut acc, &hash_blocks(seed, a, b));
            acc
        })
    };
    let label = |r: &ChunkRun<Digest32>| {
        let (lo, hi) = range(r.chunk);
        format!("chunk {} · blocks [{lo}, {hi})", r.chunk)
    };
    let combine = |runs: &[ChunkRun<Digest32>]| {
        let mut acc = [0u8; 32];
        for r in runs {
            xor_into(&mut acc, &r.result);
        }
        acc
    };
    let job = sweep::Job::new(SCENARIO.id, p, n_chunks(blocks, chunk), &work, &label, &combine);
    let (mut trace, digest) = sweep::run(ctx, job)?;
    if let Some(d) = digest {
        trace.meta.results.insert("digest_head48".into(), head48(&d) as f64);
        trace.meta.results.insert("mib_hashed".into(), (blocks * BLOCK_BYTES as u64) as f64 / 1_048_576.0);
    }
    Ok(trace)
}
