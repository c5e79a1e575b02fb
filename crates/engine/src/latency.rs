//! Seeded latency and fault models for simulated requests.
//!
//! The generator is SplitMix64, written by hand on purpose: `python/simnet.py`,
//! which the lessons' Python listings import, reimplements it in five lines, so
//! CPython and the engine draw exactly the same latencies for the same seed and
//! their timelines can be compared request by request. A crate's generator
//! could not be mirrored that simply.

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for simulation.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1) with 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        // The value is below 2⁵³, so the conversion is exact either way. LLVM
        // knows it is non-negative and emits wasm's unsigned conversion despite
        // the `as i64` (a branch in V8); forcing the signed one measured no
        // faster (BENCHMARKS.md, "Why π, sum of squares and map-reduce stay over").
        ((self.next_u64() >> 11) as i64) as f64 / (1u64 << 53) as f64
    }
}

/// How long simulated requests take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LatencyModel {
    /// Always `ms`.
    Fixed,
    /// Uniform in [0.5·ms, 1.5·ms].
    Uniform,
    /// Log-normal with mean ms (σ = 0.8), capped at 20·ms: most requests are
    /// quick, a few are very slow, as on real networks.
    LongTail,
}

impl LatencyModel {
    pub const NAMES: &'static [&'static str] = &["fixed", "uniform", "longtail"];

    pub fn from_name(s: &str) -> Option<Self> {
        match s {
            "fixed" => Some(LatencyModel::Fixed),
            "uniform" => Some(LatencyModel::Uniform),
            "longtail" => Some(LatencyModel::LongTail),
            _ => None,
        }
    }

    /// Draws one latency (ms, rounded to 0.1 ms). Always consumes exactly two
    /// numbers so the fault draw that follows is aligned across models.
    pub fn sample(self, ms: f64, rng: &mut SplitMix64) -> f64 {
        let u1 = rng.next_f64();
        let u2 = rng.next_f64();
        let v = match self {
            LatencyModel::Fixed => ms,
            LatencyModel::Uniform => ms * (0.5 + u1),
            LatencyModel::LongTail => {
                const SIGMA: f64 = 0.8;
                // Box–Muller; 1-u1 keeps the log argument in (0, 1].
                let z = (-2.0 * (1.0 - u1).ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
                (ms * (SIGMA * z - SIGMA * SIGMA / 2.0).exp()).min(20.0 * ms)
            }
        };
        (v * 10.0).round() / 10.0
    }
}
