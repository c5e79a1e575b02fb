//! Monte Carlo π: throw points into the unit square, count those inside the
//! quarter circle; π ≈ 4 · hits / samples. Each chunk draws from its own seeded
//! stream, so the answer is the same whichever thread runs which chunk, and
//! `python/pi.py` reproduces it exactly.

use crate::latency::SplitMix64;

/// The seed of chunk `i`'s stream (SplitMix64's own increment spreads them).
pub fn chunk_seed(seed: u64, i: u64) -> u64 {
    seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Points of chunk `i` (of `samples` in total, `chunk` per chunk) that land inside.
#[inline(never)]
pub fn hits(seed: u64, samples: u64, chunk: u64, i: u64) -> u64 {
    let n = chunk.min(samples.saturating_sub(i * chunk));
    let mut rng = SplitMix64::new(chunk_seed(seed, i));
    let mut inside = 0;
    for _ in 0..n {
        let (x, y) = (rng.next_f64(), rng.next_f64());
        if x * x + y * y <= 1.0 {
            inside += 1;
        }
    }
    inside
}

pub fn estimate(hits: u64, samples: u64) -> f64 {
    4.0 * hits as f64 / samples.max(1) as f64
}
