//! CPU workloads: plain sequential Rust functions over a chunk of input, each
//! with a reference implementation the tests compare against.
//!
//! Chunk functions are `#[inline(never)]`. V8 runs wasm first on a baseline
//! compiler and uses optimized code from a function's *next call* on (there is
//! no on-stack replacement for wasm). Inlined into a lane's loop, which is
//! called once per run, the hot loop would stay on baseline code for the whole
//! run; as its own function it is called per chunk and gets optimized early
//! (and `cpu::warm_up` calls the very same function).

pub mod busy;
pub mod fib;
pub mod mandelbrot;
pub mod mapreduce;
pub mod mix;
pub mod montecarlo;
pub mod primes;
pub mod sha256;
pub mod sumsq;

/// The `[lo, hi)` range of chunk `i` when `[0, len)` is cut into `chunk`-sized
/// pieces (the last one may be shorter). Every chunked lesson cuts its input so.
pub fn chunk_range(len: u64, chunk: u64, i: usize) -> (u64, u64) {
    let lo = i as u64 * chunk;
    (lo, (lo + chunk).min(len))
}

/// How many chunks [`chunk_range`] cuts `[0, len)` into.
pub fn n_chunks(len: u64, chunk: u64) -> usize {
    len.div_ceil(chunk.max(1)) as usize
}

/// `x % m` for a small modulus (`m < 2¹⁶`), computed with 32-bit operations
/// only; exactly `x % m as u64`. wasm has no 64-bit multiply-high, so LLVM
/// cannot turn a 64-bit remainder by a constant into multiplications there
/// and V8 runs a 64-bit `div` (native code gets the multiply trick). With
/// x = hi·2³² + lo, x ≡ (hi mod m)·(2³² mod m) + (lo mod m) (mod m), and
/// every product stays below m² + m < 2³².
#[inline(always)]
pub fn rem_u32(x: u64, m: u32) -> u32 {
    debug_assert!(m > 0 && m < 1 << 16);
    let k = ((1u64 << 32) % m as u64) as u32;
    let (hi, lo) = ((x >> 32) as u32 % m, x as u32 % m);
    (hi * k + lo) % m
}
