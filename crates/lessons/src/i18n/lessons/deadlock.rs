//! Texts of the `deadlock` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("deadlock.title", "Deadlock: two locks, opposite order", "死锁：两把锁，相反的顺序"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.ordered", "one global order", "统一全局顺序"),
    ("num.deadlock_detected", "deadlock detected", "检测到死锁"),
    ("num.tasks_done", "tasks completed", "完成的任务"),
    ("deadlock.notice", "Task i needs lock i and the next lock in a ring. Taken in opposite order, every task ends up holding one lock and waiting for the one its neighbour holds: a cycle in the wait-for graph, and none of them can ever move. asyncio would simply hang; the playground checks the wait-for graph at every wait, names the cycle the moment it closes, and ends the run. With one global order (everyone takes the lower lock first) no cycle can form and every task completes.", "任务 i 需要环上的锁 i 和下一把锁。按相反顺序获取时，每个任务都持有一把锁，同时等待邻居持有的那把：等待图中出现环，谁也无法前进。asyncio 只会一直挂起；演练场在每次等待时检查等待图，环一闭合就指出它并结束运行。若采用统一的全局顺序（都先拿编号小的锁），环就无法形成，所有任务都能完成。"),
    ("deadlock.ordering", "lock order", "加锁顺序"),
    ("deadlock.n", "tasks (and locks)", "任务数（即锁数）"),
    ("deadlock.ms", "work while holding a lock, ms", "持锁工作时长，毫秒"),
];
