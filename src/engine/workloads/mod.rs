//! CPU workloads: plain sequential Rust functions over a chunk of input, each
//! with a reference implementation the tests compare against.

pub mod primes;
