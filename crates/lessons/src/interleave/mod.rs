//! Interleavings: a small deterministic model of Python threads over shared
//! state, which a learner steps by hand and which searches explore for the
//! schedule that breaks the code.
//!
//! A [`Model`] is a few threads, each a straight sequence of [`Step`]s (with
//! jumps for `if` and `while`), over shared integer variables, locks (`Lock`,
//! `RLock`), semaphores, events, conditions and queues. A non-atomic Python
//! statement such as `counter += 1` becomes its read, add and write steps, each
//! tied to the line of the model's Python listing (`python/interleave/`) it
//! comes from. A *schedule* is the sequence of thread indices that took a step;
//! replaying it from the initial [`State`] is deterministic.
//!
//! The bug conditions are a failed final assert (`assert counter == 6`), a
//! deadlock (every unfinished thread blocked) and releasing a lock one does not
//! hold. Written by hand rather than with loom or shuttle: those run real Rust
//! threads natively, while this must run in the page, step by step, on models
//! of *Python* code.
//!
//! - [`model`]: the state and the step function;
//! - [`models`]: the built-in models and their listings;
//! - [`search`]: exhaustive and preemption-bounded depth-first search, time-sliced;
//! - [`pct`]: seeded randomized priority scheduling (PCT);
//! - [`codec`]: schedules as share-link strings, checked by replay;
//! - [`trace`]: a schedule as the playground's trace (one lane per thread).

pub mod codec;
pub mod model;
pub mod models;
pub mod pct;
pub mod search;
pub mod trace;

pub use model::{Blocked, Failure, Outcome, State};

/// Index of a thread in a model.
pub type Tid = usize;

/// One atomic step of a thread. Indices refer to the model's tables
/// (`vars`, `locks`, …); `reg` is a thread-local register (`tmp`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// `reg = var`
    Read { var: u8, reg: u8 },
    /// `reg = reg + k`
    Add { reg: u8, k: i64 },
    /// `var = reg`
    Write { var: u8, reg: u8 },
    /// `var += k` in one step (e.g. `list.append` under a lock: atomic in CPython).
    AddVar { var: u8, k: i64 },
    /// Go to step `to` if `reg <cmp> value` (an `if`/`while` test).
    JumpIf { reg: u8, cmp: Cmp, value: i64, to: u16 },
    /// Go to step `to` (the end of a `while` body).
    Jump { to: u16 },
    /// `lock.acquire()`: blocks while another thread holds it (or, for a
    /// plain `Lock`, while anyone, this thread included, holds it).
    Acquire { lock: u8 },
    /// `lock.release()`
    Release { lock: u8 },
    /// `sem.acquire()`: blocks while the count is 0.
    SemAcquire { sem: u8 },
    /// `sem.release()`
    SemRelease { sem: u8 },
    /// `event.set()`
    EventSet { ev: u8 },
    /// `event.wait()`: blocks until the event is set.
    EventWait { ev: u8 },
    /// `cond.wait()`, first half: release the condition's lock and wait to be notified.
    Wait { cond: u8 },
    /// `cond.wait()`, second half: take the lock back (blocks while it is held).
    Reacquire { cond: u8 },
    /// `cond.notify()` (`all: false`) or `cond.notify_all()`.
    Notify { cond: u8, all: bool },
    /// `q.put(reg)`: blocks while the queue is full.
    Put { queue: u8, reg: u8 },
    /// `reg = q.get()`: blocks while the queue is empty.
    Get { queue: u8, reg: u8 },
}

/// A comparison in a jump.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Ne,
}

impl Cmp {
    pub fn holds(self, a: i64, b: i64) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Ne => a != b,
        }
    }
}

/// One step of a thread: what it does, the listing line it comes from (1-based),
/// and how it reads (code-like text, the same in every language).
#[derive(Debug, Clone)]
pub struct Step {
    pub op: Op,
    pub line: u32,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Thread {
    pub name: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone)]
pub struct Var {
    pub name: &'static str,
    pub init: i64,
}

#[derive(Debug, Clone)]
pub struct LockDef {
    pub name: &'static str,
    /// `threading.RLock`: the owner may acquire it again.
    pub reentrant: bool,
}

#[derive(Debug, Clone)]
pub struct SemDef {
    pub name: &'static str,
    pub init: i64,
}

#[derive(Debug, Clone)]
pub struct CondDef {
    pub name: &'static str,
    /// The lock the condition wraps (`threading.Condition(lock)`).
    pub lock: u8,
}

#[derive(Debug, Clone)]
pub struct QueueDef {
    pub name: &'static str,
    /// `queue.Queue(maxsize)`; 0 = unbounded.
    pub maxsize: usize,
}

/// A final assert, checked once every thread has finished: `var == value`
/// (or `var >= value`).
#[derive(Debug, Clone)]
pub struct Check {
    pub var: u8,
    pub at_least: bool,
    pub value: i64,
    pub line: u32,
    pub text: String,
}

/// A model: its threads, its shared objects, its final asserts and its listing.
#[derive(Debug, Clone)]
pub struct Model {
    /// Stable id used in share links (`model=<id>`) and as the listing's file name.
    pub id: &'static str,
    /// The Python listing the steps' lines point into.
    pub listing: &'static str,
    pub vars: Vec<Var>,
    pub locks: Vec<LockDef>,
    pub sems: Vec<SemDef>,
    pub events: Vec<&'static str>,
    pub conds: Vec<CondDef>,
    pub queues: Vec<QueueDef>,
    pub threads: Vec<Thread>,
    pub checks: Vec<Check>,
    /// Registers per thread.
    pub regs: usize,
    /// The id of the other model of the pair (buggy ↔ correct).
    pub pair: &'static str,
    /// Whether some schedule breaks it (what the tests expect of the searches).
    pub buggy: bool,
}

impl Model {
    /// Steps of all threads: the length of the longest run when the model has no loops.
    pub fn total_steps(&self) -> usize {
        self.threads.iter().map(|t| t.steps.len()).sum()
    }
}
