//! Map-reduce over generated sales records: record `j` gets a region and an
//! amount from its own seeded stream; each chunk *maps* its records
//! into per-region totals, and the *reduce* merges those maps. Totals are
//! integers, so any merge order gives exactly the same answer, which
//! `python/mapreduce.py` reproduces.

use super::montecarlo::chunk_seed;
use crate::engine::latency::SplitMix64;
use std::collections::BTreeMap;

pub const REGIONS: [&str; 5] = ["north", "south", "east", "west", "online"];

/// Per-region totals: (records, amount).
pub type Totals = BTreeMap<&'static str, (u64, u64)>;

/// Record `j`: (region, amount in whole currency units, 1..=1000).
pub fn record(seed: u64, j: u64) -> (&'static str, u64) {
    let mut rng = SplitMix64::new(chunk_seed(seed, j));
    let region = REGIONS[(rng.next_u64() % REGIONS.len() as u64) as usize];
    (region, 1 + rng.next_u64() % 1000)
}

/// Map: totals of records `[lo, hi)`.
///
/// Never inlined (see `workloads` docs).
#[inline(never)]
pub fn map_range(seed: u64, lo: u64, hi: u64) -> Totals {
    let mut t = Totals::new();
    for j in lo..hi {
        let (region, amount) = record(seed, j);
        let e = t.entry(region).or_insert((0, 0));
        e.0 += 1;
        e.1 += amount;
    }
    t
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
        let (region, c) = record(seed, j);
        if let Some(i) = REGIONS.iter().position(|r| *r == region) {
            n[i] += 1;
            amount[i] += c;
        }
    }
    REGIONS.iter().enumerate().filter(|(i, _)| n[*i] > 0).map(|(i, r)| (*r, (n[i], amount[i]))).collect()
}
