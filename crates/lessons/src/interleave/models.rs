//! The built-in models, each built from its Python listing in
//! `python/interleave/<id>.py`: a step names the text of its line (searched
//! from the thread's `def`), so its line number follows the listing when the
//! listing changes (a test checks every step found its line).
//!
//! They come in pairs, a buggy model and its correct version.

use super::{Check, Cmp, CondDef, LockDef, Model, Op, Step, Thread, Var};

/// Every built-in model id, buggy then correct, in the order the page lists them.
pub const IDS: &[&str] = &[
    "lost_update_2x3",
    "locked_2x3",
    "lost_update_3x2",
    "locked_3x2",
    "check_then_act",
    "check_then_act_locked",
    "deadlock_ab_ba",
    "deadlock_ordered",
    "lock_twice",
    "rlock_twice",
    "buffer_missed_notify",
    "buffer_notify",
];

/// The built-in model `id`.
pub fn by_id(id: &str) -> Option<Model> {
    let id: &'static str = IDS.iter().find(|&&i| i == id)?;
    Some(match id {
        "lost_update_2x3" => counter(id, include_str!("../../../../python/interleave/lost_update_2x3.py"), 2, 3, false),
        "locked_2x3" => counter(id, include_str!("../../../../python/interleave/locked_2x3.py"), 2, 3, true),
        "lost_update_3x2" => counter(id, include_str!("../../../../python/interleave/lost_update_3x2.py"), 3, 2, false),
        "locked_3x2" => counter(id, include_str!("../../../../python/interleave/locked_3x2.py"), 3, 2, true),
        "check_then_act" => check_then_act(id, include_str!("../../../../python/interleave/check_then_act.py"), false),
        "check_then_act_locked" => check_then_act(id, include_str!("../../../../python/interleave/check_then_act_locked.py"), true),
        "deadlock_ab_ba" => two_locks(id, include_str!("../../../../python/interleave/deadlock_ab_ba.py"), false),
        "deadlock_ordered" => two_locks(id, include_str!("../../../../python/interleave/deadlock_ordered.py"), true),
        "lock_twice" => lock_twice(id, include_str!("../../../../python/interleave/lock_twice.py"), false),
        "rlock_twice" => lock_twice(id, include_str!("../../../../python/interleave/rlock_twice.py"), true),
        "buffer_missed_notify" => buffer(id, include_str!("../../../../python/interleave/buffer_missed_notify.py"), false),
        "buffer_notify" => buffer(id, include_str!("../../../../python/interleave/buffer_notify.py"), true),
        _ => return None,
    })
}

/// All built-in models, in [`IDS`] order.
pub fn all() -> Vec<Model> {
    IDS.iter().filter_map(|id| by_id(id)).collect()
}

/// 1-based number of the first line at or after line `from` (0-based) that
/// contains `snippet`; 0 if none (a test keeps that from happening).
pub fn line_of(listing: &str, from: u32, snippet: &str) -> u32 {
    listing.lines().enumerate().skip(from as usize).find(|(_, l)| l.contains(snippet)).map_or(0, |(i, _)| i as u32 + 1)
}

/// Builds one thread's steps against a listing.
struct B {
    listing: &'static str,
    from: u32,
    steps: Vec<Step>,
}

const TMP: u8 = 0;

impl B {
    /// A thread whose code starts at the line containing `def`.
    fn new(listing: &'static str, def: &str) -> B {
        B { listing, from: line_of(listing, 0, def), steps: Vec::new() }
    }
    fn push(&mut self, snippet: &str, op: Op, text: impl Into<String>) -> usize {
        let line = line_of(self.listing, self.from, snippet);
        self.steps.push(Step { op, line, text: text.into() });
        self.steps.len() - 1
    }
    fn here(&self) -> u16 {
        self.steps.len() as u16
    }
    /// Points the jump at step `at` to step `to`.
    fn patch(&mut self, at: usize, target: u16) {
        if let Op::JumpIf { to, .. } | Op::Jump { to } = &mut self.steps[at].op {
            *to = target;
        }
    }
    /// `name += k` as read, add, write.
    fn incr(&mut self, snippet: &str, var: u8, name: &str, k: i64) {
        self.push(snippet, Op::Read { var, reg: TMP }, format!("tmp = {name}"));
        let sign = if k < 0 { format!("- {}", -k) } else { format!("+ {k}") };
        self.push(snippet, Op::Add { reg: TMP, k }, format!("tmp = tmp {sign}"));
        self.push(snippet, Op::Write { var, reg: TMP }, format!("{name} = tmp"));
    }
    fn acquire(&mut self, snippet: &str, lock: u8, name: &str) {
        self.push(snippet, Op::Acquire { lock }, format!("{name}.acquire()"));
    }
    fn release(&mut self, snippet: &str, lock: u8, name: &str) {
        self.push(snippet, Op::Release { lock }, format!("{name}.release()"));
    }
    fn done(self, index: usize, func: &str) -> Thread {
        Thread { name: format!("Thread-{} ({func})", index + 1), steps: self.steps }
    }
}

fn base(id: &'static str, listing: &'static str, pair: &'static str, buggy: bool) -> Model {
    Model {
        id,
        listing,
        vars: Vec::new(),
        locks: Vec::new(),
        sems: Vec::new(),
        events: Vec::new(),
        conds: Vec::new(),
        queues: Vec::new(),
        threads: Vec::new(),
        checks: Vec::new(),
        regs: 1,
        pair,
        buggy,
    }
}

fn check(listing: &str, snippet: &str, var: u8, at_least: bool, value: i64, text: &str) -> Check {
    Check { var, at_least, value, line: line_of(listing, 0, snippet), text: text.to_owned() }
}

/// `threads` threads each doing `counter += 1` `n` times (under a lock if `locked`).
fn counter(id: &'static str, listing: &'static str, threads: usize, n: usize, locked: bool) -> Model {
    let pair = match (threads, locked) {
        (2, false) => "locked_2x3",
        (2, true) => "lost_update_2x3",
        (_, false) => "locked_3x2",
        (_, true) => "lost_update_3x2",
    };
    let mut m = base(id, listing, pair, !locked);
    m.vars.push(Var { name: "counter", init: 0 });
    if locked {
        m.locks.push(LockDef { name: "lock", reentrant: false });
    }
    for i in 0..threads {
        let mut b = B::new(listing, "def worker");
        for _ in 0..n {
            if locked {
                b.acquire("with lock:", 0, "lock");
            }
            b.incr("counter += 1", 0, "counter", 1);
            if locked {
                b.release("with lock:", 0, "lock");
            }
        }
        m.threads.push(b.done(i, "worker"));
    }
    let total = (threads * n) as i64;
    m.checks.push(check(listing, "assert counter ==", 0, false, total, &format!("counter == {total}")));
    m
}

/// Two threads withdrawing 80 from 100 after checking the balance.
fn check_then_act(id: &'static str, listing: &'static str, locked: bool) -> Model {
    let pair = if locked { "check_then_act" } else { "check_then_act_locked" };
    let mut m = base(id, listing, pair, !locked);
    m.vars.push(Var { name: "balance", init: 100 });
    if locked {
        m.locks.push(LockDef { name: "lock", reentrant: false });
    }
    for i in 0..2 {
        let mut b = B::new(listing, "def withdraw");
        if locked {
            b.acquire("with lock:", 0, "lock");
        }
        b.push("if balance >= amount:", Op::Read { var: 0, reg: TMP }, "tmp = balance");
        let skip = b.push("if balance >= amount:", Op::JumpIf { reg: TMP, cmp: Cmp::Lt, value: 80, to: 0 }, "if tmp >= 80:");
        b.incr("balance -= amount", 0, "balance", -80);
        let end = b.here();
        b.patch(skip, end);
        if locked {
            b.release("with lock:", 0, "lock");
        }
        m.threads.push(b.done(i, "withdraw"));
    }
    m.checks.push(check(listing, "assert balance >= 0", 0, true, 0, "balance >= 0"));
    m
}

/// transfer_ab takes a then b; transfer_ba takes b then a (or a then b when `ordered`).
fn two_locks(id: &'static str, listing: &'static str, ordered: bool) -> Model {
    let pair = if ordered { "deadlock_ab_ba" } else { "deadlock_ordered" };
    let mut m = base(id, listing, pair, !ordered);
    m.locks.push(LockDef { name: "a", reentrant: false });
    m.locks.push(LockDef { name: "b", reentrant: false });
    let orders: [(&str, [(u8, &str); 2]); 2] =
        [("transfer_ab", [(0, "a"), (1, "b")]), ("transfer_ba", if ordered { [(0, "a"), (1, "b")] } else { [(1, "b"), (0, "a")] })];
    for (i, (func, locks)) in orders.iter().enumerate() {
        let mut b = B::new(listing, &format!("def {func}"));
        let [(l1, n1), (l2, n2)] = *locks;
        b.acquire(&format!("with {n1}:"), l1, n1);
        b.acquire(&format!("with {n2}:"), l2, n2);
        b.release(&format!("with {n2}:"), l2, n2);
        b.release(&format!("with {n1}:"), l1, n1);
        m.threads.push(b.done(i, func));
    }
    m
}

/// Two threads calling `update`, which holds the lock while `add_one` takes it again.
fn lock_twice(id: &'static str, listing: &'static str, reentrant: bool) -> Model {
    let pair = if reentrant { "lock_twice" } else { "rlock_twice" };
    let mut m = base(id, listing, pair, !reentrant);
    m.vars.push(Var { name: "count", init: 0 });
    m.locks.push(LockDef { name: "lock", reentrant });
    for i in 0..2 {
        let mut b = B::new(listing, "");
        b.acquire("with lock:  # outer", 0, "lock");
        b.acquire("with lock:  # inner", 0, "lock");
        b.incr("count += 1", 0, "count", 1);
        b.release("with lock:  # inner", 0, "lock");
        b.release("with lock:  # outer", 0, "lock");
        m.threads.push(b.done(i, "update"));
    }
    m.checks.push(check(listing, "assert count == 2", 0, false, 2, "count == 2"));
    m
}

/// A capacity-1 buffer (its length is the variable) with one Condition;
/// the consumer notifies only when `notify` is set.
fn buffer(id: &'static str, listing: &'static str, notify: bool) -> Model {
    let pair = if notify { "buffer_missed_notify" } else { "buffer_notify" };
    let mut m = base(id, listing, pair, !notify);
    m.vars.push(Var { name: "len(buf)", init: 0 });
    m.locks.push(LockDef { name: "cond", reentrant: true }); // Condition() wraps an RLock
    m.conds.push(CondDef { name: "cond", lock: 0 });
    const ITEMS: usize = 2;
    const CAP: i64 = 1;
    // producer: wait while full, append; consumer: wait while empty, pop.
    for (i, func) in ["producer", "consumer"].into_iter().enumerate() {
        let mut b = B::new(listing, &format!("def {func}"));
        let producer = i == 0;
        for _ in 0..ITEMS {
            b.acquire("with cond:", 0, "cond");
            let top = b.here();
            let (test, (value, text)) =
                if producer { ("while len(buf) == CAP:", (CAP, "while tmp == 1:")) } else { ("while not buf:", (0, "while tmp == 0:")) };
            b.push(test, Op::Read { var: 0, reg: TMP }, "tmp = len(buf)");
            let exit = b.push(test, Op::JumpIf { reg: TMP, cmp: Cmp::Ne, value, to: 0 }, text);
            b.push("cond.wait()", Op::Wait { cond: 0 }, "cond.wait(): release, sleep");
            b.push("cond.wait()", Op::Reacquire { cond: 0 }, "cond.wait(): re-acquire");
            b.push(test, Op::Jump { to: top }, text);
            let after = b.here();
            b.patch(exit, after);
            if producer {
                b.push("buf.append(i)", Op::AddVar { var: 0, k: 1 }, "buf.append(i)");
                b.push("cond.notify()", Op::Notify { cond: 0, all: false }, "cond.notify()");
            } else {
                b.push("buf.pop(0)", Op::AddVar { var: 0, k: -1 }, "buf.pop(0)");
                if notify {
                    b.push("cond.notify()", Op::Notify { cond: 0, all: false }, "cond.notify()");
                }
            }
            b.release("with cond:", 0, "cond");
        }
        m.threads.push(b.done(i, func));
    }
    m.checks.push(check(listing, "assert not buf", 0, false, 0, "len(buf) == 0"));
    m
}
