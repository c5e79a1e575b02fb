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
