//! SHA-256 over generated data: block `j` is `BLOCK_BYTES` bytes from its own
//! seeded SplitMix64 stream, each block is hashed with the `sha2` crate, and
//! the answer is the XOR of all block digests. XOR is order-free, so the
//! answer does not depend on the chunk size or on which thread hashed what;
//! `python/sha256.py` reproduces it with `hashlib`.

use super::montecarlo::chunk_seed;
use crate::latency::SplitMix64;
use sha2::{Digest, Sha256};

/// Bytes per generated block (512 SplitMix64 outputs, little-endian).
pub const BLOCK_BYTES: usize = 4096;

pub type Digest32 = [u8; 32];

/// Fills `buf` with block `j`'s bytes.
pub fn fill_block(seed: u64, j: u64, buf: &mut [u8; BLOCK_BYTES]) {
    let mut rng = SplitMix64::new(chunk_seed(seed, j));
    for word in buf.chunks_exact_mut(8) {
        word.copy_from_slice(&rng.next_u64().to_le_bytes());
    }
}

pub fn xor_into(acc: &mut Digest32, d: &Digest32) {
    for (a, b) in acc.iter_mut().zip(d) {
        *a ^= b;
    }
}

/// XOR of the digests of blocks `[lo, hi)`.
///
/// Never inlined (see `workloads` docs).
#[inline(never)]
pub fn hash_blocks(seed: u64, lo: u64, hi: u64) -> Digest32 {
    let mut buf = [0u8; BLOCK_BYTES];
    let mut acc = [0u8; 32];
    for j in lo..hi {
        fill_block(seed, j, &mut buf);
        let d: Digest32 = Sha256::digest(buf).into();
        xor_into(&mut acc, &d);
    }
    acc
}

/// Reference: one block at a time, in order, with a fresh buffer each time.
pub fn reference(seed: u64, blocks: u64) -> Digest32 {
    let mut acc = [0u8; 32];
    for j in 0..blocks {
        let mut buf = [0u8; BLOCK_BYTES];
        fill_block(seed, j, &mut buf);
        let mut h = Sha256::new();
        h.update(buf);
        let d: Digest32 = h.finalize().into();
        xor_into(&mut acc, &d);
    }
    acc
}

pub fn hex(d: &Digest32) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest's first 48 bits as a number (exact in an `f64`, for the page).
pub fn head48(d: &Digest32) -> u64 {
    d[..6].iter().fold(0, |acc, &b| (acc << 8) | b as u64)
}
