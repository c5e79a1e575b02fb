//! Texts of the `interleave` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("interleave.title", "Interleavings: find the schedule that breaks it", "交错执行：找出让代码出错的调度"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("event.il_deadlock", "deadlock", "死锁"),
    ("event.il_assert_failed", "assert failed", "断言失败"),
    ("event.il_release_unowned", "released an unheld lock", "释放了未持有的锁"),
    ("num.steps", "steps in the schedule", "调度中的步数"),
    ("num.preemptions", "preemptions", "抢占次数"),
    ("choice.lost_update_2x3", "lost update: 2 threads × 3 increments", "丢失更新：2 个线程 × 3 次加法"),
    ("choice.locked_2x3", "with a lock: 2 threads × 3 increments", "加锁：2 个线程 × 3 次加法"),
    ("choice.lost_update_3x2", "lost update: 3 threads × 2 increments", "丢失更新：3 个线程 × 2 次加法"),
    ("choice.locked_3x2", "with a lock: 3 threads × 2 increments", "加锁：3 个线程 × 2 次加法"),
    ("choice.check_then_act", "check-then-act: two withdrawals", "先检查后执行：两次取款"),
    ("choice.check_then_act_locked", "check-then-act under a lock", "加锁的先检查后执行"),
    ("choice.deadlock_ab_ba", "deadlock: locks a, b in opposite order", "死锁：以相反顺序获取锁 a、b"),
    ("choice.deadlock_ordered", "locks a, b in one order", "以相同顺序获取锁 a、b"),
    ("choice.lock_twice", "Lock acquired twice", "同一个 Lock 获取两次"),
    ("choice.rlock_twice", "RLock acquired twice", "同一个 RLock 获取两次"),
    ("choice.buffer_missed_notify", "bounded buffer: a missed notify", "有界缓冲区：漏掉的 notify"),
    ("choice.buffer_notify", "bounded buffer: notify on both sides", "有界缓冲区：双方都 notify"),
    ("il.step", "Step", "单步"),
    ("il.undo", "Undo", "撤销"),
    ("il.reset", "Reset", "重置"),
    ("il.next", "next", "下一步"),
    ("il.shared", "Shared state", "共享状态"),
    ("il.locks", "Locks", "锁"),
    ("il.free", "free", "空闲"),
    ("il.owner", "held by {who} ({n}×)", "被 {who} 持有（{n} 次）"),
    ("il.waiters", "waiting: {who}", "等待者：{who}"),
    ("il.schedule", "Schedule so far", "目前的调度"),
    (
        "il.schedule_hint",
        "One digit per step: the thread that took it. It is in the share link.",
        "每一步一个数字：执行该步的线程。它包含在分享链接中。",
    ),
    ("il.why.finished", "finished", "已结束"),
    ("il.why.lock", "waits for {lock}, held by {owner}", "等待 {lock}，它被 {owner} 持有"),
    ("il.why.self", "waits for {lock}, which it holds itself", "等待自己已持有的 {lock}"),
    ("il.why.semaphore", "waits for semaphore {name}", "等待信号量 {name}"),
    ("il.why.event", "waits for event {name}", "等待事件 {name}"),
    ("il.why.notify", "waits in {name}.wait() for a notify", "在 {name}.wait() 中等待 notify"),
    ("il.why.queue_full", "queue {name} is full", "队列 {name} 已满"),
    ("il.why.queue_empty", "queue {name} is empty", "队列 {name} 为空"),
    ("il.why.ended", "the run has ended", "运行已结束"),
    ("il.outcome.running", "Running: pick the thread that takes the next step.", "运行中：选择执行下一步的线程。"),
    ("il.outcome.passed", "Every thread finished and every assert held.", "所有线程都已结束，所有断言都成立。"),
    ("il.outcome.deadlock", "Deadlock: every unfinished thread is blocked.", "死锁：每个未结束的线程都被阻塞。"),
    ("il.outcome.assert", "Assert failed: {check} (it is {actual}).", "断言失败：{check}（实际为 {actual}）。"),
    ("il.outcome.release", "{who} released {lock} without holding it (RuntimeError).", "{who} 释放了未持有的 {lock}（RuntimeError）。"),
    ("il.search", "Find a failing schedule", "寻找出错的调度"),
    ("il.search.exhaustive", "Exhaustive", "穷举"),
    ("il.search.bounded", "Preemption-bounded", "抢占有界"),
    ("il.search.pct", "Random (PCT)", "随机（PCT）"),
    ("il.search.stop", "Stop", "停止"),
    ("il.search.running", "Searching… {states} states, {steps} steps, {ms} ms", "搜索中… {states} 个状态，{steps} 步，{ms} 毫秒"),
    ("il.search.stopped", "Stopped after {states} states, {ms} ms.", "已停止：{states} 个状态，{ms} 毫秒。"),
    (
        "il.search.found",
        "Found a failing schedule with {pre} preemption(s) after {states} states, {ms} ms; it is loaded above.",
        "找到一个含 {pre} 次抢占的出错调度（{states} 个状态，{ms} 毫秒），已载入上方。",
    ),
    (
        "il.search.verified",
        "Verified: no failing schedule among {states} states ({ms} ms).",
        "已验证：{states} 个状态中没有出错的调度（{ms} 毫秒）。",
    ),
    (
        "il.search.none_bounded",
        "No failing schedule with up to {bound} preemptions ({states} states, {ms} ms).",
        "最多 {bound} 次抢占时没有出错的调度（{states} 个状态，{ms} 毫秒）。",
    ),
    ("il.search.none_pct", "No failure in {runs} random runs ({ms} ms).", "{runs} 次随机运行中没有出错（{ms} 毫秒）。"),
    (
        "il.search.pct_bound",
        "PCT depth {d}: each run finds a depth-{d} bug with probability ≥ 1/(n·k^(d−1)) = 1/({n}·{k}^{dm1}) ≈ {p}",
        "PCT 深度 {d}：每次运行找到深度 {d} 错误的概率 ≥ 1/(n·k^(d−1)) = 1/({n}·{k}^{dm1}) ≈ {p}",
    ),
    (
        "il.err.too_long",
        "The schedule in the link has {len} steps; at most {max} are allowed.",
        "链接中的调度有 {len} 步；最多允许 {max} 步。",
    ),
    (
        "il.err.bad_char",
        "The schedule in the link has “{ch}” at position {pos}; only thread numbers 0–9 are allowed.",
        "链接中的调度在第 {pos} 位是“{ch}”；只允许线程编号 0–9。",
    ),
    (
        "il.err.no_such_thread",
        "Step {pos} of the schedule names thread {thread}, but this model has {threads} threads.",
        "调度的第 {pos} 步指定了线程 {thread}，但此模型只有 {threads} 个线程。",
    ),
    (
        "il.err.not_runnable",
        "Step {pos} of the schedule: {who} cannot step then ({why}).",
        "调度的第 {pos} 步：{who} 此时不能执行（{why}）。",
    ),
    ("il.err.after_end", "Step {pos} of the schedule comes after the run had already ended.", "调度的第 {pos} 步在运行结束之后。"),
    ("il.err.kept", "Showing the steps before it.", "显示它之前的步骤。"),
    ("il.see", "See the interleaving", "查看交错执行"),
    ("interleave.notice", "Threads take turns one small step at a time, and which thread goes next is up to the scheduler. Step the threads yourself (a `counter += 1` is three steps: read, add, write), or let a search find the schedule that breaks the code: exhaustive search visits every state, the bounded search tries 0, 1, 2, 3 preemptions and so finds the counterexample with the fewest, and PCT samples schedules with random priorities.", "线程一次执行一小步，轮到哪个线程由调度器决定。你可以亲手单步执行各个线程（`counter += 1` 是三步：读、加、写），也可以让搜索找出让代码出错的调度：穷举搜索访问每一个状态；有界搜索依次尝试 0、1、2、3 次抢占，因此找到抢占最少的反例；PCT 用随机优先级抽样调度。"),
    ("interleave.model", "model", "模型"),
];
