//! The state of a model and its step function: which threads can step, what
//! one step does, and whether the run has failed.
//!
//! The state is plain data (hashable, so searches can skip states they have
//! seen); who waits on a lock is not stored but derived from the threads'
//! next steps, so two runs that reach the same variables, owners and program
//! counters are one state.

use super::{Model, Op, Tid};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LockState {
    pub owner: Option<u8>,
    /// Times the owner acquired it (1 for a `Lock`; more for a re-entered `RLock`).
    pub count: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct State {
    /// Next step of each thread (`== steps.len()`: finished).
    pub pc: Vec<u16>,
    /// Registers, `regs` per thread.
    pub regs: Vec<i64>,
    pub vars: Vec<i64>,
    pub locks: Vec<LockState>,
    pub sems: Vec<i64>,
    pub events: Vec<bool>,
    /// Threads waiting on each condition, in the order they will be notified.
    pub cond_waiters: Vec<Vec<u8>>,
    /// The recursion count a thread gave up in `cond.wait()` (restored on reacquire).
    pub saved: Vec<u8>,
    pub queues: Vec<Vec<i64>>,
    /// A thread released a lock it did not hold (`RuntimeError` in Python).
    pub error: Option<(u8, u8)>,
}

/// Why a thread cannot take a step now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocked {
    Finished,
    /// Waiting for `lock`, held by `owner` (possibly itself).
    Lock {
        lock: u8,
        owner: u8,
    },
    Semaphore {
        sem: u8,
    },
    Event {
        ev: u8,
    },
    /// In `cond.wait()`, not yet notified.
    Notify {
        cond: u8,
    },
    QueueFull {
        queue: u8,
    },
    QueueEmpty {
        queue: u8,
    },
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Every unfinished thread is blocked.
    Deadlock,
    /// Final assert `check` (index into `Model::checks`) failed; `actual` is the variable's value.
    Assert { check: usize, actual: i64 },
    /// `thread` released `lock` without holding it.
    ReleaseUnowned { thread: u8, lock: u8 },
}

/// Where a run stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Running,
    /// Every thread finished and every assert held.
    Passed,
    Failed(Failure),
}

impl Model {
    pub fn initial(&self) -> State {
        let n = self.threads.len();
        State {
            pc: vec![0; n],
            regs: vec![0; n * self.regs],
            vars: self.vars.iter().map(|v| v.init).collect(),
            locks: vec![LockState::default(); self.locks.len()],
            sems: self.sems.iter().map(|s| s.init).collect(),
            events: vec![false; self.events.len()],
            cond_waiters: vec![Vec::new(); self.conds.len()],
            saved: vec![0; n],
            queues: vec![Vec::new(); self.queues.len()],
            error: None,
        }
    }

    fn op(&self, s: &State, t: Tid) -> Option<&Op> {
        self.threads[t].steps.get(s.pc[t] as usize).map(|st| &st.op)
    }

    fn lock_blocked(&self, s: &State, t: Tid, lock: u8) -> Option<Blocked> {
        let l = s.locks[lock as usize];
        match l.owner {
            None => None,
            Some(o) if o as usize == t && self.locks[lock as usize].reentrant => None,
            Some(o) => Some(Blocked::Lock { lock, owner: o }),
        }
    }

    /// Why thread `t` cannot step in `s`, or `None` if it can.
    pub fn blocked(&self, s: &State, t: Tid) -> Option<Blocked> {
        let Some(op) = self.op(s, t) else { return Some(Blocked::Finished) };
        match *op {
            Op::Acquire { lock } => self.lock_blocked(s, t, lock),
            Op::Reacquire { cond } => {
                if s.cond_waiters[cond as usize].contains(&(t as u8)) {
                    Some(Blocked::Notify { cond })
                } else {
                    self.lock_blocked(s, t, self.conds[cond as usize].lock)
                }
            }
            Op::SemAcquire { sem } if s.sems[sem as usize] <= 0 => Some(Blocked::Semaphore { sem }),
            Op::EventWait { ev } if !s.events[ev as usize] => Some(Blocked::Event { ev }),
            Op::Put { queue, .. } => {
                let max = self.queues[queue as usize].maxsize;
                (max > 0 && s.queues[queue as usize].len() >= max).then_some(Blocked::QueueFull { queue })
            }
            Op::Get { queue, .. } if s.queues[queue as usize].is_empty() => Some(Blocked::QueueEmpty { queue }),
            _ => None,
        }
    }

    /// Threads that can step in `s`, in index order.
    pub fn enabled(&self, s: &State) -> Vec<Tid> {
        if s.error.is_some() {
            return Vec::new();
        }
        (0..self.threads.len()).filter(|&t| self.blocked(s, t).is_none()).collect()
    }

    /// Thread `t` takes its next step. The caller checks [`Model::blocked`] first;
    /// a blocked or finished thread leaves the state unchanged.
    pub fn step(&self, s: &mut State, t: Tid) {
        if self.blocked(s, t).is_some() || s.error.is_some() {
            return;
        }
        let Some(op) = self.op(s, t).cloned() else { return };
        let r = |reg: u8| t * self.regs + reg as usize;
        let mut next = s.pc[t] + 1;
        match op {
            Op::Read { var, reg } => s.regs[r(reg)] = s.vars[var as usize],
            Op::Add { reg, k } => s.regs[r(reg)] += k,
            Op::Write { var, reg } => s.vars[var as usize] = s.regs[r(reg)],
            Op::AddVar { var, k } => s.vars[var as usize] += k,
            Op::JumpIf { reg, cmp, value, to } => {
                if cmp.holds(s.regs[r(reg)], value) {
                    next = to;
                }
            }
            Op::Jump { to } => next = to,
            Op::Acquire { lock } => {
                let l = &mut s.locks[lock as usize];
                l.owner = Some(t as u8);
                l.count += 1;
            }
            Op::Release { lock } => {
                let l = &mut s.locks[lock as usize];
                if l.owner != Some(t as u8) {
                    s.error = Some((t as u8, lock));
                    return;
                }
                l.count -= 1;
                if l.count == 0 {
                    l.owner = None;
                }
            }
            Op::SemAcquire { sem } => s.sems[sem as usize] -= 1,
            Op::SemRelease { sem } => s.sems[sem as usize] += 1,
            Op::EventSet { ev } => s.events[ev as usize] = true,
            Op::EventWait { .. } => {}
            Op::Wait { cond } => {
                let lock = self.conds[cond as usize].lock;
                let l = &mut s.locks[lock as usize];
                if l.owner != Some(t as u8) {
                    // Python: "cannot wait on un-acquired lock".
                    s.error = Some((t as u8, lock));
                    return;
                }
                s.saved[t] = l.count;
                *l = LockState::default();
                s.cond_waiters[cond as usize].push(t as u8);
            }
            Op::Reacquire { cond } => {
                let lock = self.conds[cond as usize].lock;
                s.locks[lock as usize] = LockState { owner: Some(t as u8), count: s.saved[t].max(1) };
                s.saved[t] = 0;
            }
            Op::Notify { cond, all } => {
                let w = &mut s.cond_waiters[cond as usize];
                if all {
                    w.clear();
                } else if !w.is_empty() {
                    w.remove(0);
                }
            }
            Op::Put { queue, reg } => s.queues[queue as usize].push(s.regs[r(reg)]),
            Op::Get { queue, reg } => {
                let v = s.queues[queue as usize].remove(0);
                s.regs[r(reg)] = v;
            }
        }
        s.pc[t] = next;
    }

    pub fn finished(&self, s: &State, t: Tid) -> bool {
        s.pc[t] as usize >= self.threads[t].steps.len()
    }

    /// Where the run stands in `s`.
    pub fn outcome(&self, s: &State) -> Outcome {
        if let Some((thread, lock)) = s.error {
            return Outcome::Failed(Failure::ReleaseUnowned { thread, lock });
        }
        if (0..self.threads.len()).all(|t| self.finished(s, t)) {
            for (i, c) in self.checks.iter().enumerate() {
                let v = s.vars[c.var as usize];
                let ok = if c.at_least { v >= c.value } else { v == c.value };
                if !ok {
                    return Outcome::Failed(Failure::Assert { check: i, actual: v });
                }
            }
            return Outcome::Passed;
        }
        if self.enabled(s).is_empty() {
            return Outcome::Failed(Failure::Deadlock);
        }
        Outcome::Running
    }

    /// Threads waiting for `lock` in `s` (their next step is to acquire it).
    pub fn lock_waiters(&self, s: &State, lock: u8) -> Vec<Tid> {
        (0..self.threads.len()).filter(|&t| matches!(self.blocked(s, t), Some(Blocked::Lock { lock: l, .. }) if l == lock)).collect()
    }

    /// Preemptions in `schedule` (which must be valid): switches away from a
    /// thread that could still have run. The measure CHESS bounds.
    pub fn preemptions(&self, schedule: &[Tid]) -> usize {
        let mut s = self.initial();
        let mut n = 0;
        let mut last: Option<Tid> = None;
        for &t in schedule {
            if let Some(l) = last {
                if l != t && self.blocked(&s, l).is_none() {
                    n += 1;
                }
            }
            self.step(&mut s, t);
            last = Some(t);
        }
        n
    }
}
