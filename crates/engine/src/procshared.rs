//! State shared between processes, as `multiprocessing` has it: a `Value` in
//! shared memory (memory both processes map) or a `Manager` proxy (the value
//! lives in a manager process; every access is a message there and back).
//! The engine sees only [`SharedHost`], a runtime's
//! [`crate::caps::Caps::shared`]; the page's (`web::services::shared_procs`) starts Web Worker processes and hands them one
//! `SharedArrayBuffer` (shared) or a `MessagePort` each to a manager worker
//! (manager). Hosts without one (native tests) leave the lesson to its model.

/// What each process does: `increments` times `v.value += 1` (a read, then a
/// write), under the value's lock or not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SharedSpec {
    pub procs: usize,
    pub increments: u32,
    /// Through a manager process (a proxy) instead of shared memory.
    pub manager: bool,
    /// Nothing shared: each process adds to its own module-level global
    /// ([`plain_add`]) and stores it in its own plain dict ([`plain_store`]).
    pub plain: bool,
    /// `with lock:` around each increment.
    pub lock: bool,
}

/// One process of a shared run, times on the host's clock (ms).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SharedProc {
    pub spawned: f64,
    pub ready: f64,
    /// Its loop of increments began and ended.
    pub start: f64,
    pub end: f64,
    /// Plain mode: the global as this process read it after its loop.
    pub saw: Option<f64>,
}

/// A finished run: the value as the parent reads it at the end, each
/// process's times, and the host's clock read at the end (to shift the times
/// onto the run's clock).
#[derive(Debug, Clone, PartialEq)]
pub struct SharedRun {
    pub value: f64,
    /// Plain mode: the keys of the parent's own dict, read after the join.
    pub parent_keys: Option<f64>,
    pub procs: Vec<SharedProc>,
    pub now: f64,
}

pub trait SharedHost {
    /// Starts the processes (and the manager), runs the increments, reads the
    /// value, ends every process. Dropping the future (Stop) ends them too.
    fn run(&self, spec: SharedSpec) -> futures::future::LocalBoxFuture<'static, Result<SharedRun, String>>;
}

/// A module-level global (`COUNTER = 0` in the listing) and a plain dict
/// (`SEEN = {}`): ordinary statics of this wasm instance. Each process (a
/// Web Worker with its own instance and memory) has its own; threads of one
/// instance (the page and its rayon pool) would share them, as CPython's do.
static GLOBAL: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
static DICT: std::sync::Mutex<std::collections::BTreeMap<&'static str, i64>> = std::sync::Mutex::new(std::collections::BTreeMap::new());

/// `COUNTER += 1`: a read, then a write, of this instance's global.
pub fn plain_add() {
    use std::sync::atomic::Ordering::SeqCst;
    let v = GLOBAL.load(SeqCst);
    GLOBAL.store(v + 1, SeqCst);
}

/// `SEEN["x"] = COUNTER`: the global as this process sees it, stored in its dict.
pub fn plain_store() -> i64 {
    let v = GLOBAL.load(std::sync::atomic::Ordering::SeqCst);
    if let Ok(mut d) = DICT.lock() {
        d.insert("x", v);
    }
    v
}

/// This instance's global and how many keys its dict has.
pub fn plain_read() -> (i64, usize) {
    (GLOBAL.load(std::sync::atomic::Ordering::SeqCst), DICT.lock().map_or(0, |d| d.len()))
}
