//! Naive recursive Fibonacci: a tree of calls, the classic fork-join example.
//!
//! Two ways to run it in parallel, and why the lesson sweeps only one:
//! - [`fib_join`]: `rayon::join` at every call above a sequential cutoff.
//!   Work stealing spreads the tree over *every* idle pool thread; in the
//!   browser there is exactly one pool, so this cannot be limited to k threads.
//! - [`split`] + [`fib_seq`]: cut the call tree at a depth into independent
//!   subtrees and let k lanes (`cpu::run_lanes`) pull them. That is honest at
//!   k threads, which is what a thread-count sweep needs. Calling `join` inside
//!   a lane would not be: idle pool threads would steal its halves, and a
//!   "1 thread" step would quietly use every core.
//!
//! The lesson sweeps the split version and times `fib_join` once on the whole
//! pool next to it.

/// fib(0) = 0, fib(1) = 1: plain recursion, the work being measured.
///
/// Never inlined at the top (see `workloads` docs); it recurses anyway.
#[inline(never)]
pub fn fib_seq(n: u32) -> u64 {
    if n < 2 {
        n as u64
    } else {
        fib_seq(n - 1) + fib_seq(n - 2)
    }
}

/// Fork-join: both subcalls via `rayon::join` until `n <= cutoff`, then
/// sequential (below it a task costs more to schedule than to compute).
pub fn fib_join(n: u32, cutoff: u32) -> u64 {
    if n <= cutoff.max(1) {
        return fib_seq(n);
    }
    let (a, b) = rayon::join(|| fib_join(n - 1, cutoff), || fib_join(n - 2, cutoff));
    a + b
}

/// Reference: iterative, O(n). Exact for n ≤ 93.
pub fn fib_iter(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        (a, b) = (b, a.wrapping_add(b));
    }
    a
}

/// The arguments of the calls `depth` levels below `fib(n)`, in call order
/// (calls with n < 2 end the tree earlier and are kept as they are). Their
/// fibs add up to fib(n). At most 2^depth of them.
pub fn split(n: u32, depth: u32) -> Vec<u32> {
    let mut level = vec![n];
    for _ in 0..depth {
        let mut next = Vec::with_capacity(level.len() * 2);
        for &m in &level {
            if m < 2 {
                next.push(m);
            } else {
                next.push(m - 1);
                next.push(m - 2);
            }
        }
        level = next;
    }
    level
}
