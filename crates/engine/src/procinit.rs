//! A pool's `initializer` and a module-level global, as `multiprocessing.Pool`
//! has them. `python/mpqueue.py`'s pool workers compute `i * MULT`, where
//! `MULT` is a global that either the pool's initializer sets in each new
//! process (`Pool(initializer=init, initargs=(2,))`, counted) or the parent
//! sets in its own module (`MULT = 2` in the parent): a forked process
//! starts with a copy of it, a spawned one (spawn, forkserver) imports the
//! module afresh and finds no `MULT` at all: `NameError`.
//!
//! Here the global is a static of the wasm instance, so each process (a Web
//! Worker with its own instance and memory) has its own: a process's
//! [`Start`](PoolTask::Start) runs once as it starts (before its ready
//! answer), copying the parent's value in (`inherit`: what fork does) and/or
//! running the initializer (`init`: counted in [`INIT_CALLS`]); then each
//! [`Chunk`](PoolTask::Chunk) reads the process's own `MULT`. Tags 4 and 5 of
//! the bytes a process is sent ([`crate::procpool::serve`] hands them here).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::SeqCst};

static MULT: AtomicU64 = AtomicU64::new(0);
static MULT_SET: AtomicBool = AtomicBool::new(false);
/// How many times this instance ran the initializer.
static INIT_CALLS: AtomicU64 = AtomicU64::new(0);

/// What CPython says when a process reads a global it never had.
pub const NAME_ERROR: &str = "NameError: name 'MULT' is not defined";

/// `MULT = v` in this instance (the parent's own global).
pub fn set_mult(v: Option<u64>) {
    MULT.store(v.unwrap_or(0), SeqCst);
    MULT_SET.store(v.is_some(), SeqCst);
}

/// This instance's `MULT`, if it has one.
pub fn mult() -> Option<u64> {
    MULT_SET.load(SeqCst).then(|| MULT.load(SeqCst))
}

/// A pool task with an initializer and a global.
#[derive(Debug, Clone, PartialEq)]
pub enum PoolTask {
    /// As the process starts: take the parent's `MULT` (fork's copy), then
    /// run the initializer `init(mult)` (sets `MULT`, counts the call).
    Start { inherit: Option<u64>, init: Option<u64> },
    /// Items `first .. first + count` (one `Pool.map` chunk): read `MULT`,
    /// wait `io_ms` (the listing's sleep), answer the sum of `i * MULT`.
    Chunk { io_ms: f64, first: u32, count: u32, input: Vec<u8> },
}

impl PoolTask {
    pub fn encode(&self) -> Vec<u8> {
        match self {
            PoolTask::Start { inherit, init } => {
                let mut b = vec![5u8, u8::from(inherit.is_some()) | (u8::from(init.is_some()) << 1)];
                b.extend(inherit.unwrap_or(0).to_le_bytes());
                b.extend(init.unwrap_or(0).to_le_bytes());
                b
            }
            PoolTask::Chunk { io_ms, first, count, input } => {
                let mut b = Vec::with_capacity(17 + input.len());
                b.push(4u8);
                b.extend(io_ms.to_le_bytes());
                b.extend(first.to_le_bytes());
                b.extend(count.to_le_bytes());
                b.extend_from_slice(input);
                b
            }
        }
    }

    /// The inverse of [`PoolTask::encode`]; malformed bytes are an error.
    pub fn decode(b: &[u8]) -> Result<PoolTask, String> {
        let u64_at = |i: usize| b.get(i..i + 8).and_then(|s| s.try_into().ok()).map(u64::from_le_bytes);
        let u32_at = |i: usize| b.get(i..i + 4).and_then(|s| s.try_into().ok()).map(u32::from_le_bytes);
        match (b.first(), b.get(1)) {
            (Some(5), Some(&flags)) if b.len() == 18 && flags < 4 => Ok(PoolTask::Start {
                inherit: (flags & 1 == 1).then(|| u64_at(2).unwrap_or(0)),
                init: (flags & 2 == 2).then(|| u64_at(10).unwrap_or(0)),
            }),
            (Some(4), _) if b.len() >= 17 => Ok(PoolTask::Chunk {
                io_ms: f64::from_bits(u64_at(1).unwrap_or(0)),
                first: u32_at(9).unwrap_or(0),
                count: u32_at(13).unwrap_or(0),
                input: b[17..].to_vec(),
            }),
            _ => Err(format!("bad pool task: {} bytes, tag {:?}", b.len(), b.first())),
        }
    }
}

/// Runs a [`PoolTask`] in this process. Start answers the initializer calls
/// so far; a chunk answers `Σ i * MULT` and the initializer calls (16 bytes),
/// or [`NAME_ERROR`] where this process has no `MULT`.
pub fn serve(input: &[u8]) -> Result<Vec<u8>, String> {
    match PoolTask::decode(input)? {
        PoolTask::Start { inherit, init } => {
            if inherit.is_some() {
                set_mult(inherit);
            }
            if let Some(m) = init {
                set_mult(Some(m));
                INIT_CALLS.fetch_add(1, SeqCst);
            }
            Ok(INIT_CALLS.load(SeqCst).to_le_bytes().to_vec())
        }
        PoolTask::Chunk { io_ms, first, count, .. } => {
            // Read first, as `work` does: a process without MULT fails before its sleep.
            let m = mult().ok_or(NAME_ERROR)?;
            if io_ms > 0.0 {
                std::thread::sleep(std::time::Duration::from_secs_f64(io_ms / 1000.0));
            }
            let sum: u64 = (first as u64..first as u64 + count as u64).map(|i| i.wrapping_mul(m)).fold(0, u64::wrapping_add);
            let mut out = sum.to_le_bytes().to_vec();
            out.extend(INIT_CALLS.load(SeqCst).to_le_bytes());
            Ok(out)
        }
    }
}

/// A chunk's answer: `(Σ i * MULT, initializer calls in that process)`.
pub fn chunk_answer(b: &[u8]) -> Result<(u64, u64), String> {
    match (b.get(0..8).and_then(|s| s.try_into().ok()), b.get(8..16).and_then(|s| s.try_into().ok())) {
        (Some(s), Some(c)) if b.len() == 16 => Ok((u64::from_le_bytes(s), u64::from_le_bytes(c))),
        _ => Err(format!("bad chunk answer: {} bytes", b.len())),
    }
}

/// One process of a pool started with a [`PoolTask::Start`]: when it was
/// asked to start and was ready (the host's clock), and its start's answer
/// (the initializer calls it had made by then), where it ran one.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcStart {
    pub spawned: f64,
    pub ready: f64,
    pub init_calls: Option<u64>,
}
