//! A deliberately tiny per-item workload: a few rounds of the SplitMix64
//! finalizer over the item's index, summed. The cost per item is a handful of
//! nanoseconds (times `rounds`), so cutting the items into very small chunks
//! makes the per-chunk overhead (taking a chunk, reading the clock, reporting
//! the result) visible next to the work itself.

/// The value of item `i` after `rounds` mixing rounds.
pub fn item(i: u64, rounds: u32) -> u64 {
    let mut z = i;
    for _ in 0..rounds.max(1) {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
    }
    z
}

/// Wrapping sum of `item(i)` over `[lo, hi)`. Never inlined (see `workloads`).
#[inline(never)]
pub fn mix_range(lo: u64, hi: u64, rounds: u32) -> u64 {
    (lo..hi).fold(0u64, |acc, i| acc.wrapping_add(item(i, rounds)))
}

/// Reference: the whole range in one go (same sum whatever the chunking,
/// because wrapping addition is associative and commutative).
pub fn checksum(items: u64, rounds: u32) -> u64 {
    mix_range(0, items, rounds)
}
