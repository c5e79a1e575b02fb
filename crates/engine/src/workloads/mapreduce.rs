//! Map-reduce over generated sales records: record `j` gets a region and an
//! amount from its own seeded stream; each chunk *maps* its records
//! into per-region totals, and the *reduce* merges those maps. Totals are
//! integers, so any merge order gives exactly the same answer, which
//! `python/mapreduce.py` reproduces.

use super::montecarlo::chunk_seed;
use crate::latency::SplitMix64;
use std::collections::BTreeMap;

pub const REGIONS: [&str; 5] = ["north", "south", "east", "west", "online"];

/// Per-region totals: (records, amount).
pub type Totals = BTreeMap<&'static str, (u64, u64)>;

/// Record `j`: (index into [`REGIONS`], amount in whole currency units, 1..=1000).
/// The remainders are `next_u64() % 5` and `% 1000`: plain 64-bit remainders
/// by constants, which LLVM (natively) and V8 (from wasm's `i64.rem_u`) both
/// turn into multiplications. A 32-bit rewrite of them (six 32-bit remainders
/// instead of two) was 1.8x slower in Chromium: BENCHMARKS.md, map-reduce.
#[inline(always)]
pub fn record_index(seed: u64, j: u64) -> (usize, u64) {
    let mut rng = SplitMix64::new(chunk_seed(seed, j));
    let region = (rng.next_u64() % REGIONS.len() as u64) as usize;
    (region, 1 + rng.next_u64() % 1000)
}

/// Map: totals of records `[lo, hi)`. Counted per region index in the loop
/// (a map lookup per record would compare region names) and turned into a
/// map once per chunk. A region's count and amount share one `u64` in the loop
/// (`count << PACK | amount`, unpacked every `BLOCK` records, so neither field
/// can overflow into the other): one load and store a record instead of two,
/// which V8 (spilling this loop's counters to the stack) needs more than LLVM
/// does: BENCHMARKS.md, "Why π, sum of squares and map-reduce stay over".
///
/// Never inlined (see `workloads` docs).
#[inline(never)]
pub fn map_range(seed: u64, lo: u64, hi: u64) -> Totals {
    const PACK: u32 = 40; // amounts of a block: below BLOCK × 1000 < 2^30 < 2^40
    const BLOCK: u64 = 1 << 20; // counts of a block: at most 2^20 < 2^(64 - 40)
    let mut n = [0u64; REGIONS.len()];
    let mut amount = [0u64; REGIONS.len()];
    let mut start = lo;
    while start < hi {
        let end = hi.min(start.saturating_add(BLOCK));
        let mut packed = [0u64; REGIONS.len()];
        for j in start..end {
            let (i, a) = record_index(seed, j);
            packed[i] += (1 << PACK) | a;
        }
        for (i, p) in packed.iter().enumerate() {
            n[i] += p >> PACK;
            amount[i] += p & ((1 << PACK) - 1);
        }
        start = end;
    }
    totals(&n, &amount)
}

/// Per-index counts and amounts as totals (regions with no record left out).
fn totals(n: &[u64; REGIONS.len()], amount: &[u64; REGIONS.len()]) -> Totals {
    REGIONS.iter().enumerate().filter(|(i, _)| n[*i] > 0).map(|(i, r)| (*r, (n[i], amount[i]))).collect()
}

/// Reduce: adds `part` into `acc`.
pub fn merge(acc: &mut Totals, part: &Totals) {
    for (region, (n, amount)) in part {
        let e = acc.entry(region).or_insert((0, 0));
        e.0 += n;
        e.1 += amount;
    }
}

/// Reference: one pass over every record, no maps to merge.
pub fn reference(seed: u64, records: u64) -> Totals {
    let mut n = [0u64; REGIONS.len()];
    let mut amount = [0u64; REGIONS.len()];
    for j in 0..records {
        let mut rng = SplitMix64::new(chunk_seed(seed, j));
        let i = (rng.next_u64() % REGIONS.len() as u64) as usize;
        n[i] += 1;
        amount[i] += 1 + rng.next_u64() % 1000;
    }
    totals(&n, &amount)
}
