//! Counting primes below a bound by trial division: embarrassingly parallel, but
//! chunks at higher numbers cost more, which is why lanes pull chunks
//! dynamically instead of splitting the range in equal halves.

use std::ops::{Add, AddAssign, Rem};

/// Is `n` prime? 6k±1 trial division; fast enough and branch-simple.
pub fn is_prime(n: u64) -> bool {
    // 32-bit division when the numbers fit (bounds up to 4·10⁹): several times
    // cheaper than 64-bit on x86. Natively LLVM already narrows 64-bit
    // divisions at run time when the operands fit; wasm engines do not, so
    // without this the wasm/native comparison would measure that, not the code.
    match u32::try_from(n) {
        Ok(small) => trial_division(small),
        Err(_) => trial_division(n),
    }
}

fn trial_division<T>(n: T) -> bool
where
    T: Copy + PartialOrd + From<u8> + Into<u64> + Rem<Output = T> + Add<Output = T> + AddAssign,
{
    let (zero, two, three, six) = (T::from(0), T::from(2), T::from(3), T::from(6));
    if n < T::from(4) {
        return n >= two;
    }
    if n % two == zero || n % three == zero {
        return false;
    }
    let mut d = T::from(5);
    // Compare against ⌊√n⌋ computed once: no d² (which may not fit T) per step.
    let limit = n.into().isqrt();
    while d.into() <= limit {
        if n % d == zero || n % (d + two) == zero {
            return false;
        }
        d += six;
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
