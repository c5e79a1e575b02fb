//! Sum of squares 1² + 2² + … + n², exactly (u128), chunk by chunk. The answer
//! has a closed form, n(n+1)(2n+1)/6, so every run checks itself.
//!
//! The loop goes through [`std::hint::black_box`] once per element: LLVM's
//! scalar evolution would otherwise turn `Σ i²` into that very closed form and
//! the "workload" would take no time at all (it does, natively and in wasm).

/// Σ i² for i in `[lo, hi)`, for `hi` ≤ 2³² (the lesson bounds n at 2·10⁹):
/// then i² fits a u64, and only the running sum needs 128 bits. wasm has
/// no 64×64→128 multiply, so squaring in u128 would cost several multiplies.
///
/// Never inlined (see `workloads` docs).
#[inline(never)]
pub fn sum_range(lo: u64, hi: u64) -> u128 {
    let mut acc: u128 = 0;
    let mut i = lo;
    while i < hi {
        let x = std::hint::black_box(i);
        acc = acc.wrapping_add(x.wrapping_mul(x) as u128);
        i += 1;
    }
    acc
}

/// Reference: n(n+1)(2n+1)/6 = Σ i² for i in 1..=n (fits u128 for n < 2^40).
pub fn closed_form(n: u64) -> u128 {
    let n = n as u128;
    n * (n + 1) * (2 * n + 1) / 6
}

/// Chunk `i` of `1..=n` cut into `chunk`-sized pieces, as `[lo, hi)`; there
/// are [`super::n_chunks`]`(n, chunk)` of them.
pub fn chunk_range(n: u64, chunk: u64, i: usize) -> (u64, u64) {
    let (lo, hi) = super::chunk_range(n, chunk, i);
    (lo + 1, hi + 1)
}

/// The last nine decimal digits: exact in an `f64` (the full sum is not).
pub fn last9(v: u128) -> u64 {
    (v % 1_000_000_000) as u64
}
