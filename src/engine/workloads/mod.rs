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
