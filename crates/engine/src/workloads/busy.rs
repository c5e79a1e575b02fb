//! Busy work and message encoding for the sharing lessons (race, GIL, shared
//! memory vs message passing, stealing).
//!
//! [`spin`] is a tiny integer mixer: deterministic, branch-free, and the same
//! in `python/gil.py` (64-bit wraparound via `& MASK`), so the engine and
//! CPython compute the very same checksum for the same job.
//!
//! [`encode`] / [`decode`] stand for what `multiprocessing` does with pickle:
//! turn numbers into bytes that can cross into another address space and back.
//! JSON via `serde_json` (already a dependency) costs about what pickle costs
//! per number, which is the point: copying is not free.

use crate::RunError;

const A: u64 = 6_364_136_223_846_793_005;
const C: u64 = 1_442_695_040_888_963_407;

/// `rounds` steps of an LCG with an xor-shift, starting from `x`.
#[inline(never)]
pub fn spin(x: u64, rounds: u32) -> u64 {
    let mut h = x;
    for _ in 0..rounds {
        h = h.wrapping_mul(A).wrapping_add(C);
        h ^= h >> 29;
    }
    h
}

/// The checksum of items `lo..hi`: wrapping sum of `spin(i, rounds)`.
#[inline(never)]
pub fn spin_range(lo: u64, hi: u64, rounds: u32) -> u64 {
    (lo..hi).fold(0u64, |acc, i| acc.wrapping_add(spin(i, rounds)))
}

/// Numbers → bytes (a JSON array), as a message to another process.
pub fn encode(v: &[u64]) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

/// Bytes → numbers; a malformed message is a workload error, never a panic.
pub fn decode(b: &[u8]) -> Result<Vec<u64>, RunError> {
    serde_json::from_slice(b).map_err(|e| RunError::Workload(format!("bad message: {e}")))
}

/// Item range `[lo, hi)` of part `i` of `parts` equal parts of `0..n`.
pub fn part(n: u64, parts: usize, i: usize) -> (u64, u64) {
    let parts = parts.max(1) as u64;
    let i = i as u64;
    (n * i / parts, n * (i + 1) / parts)
}
