// Ablations of the CPU lessons' hot loops, copied from crates/engine/src/workloads with
// variants (BENCHMARKS.md, "Why π, sum of squares and map-reduce stay over"); run.sh runs them.
#[inline(never)]
fn sum_a(lo: u64, hi: u64) -> u128 {
    // as the lesson: black_box per element, u128 sum
    let mut acc: u128 = 0;
    let mut i = lo;
    while i < hi {
        let x = std::hint::black_box(i);
        acc = acc.wrapping_add(x.wrapping_mul(x) as u128);
        i += 1;
    }
    acc
}
#[inline(never)]
fn sum_b(lo: u64, hi: u64) -> u64 {
    // black_box per element, u64 sum: no carry
    let mut acc: u64 = 0;
    let mut i = lo;
    while i < hi {
        let x = std::hint::black_box(i);
        acc = acc.wrapping_add(x.wrapping_mul(x));
        i += 1;
    }
    acc
}
#[inline(never)]
fn sum_c(lo: u64, hi: u64) -> u128 {
    // u128 sum with the carry, the opaque step a multiply by a black-boxed odd constant read once
    let k = std::hint::black_box(1u64);
    let mut acc: u128 = 0;
    let mut i = lo;
    while i < hi {
        let x = i.wrapping_mul(k);
        acc = acc.wrapping_add(x.wrapping_mul(x) as u128);
        i = i.wrapping_add(k);
    }
    acc
}
#[inline(never)]
fn sum_d(lo: u64, hi: u64) -> u128 {
    // as the lesson, the 128-bit sum kept as two u64 halves of each square (no carry per step;
    // the low halves fit while the range has under 2^32 elements)
    let (mut acc_lo, mut acc_hi) = (0u64, 0u64);
    let mut i = lo;
    while i < hi {
        let x = std::hint::black_box(i);
        let p = x.wrapping_mul(x);
        acc_lo += p & 0xFFFF_FFFF;
        acc_hi += p >> 32;
        i += 1;
    }
    ((acc_hi as u128) << 32) + acc_lo as u128
}
struct Sm(u64);
impl Sm {
    #[inline(always)]
    fn u(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    #[inline(always)]
    fn f(&mut self) -> f64 {
        ((self.u() >> 11) as i64) as f64 / (1u64 << 53) as f64
    }
}
#[inline(never)]
fn pi_a(seed: u64, n: u64) -> u64 {
    // as the lesson
    let mut r = Sm(seed);
    let mut inside = 0;
    for _ in 0..n {
        let (x, y) = (r.f(), r.f());
        if x * x + y * y <= 1.0 {
            inside += 1;
        }
    }
    inside
}
#[inline(never)]
fn pi_b(seed: u64, n: u64) -> u64 {
    // the draws only (two SplitMix64 steps per sample), no float
    let mut r = Sm(seed);
    let mut acc = 0u64;
    for _ in 0..n {
        acc ^= r.u() ^ r.u();
    }
    acc
}
#[inline(never)]
fn pi_c(seed: u64, n: u64) -> u64 {
    // as the lesson, the comparison branch-free
    let mut r = Sm(seed);
    let mut inside = 0;
    for _ in 0..n {
        let (x, y) = (r.f(), r.f());
        inside += (x * x + y * y <= 1.0) as u64;
    }
    inside
}
#[inline(never)]
fn pi_e(seed: u64, n: u64) -> u64 {
    // as the lesson, the conversion's operand not provably non-negative (xor with an opaque 0)
    let z = std::hint::black_box(0i64);
    let mut r = Sm(seed);
    let mut inside = 0;
    for _ in 0..n {
        let x = (((r.u() >> 11) as i64) ^ z) as f64 / (1u64 << 53) as f64;
        let y = (((r.u() >> 11) as i64) ^ z) as f64 / (1u64 << 53) as f64;
        if x * x + y * y <= 1.0 {
            inside += 1;
        }
    }
    inside
}
#[inline(never)]
fn sum_f(lo: u64, hi: u64) -> u128 {
    let mut acc: u128 = 0;
    let mut i = lo;
    let fast_hi = hi.min(1 << 31);
    while i + 4 <= fast_hi {
        let mut s: u64 = 0;
        for k in 0..4 {
            let x = std::hint::black_box(i + k);
            s += x * x;
        }
        acc += s as u128;
        i += 4;
    }
    while i < hi {
        let x = std::hint::black_box(i);
        acc = acc.wrapping_add(x.wrapping_mul(x) as u128);
        i += 1;
    }
    acc
}
#[inline(never)]
fn mr_a(seed: u64, lo: u64, hi: u64) -> u64 {
    // map-reduce's per-record loop as the lesson had it until 2026-12-07: two draws, `% 5` and
    // `% 1000`, a region's count and amount in two arrays
    let mut n = [0u64; 5];
    let mut amount = [0u64; 5];
    for j in lo..hi {
        let mut r = Sm(seed ^ j.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let i = (r.u() % 5) as usize;
        let a = 1 + r.u() % 1000;
        n[i] += 1;
        amount[i] += a;
    }
    n.iter().zip(amount.iter()).fold(0, |acc, (x, y)| acc ^ x.wrapping_add(*y))
}
#[inline(never)]
fn mr_b(seed: u64, lo: u64, hi: u64) -> u64 {
    // the same with the remainders replaced by masks (another distribution; cost only)
    let mut n = [0u64; 5];
    let mut amount = [0u64; 5];
    for j in lo..hi {
        let mut r = Sm(seed ^ j.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let i = (r.u() & 3) as usize;
        let a = 1 + (r.u() & 1023);
        n[i] += 1;
        amount[i] += a;
    }
    n.iter().zip(amount.iter()).fold(0, |acc, (x, y)| acc ^ x.wrapping_add(*y))
}
#[inline(never)]
fn mr_c(seed: u64, lo: u64, hi: u64) -> u64 {
    // the draws and remainders only, summed (no per-region arrays)
    let mut acc = 0u64;
    for j in lo..hi {
        let mut r = Sm(seed ^ j.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        acc = acc.wrapping_add(r.u() % 5).wrapping_add(1 + r.u() % 1000);
    }
    acc
}
#[inline(never)]
fn mr_d(seed: u64, lo: u64, hi: u64) -> u64 {
    // as the lesson now (crates/engine/src/workloads/mapreduce.rs, without its unpacking every
    // 2^20 records), each region's count and amount packed in one u64 (count << 40 | amount:
    // exact while a call sees fewer than 2^24 records): one load and store a record, not two
    let mut packed = [0u64; 5];
    for j in lo..hi {
        let mut r = Sm(seed ^ j.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let i = (r.u() % 5) as usize;
        let a = 1 + r.u() % 1000;
        packed[i] += (1 << 40) | a;
    }
    packed.iter().fold(0, |acc, p| acc ^ (p >> 40).wrapping_add(p & ((1 << 40) - 1)))
}
#[inline(never)]
fn mr_e(seed: u64, lo: u64, hi: u64) -> u64 {
    // as mr_d, in blocks of 64 records: the draws and remainders first, into a small buffer
    // (no read-modify-write), then the per-region sums
    let mut packed = [0u64; 5];
    let mut buf = [(0u32, 0u32); 64];
    let mut j = lo;
    while j < hi {
        let m = (hi - j).min(64) as usize;
        for (k, slot) in buf[..m].iter_mut().enumerate() {
            let mut r = Sm(seed ^ (j + k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let i = (r.u() % 5) as u32;
            let a = (1 + r.u() % 1000) as u32;
            *slot = (i, a);
        }
        for &(i, a) in &buf[..m] {
            packed[i as usize] += (1 << 40) | a as u64;
        }
        j += m as u64;
    }
    packed.iter().fold(0, |acc, p| acc ^ (p >> 40).wrapping_add(p & ((1 << 40) - 1)))
}
#[no_mangle]
pub extern "C" fn run(which: u32, n: u64) -> u64 {
    match which {
        0 => sum_a(1, n + 1) as u64,
        1 => sum_b(1, n + 1),
        2 => sum_c(1, n + 1) as u64,
        3 => pi_a(42, n),
        4 => pi_b(42, n),
        5 => pi_c(42, n),
        6 => sum_d(1, n + 1) as u64,
        7 => pi_e(42, n),
        8 => sum_f(1, n + 1) as u64,
        9 => mr_a(7, 0, n),
        10 => mr_b(7, 0, n),
        11 => mr_c(7, 0, n),
        12 => mr_d(7, 0, n),
        13 => mr_e(7, 0, n),
        _ => 0,
    }
}
