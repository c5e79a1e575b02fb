//! Counting primes below a bound by trial division: embarrassingly parallel, but
//! chunks at higher numbers cost more, which is why lanes pull chunks
//! dynamically instead of splitting the range in equal halves.

/// Is `n` prime? 6k±1 trial division; fast enough and branch-simple.
pub fn is_prime(n: u64) -> bool {
    match u32::try_from(n) {
        Ok(small) => is_prime_u32(small),
        Err(_) => is_prime_u64(n),
    }
}

/// The common case (bounds up to 4·10⁹) in 32-bit division, which is several
/// times cheaper than 64-bit on x86. Natively LLVM already narrows 64-bit
/// divisions at run time when the operands fit; wasm engines do not, so
/// without this the wasm/native comparison would measure that, not the code.
fn is_prime_u32(n: u32) -> bool {
    if n < 4 {
        return n >= 2;
    }
    if n % 2 == 0 || n % 3 == 0 {
        return false;
    }
    let mut d = 5u32;
    // d² in 64 bits: d can pass 65,535, whose square overflows u32.
    while (d as u64) * (d as u64) <= n as u64 {
        if n % d == 0 || n % (d + 2) == 0 {
            return false;
        }
        d += 6;
    }
    true
}

fn is_prime_u64(n: u64) -> bool {
    if n < 4 {
        return n >= 2;
    }
    if n % 2 == 0 || n % 3 == 0 {
        return false;
    }
    let mut d = 5u64;
    while d * d <= n {
        if n % d == 0 || n % (d + 2) == 0 {
            return false;
        }
        d += 6;
    }
    true
}

/// Primes in `[lo, hi)`.
///
/// Never inlined (see `workloads` docs): the hot loop must be its own wasm
/// function, called once per chunk, for V8 to swap in optimized code.
#[inline(never)]
pub fn count_range(lo: u64, hi: u64) -> u64 {
    (lo..hi).filter(|&n| is_prime(n)).count() as u64
}

/// Reference: a sieve of Eratosthenes, independent of `is_prime`.
pub fn count_sieve(bound: u64) -> u64 {
    let n = bound as usize;
    if n < 3 {
        return 0;
    }
    let mut composite = vec![false; n];
    let mut count = 0;
    for i in 2..n {
        if !composite[i] {
            count += 1;
            // checked: on wasm32 usize is 32 bits and i² overflows past 65,535.
            let mut j = i.checked_mul(i).unwrap_or(n);
            while j < n {
                composite[j] = true;
                j += i;
            }
        }
    }
    count
}

/// The `[lo, hi)` range of chunk `i` when `[0, bound)` is cut into `chunk`-sized pieces.
pub fn chunk_range(bound: u64, chunk: u64, i: usize) -> (u64, u64) {
    let lo = i as u64 * chunk;
    (lo, (lo + chunk).min(bound))
}

pub fn n_chunks(bound: u64, chunk: u64) -> usize {
    bound.div_ceil(chunk.max(1)) as usize
}
