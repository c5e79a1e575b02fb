//! Small random concurrent programs, run on the engine and on CPython's
//! asyncio, whose event logs must agree: the differential test of the
//! engine's scheduling and primitives against the real thing.
//!
//! A [`Program`] is a few tasks, each a list of [`Step`]s over semaphores,
//! locks, events, conditions, queues and barriers, with sleeps (including `sleep(0)`).
//! [`run::run_engine`] interprets it on the virtual clock with the traced
//! primitives; `python/tools/diffprog.py` interprets the same JSON on CPython
//! asyncio with an event loop on virtual time (deterministic and instant).
//! Both print one log line per finished step (time, task, what happened:
//! which task acquired what, which item it got, who woke), `done` per task,
//! and the tasks left hanging at the end. [`minimize`] shrinks a program that
//! disagrees, step by step and task by task, while it still disagrees.

#[cfg(not(target_arch = "wasm32"))]
pub mod cpython;
pub mod run;

use concurrency_playground::engine::latency::SplitMix64;
use serde::{Deserialize, Serialize};

/// When every task should long be done; what is still blocked then hangs.
/// Below asyncio's 86 400-unit select cap, so the loop reaches it in one jump.
pub const HORIZON_MS: f64 = 50_000.0;

/// One step of a task. Indices name a resource of that kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Step {
    /// `await asyncio.sleep(ms)` (0 yields).
    Sleep {
        ms: f64,
    },
    SemAcquire {
        i: usize,
    },
    SemRelease {
        i: usize,
    },
    LockAcquire {
        i: usize,
    },
    LockRelease {
        i: usize,
    },
    Set {
        i: usize,
    },
    Clear {
        i: usize,
    },
    Wait {
        i: usize,
    },
    /// `async with cond: await cond.wait()`.
    CondWait {
        i: usize,
    },
    /// `async with cond: cond.notify(n)`; `n == 0` is `notify_all()`.
    Notify {
        i: usize,
        n: usize,
    },
    Put {
        i: usize,
        item: u32,
    },
    Get {
        i: usize,
    },
    /// `await barrier.wait()`.
    BarrierWait {
        i: usize,
    },
}

/// Resources and tasks. `sems[i]` is a semaphore's initial value, `queues[i]`
/// a queue's maxsize (≥ 1), `barriers[i]` a barrier's parties (≥ 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Program {
    pub sems: Vec<usize>,
    pub locks: usize,
    pub events: usize,
    pub conds: usize,
    pub queues: Vec<usize>,
    #[serde(default)]
    pub barriers: Vec<usize>,
    pub tasks: Vec<Vec<Step>>,
}

impl Program {
    pub fn steps(&self) -> usize {
        self.tasks.iter().map(Vec::len).sum()
    }
}

fn pick(rng: &mut SplitMix64, n: usize) -> usize {
    (rng.next_u64() % n.max(1) as u64) as usize
}

/// A random program from `seed`: 2–4 tasks of 1–6 steps, 1–2 resources of
/// each kind; sleeps are multiples of 0.5 ms (exact in binary, so both sides
/// add times without rounding) and a quarter of them are `sleep(0)`.
pub fn generate(seed: u64) -> Program {
    let mut rng = SplitMix64::new(seed);
    let r = &mut rng;
    let sems = (0..1 + pick(r, 2)).map(|_| 1 + pick(r, 2)).collect();
    let (locks, events, conds) = (1 + pick(r, 2), 1 + pick(r, 2), 1 + pick(r, 2));
    let queues: Vec<usize> = (0..1 + pick(r, 2)).map(|_| 1 + pick(r, 2)).collect();
    let mut item = 100;
    let barriers: Vec<usize> = (0..1 + pick(r, 2)).map(|_| 2 + pick(r, 2)).collect();
    let mut p = Program { sems, locks, events, conds, queues, barriers, tasks: Vec::new() };
    for _ in 0..2 + pick(r, 3) {
        let mut steps = Vec::new();
        if pick(r, 2) == 0 {
            steps.push(Step::Sleep { ms: (1 + pick(r, 8)) as f64 * 0.5 });
        }
        for _ in 0..1 + pick(r, 6) {
            let s = match pick(r, 14) {
                0 | 1 => Step::Sleep { ms: if pick(r, 4) == 0 { 0.0 } else { (1 + pick(r, 10)) as f64 * 0.5 } },
                2 => Step::SemAcquire { i: pick(r, p.sems.len()) },
                3 => Step::SemRelease { i: pick(r, p.sems.len()) },
                4 => Step::LockAcquire { i: pick(r, p.locks) },
                5 => Step::LockRelease { i: pick(r, p.locks) },
                6 => Step::Set { i: pick(r, p.events) },
                7 => Step::Clear { i: pick(r, p.events) },
                8 => Step::Wait { i: pick(r, p.events) },
                9 => Step::CondWait { i: pick(r, p.conds) },
                10 => Step::Notify { i: pick(r, p.conds), n: pick(r, 3) },
                11 => {
                    item += 1;
                    Step::Put { i: pick(r, p.queues.len()), item }
                }
                12 => Step::Get { i: pick(r, p.queues.len()) },
                _ => Step::BarrierWait { i: pick(r, p.barriers.len()) },
            };
            steps.push(s);
        }
        p.tasks.push(steps);
    }
    normalize(&mut p);
    p
}

/// Makes every task well-formed: a release only of what it holds, no second
/// acquire of a lock it holds (it would wait for itself), indices in range,
/// and everything still held released at its end.
pub fn normalize(p: &mut Program) {
    let (ns, nl, ne, nc, nq, nb) = (p.sems.len(), p.locks, p.events, p.conds, p.queues.len(), p.barriers.len());
    for steps in &mut p.tasks {
        let mut sems = vec![0usize; ns];
        let mut locks = vec![false; nl];
        let mut out = Vec::with_capacity(steps.len());
        for s in steps.drain(..) {
            let keep = match &s {
                Step::Sleep { .. } => true,
                Step::SemAcquire { i } if *i < ns => {
                    sems[*i] += 1;
                    true
                }
                Step::SemRelease { i } if *i < ns && sems[*i] > 0 => {
                    sems[*i] -= 1;
                    true
                }
                Step::LockAcquire { i } if *i < nl && !locks[*i] => {
                    locks[*i] = true;
                    true
                }
                Step::LockRelease { i } if *i < nl && locks[*i] => {
                    locks[*i] = false;
                    true
                }
                Step::Set { i } | Step::Clear { i } | Step::Wait { i } => *i < ne,
                Step::CondWait { i } | Step::Notify { i, .. } => *i < nc,
                Step::Put { i, .. } | Step::Get { i } => *i < nq,
                Step::BarrierWait { i } => *i < nb,
                _ => false,
            };
            if keep {
                out.push(s);
            }
        }
        for (i, held) in locks.iter().enumerate().rev() {
            if *held {
                out.push(Step::LockRelease { i });
            }
        }
        for (i, n) in sems.iter().enumerate().rev() {
            out.extend((0..*n).map(|_| Step::SemRelease { i }));
        }
        *steps = out;
    }
    p.tasks.retain(|t| !t.is_empty());
}

/// Shrinks `p` while `disagrees` holds: drops whole tasks, then single steps
/// (re-normalized after each cut), until no single cut keeps the disagreement.
pub fn minimize(p: &Program, disagrees: &mut dyn FnMut(&Program) -> bool) -> Program {
    let mut best = p.clone();
    loop {
        let mut shrunk = false;
        let mut cands: Vec<Program> = Vec::new();
        for t in 0..best.tasks.len() {
            let mut c = best.clone();
            c.tasks.remove(t);
            cands.push(c);
        }
        for t in 0..best.tasks.len() {
            for s in 0..best.tasks[t].len() {
                let mut c = best.clone();
                c.tasks[t].remove(s);
                normalize(&mut c);
                cands.push(c);
            }
        }
        for c in cands {
            if c.steps() < best.steps() && !c.tasks.is_empty() && disagrees(&c) {
                best = c;
                shrunk = true;
                break;
            }
        }
        if !shrunk {
            return best;
        }
    }
}
