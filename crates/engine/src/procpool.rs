//! A pool of *processes*: workers that share nothing with the caller, as
//! `multiprocessing` / `ProcessPoolExecutor` has them. What each process is
//! sent is bytes (the pickle analog, [`Task::encode`]), copied into it; what
//! it sends back is bytes, copied out. Starting a process and each copy are
//! real costs the lessons measure and draw.
//!
//! The engine only sees the [`ProcessPool`] trait (for CPU lessons, in
//! [`crate::cpu::CpuCtx::processes`]) and [`AsyncProcessPool`] (for async lessons, a
//! runtime's [`crate::caps::Caps::processes`]). The page's is N dedicated Web
//! Workers, each instantiating the app's wasm module with its own fresh
//! memory, fed by `postMessage` (`web::services::process_pool`). Natively,
//! [`ThreadProcesses`]: OS threads that own their buffers (inputs and outputs
//! really copied), so native tests run the lessons too. What a process runs is
//! [`serve`], the same code in both.

use super::cpu::CpuCtx;
use super::workloads::busy::spin_range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

/// The error text of a pool run cut short by Stop.
pub const STOPPED: &str = "stopped";

/// What one process is asked to do (one `ex.map` item).
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    /// `python/gil.py`'s `work((lo, hi, rounds))`: the checksum of a range.
    SpinRange { lo: u64, hi: u64, rounds: u32 },
    /// Compute for `ms` (busy, on the process's own clock) over `input`
    /// (a job's data, which must be copied to the process): its byte sum.
    Compute { ms: f64, input: Vec<u8> },
    /// The chooser's job in a process: wait `io_ms` (a fetch: the process
    /// sleeps), then compute `cpu_ms` over `input`.
    Job { io_ms: f64, cpu_ms: f64, input: Vec<u8> },
}

impl Task {
    /// Bytes as sent to a process: a tag, then little-endian fields, then the
    /// input as is. Written by hand rather than with serde_json (the crate's
    /// format): a task is at most three numbers and a byte tail, and JSON
    /// would turn a job's 100 KB input into ~400 KB of text to copy, which is
    /// not what pickle sends for `bytes`.
    pub fn encode(&self) -> Vec<u8> {
        match self {
            Task::SpinRange { lo, hi, rounds } => {
                let mut b = vec![1u8];
                b.extend(lo.to_le_bytes());
                b.extend(hi.to_le_bytes());
                b.extend(rounds.to_le_bytes());
                b
            }
            Task::Compute { ms, input } => {
                let mut b = Vec::with_capacity(9 + input.len());
                b.push(2u8);
                b.extend(ms.to_le_bytes());
                b.extend_from_slice(input);
                b
            }
            Task::Job { io_ms, cpu_ms, input } => {
                let mut b = Vec::with_capacity(17 + input.len());
                b.push(3u8);
                b.extend(io_ms.to_le_bytes());
                b.extend(cpu_ms.to_le_bytes());
                b.extend_from_slice(input);
                b
            }
        }
    }

    /// The inverse of [`Task::encode`]; malformed bytes are an error, never a panic.
    pub fn decode(b: &[u8]) -> Result<Task, String> {
        let u64_at = |i: usize| b.get(i..i + 8).map(|s| u64::from_le_bytes(s.try_into().unwrap_or([0; 8])));
        match b.first() {
            Some(1) if b.len() == 21 => {
                let rounds = b.get(17..21).map(|s| u32::from_le_bytes(s.try_into().unwrap_or([0; 4])));
                match (u64_at(1), u64_at(9), rounds) {
                    (Some(lo), Some(hi), Some(rounds)) => Ok(Task::SpinRange { lo, hi, rounds }),
                    _ => Err("bad task: short spin range".into()),
                }
            }
            Some(2) if b.len() >= 9 => Ok(Task::Compute { ms: f64::from_bits(u64_at(1).unwrap_or(0)), input: b[9..].to_vec() }),
            Some(3) if b.len() >= 17 => Ok(Task::Job {
                io_ms: f64::from_bits(u64_at(1).unwrap_or(0)),
                cpu_ms: f64::from_bits(u64_at(9).unwrap_or(0)),
                input: b[17..].to_vec(),
            }),
            _ => Err(format!("bad task: {} bytes, tag {:?}", b.len(), b.first())),
        }
    }
}

/// Runs one task inside a process: decode, compute, encode the result (8
/// bytes, a little-endian u64). `clock` is the process's clock in ms.
pub fn serve(input: &[u8], clock: &dyn Fn() -> f64) -> Result<Vec<u8>, String> {
    if matches!(input.first(), Some(4 | 5)) {
        return super::procinit::serve(input);
    }
    let out = match Task::decode(input)? {
        Task::SpinRange { lo, hi, rounds } => spin_range(lo, hi, rounds),
        Task::Compute { ms, input } => {
            let end = clock() + ms;
            let sum = input.iter().fold(0u64, |a, &x| a.wrapping_add(x as u64));
            // Busy on purpose: this is the job's computing, in the process.
            while clock() < end {
                std::hint::spin_loop();
            }
            sum
        }
        Task::Job { io_ms, cpu_ms, input } => {
            if io_ms > 0.0 {
                // The fetch: this process waits (an atomic wait in a worker).
                std::thread::sleep(std::time::Duration::from_secs_f64(io_ms / 1000.0));
            }
            return serve(&Task::Compute { ms: cpu_ms, input }.encode(), clock);
        }
    };
    Ok(out.to_le_bytes().to_vec())
}

/// The u64 in a process's 8-byte answer.
pub fn answer(b: &[u8]) -> Result<u64, String> {
    b.try_into().map(u64::from_le_bytes).map_err(|_| format!("bad answer: {} bytes", b.len()))
}

/// One process of a pool run, times on the caller's clock (ms).
#[derive(Debug, Clone, PartialEq)]
pub struct ProcRun {
    /// Which process of the pool ran it.
    pub process: usize,
    /// Asked to start (the parent creates it).
    pub spawned: f64,
    /// Started: its own memory set up, its code loaded, ready for work.
    pub ready: f64,
    /// The parent sends the input (the copy starts).
    pub sent: f64,
    /// The process has its copy and starts computing.
    pub received: f64,
    /// Done computing; it sends the answer back (the copy starts).
    pub done: f64,
    /// The parent has the answer.
    pub back: f64,
    pub bytes_in: usize,
    pub output: Vec<u8>,
    /// The process's own memory, bytes (where the host can tell).
    pub memory_bytes: Option<f64>,
    /// Whether the process could read the caller's [`mark`] (a process with
    /// its own memory cannot); `None` where the host cannot tell.
    pub saw_mark: Option<bool>,
}

impl ProcRun {
    /// The same run with every time moved by `by` ms (onto another clock).
    pub fn shifted(mut self, by: f64) -> ProcRun {
        for t in [&mut self.spawned, &mut self.ready, &mut self.sent, &mut self.received, &mut self.done, &mut self.back] {
            *t += by;
        }
        self
    }
}

/// A pool of processes that share nothing with the caller.
pub trait ProcessPool: Send + Sync {
    /// `with ProcessPoolExecutor(len(inputs)) as ex: ex.map(work, inputs)`:
    /// starts one process per input, sends input `i` to process `i` (a copy),
    /// waits for every answer (a copy back), ends the processes. Blocks the
    /// calling (pool) thread, never the page's. Stop (`ctx.cancel`) ends the
    /// processes and returns `Err(STOPPED)`.
    fn map(&self, ctx: &CpuCtx<'_>, inputs: Vec<Vec<u8>>) -> Result<Vec<ProcRun>, String>;
}

/// A process pool for async lessons (on the page's event loop; the page's is
/// the same Web Workers). `map` starts `workers` processes, runs `inputs` in
/// order (a free process takes the next one), ends the processes; answers
/// come in input order, with the pool's clock read at the end (to shift its
/// times onto the run's). Dropping the future (Stop) ends the processes.
pub trait AsyncProcessPool {
    fn map(&self, workers: usize, inputs: Vec<Vec<u8>>) -> futures::future::LocalBoxFuture<'static, Result<(Vec<ProcRun>, f64), String>>;
    /// As `map`, but all `workers` processes start (as `Pool(workers)` starts
    /// them, items or not), each first running `start` (a
    /// [`super::procinit::PoolTask::Start`]) as part of its start-up; also
    /// answers every process's start, in process order.
    #[allow(clippy::type_complexity)]
    fn map_started(
        &self,
        workers: usize,
        start: Option<Vec<u8>>,
        inputs: Vec<Vec<u8>>,
    ) -> futures::future::LocalBoxFuture<'static, Result<(Vec<ProcRun>, Vec<super::procinit::ProcStart>, f64), String>>;
}

static MARK: AtomicU64 = AtomicU64::new(0);

/// A value the caller's memory holds (set by [`set_mark`]); a process with
/// its own fresh memory reads 0.
pub fn mark() -> u64 {
    MARK.load(Ordering::SeqCst)
}

pub fn set_mark(v: u64) {
    MARK.store(v, Ordering::SeqCst);
}

/// The native host: one OS thread per process, which owns its copy of the
/// input and hands back its own buffer (copied again on receipt). Threads do
/// share an address space, so `saw_mark` is `None`: only the page's workers
/// prove separation.
pub struct ThreadProcesses;

impl ProcessPool for ThreadProcesses {
    fn map(&self, ctx: &CpuCtx<'_>, inputs: Vec<Vec<u8>>) -> Result<Vec<ProcRun>, String> {
        std::thread::scope(|s| {
            let handles: Vec<_> = inputs
                .iter()
                .map(|input| {
                    let spawned = ctx.now();
                    let (to_proc, inbox) = mpsc::channel::<Vec<u8>>();
                    let (ready_tx, ready_rx) = mpsc::channel::<f64>();
                    let h = s.spawn(move || {
                        let _ = ready_tx.send(ctx.now());
                        let got = inbox.recv().map_err(|_| "the parent went away".to_owned())?;
                        let received = ctx.now();
                        let out = serve(&got, &|| ctx.now())?;
                        Ok::<_, String>((received, ctx.now(), out))
                    });
                    (spawned, to_proc, ready_rx, h, input)
                })
                .collect();
            let mut runs = Vec::new();
            for (spawned, to_proc, ready_rx, h, input) in handles {
                let ready = ready_rx.recv().unwrap_or(spawned);
                let sent = ctx.now();
                // A real copy: the process gets its own buffer.
                let _ = to_proc.send(input.to_vec());
                runs.push((spawned, ready, sent, input.len(), h));
            }
            let mut out = Vec::new();
            for (spawned, ready, sent, bytes_in, h) in runs {
                let (received, done, output) = h.join().map_err(|_| "a process died".to_owned())??;
                let output = output.to_vec();
                out.push(ProcRun {
                    process: out.len(),
                    spawned,
                    ready,
                    sent,
                    received,
                    done,
                    back: ctx.now(),
                    bytes_in,
                    output,
                    memory_bytes: None,
                    saw_mark: None,
                });
            }
            if ctx.cancelled() {
                return Err(STOPPED.to_owned());
            }
            Ok(out)
        })
    }
}
