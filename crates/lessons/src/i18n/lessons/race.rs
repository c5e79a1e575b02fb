//! Texts of the `race` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("race.title", "Race conditions: lost updates", "竞态条件：丢失的更新"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.expected_count", "expected count", "预期计数"),
    ("num.unsync_count", "count, unsynchronized", "计数（不同步）"),
    ("num.mutex_count", "count, mutex", "计数（互斥锁）"),
    ("num.atomic_count", "count, atomic", "计数（原子操作）"),
    ("num.unsync_ms", "time, unsynchronized", "用时（不同步）"),
    ("num.mutex_ms", "time, mutex", "用时（互斥锁）"),
    ("num.atomic_ms", "time, atomic", "用时（原子操作）"),
    ("event.race_unsync", "unsynchronized read, then write", "不同步：先读后写"),
    ("event.race_mutex", "under a mutex", "互斥锁保护"),
    ("event.race_atomic", "atomic fetch_add", "原子 fetch_add"),
    ("race.notice", "Every thread adds 1 to one shared counter, three ways. Unsynchronized, a thread reads the counter and writes back value + 1; when two threads read the same value, both write the same result and one increment is lost: the count ends below the expected total (usually, not always: the threads may happen not to overlap). Under a mutex the read-modify-write is one step and nothing is lost, at the price of threads waiting for the lock. An atomic fetch_add is one hardware instruction: nothing is lost and it is much faster than the mutex.", "每个线程以三种方式给同一个共享计数器加 1。不加同步时，线程先读计数器再写回“值 + 1”；两个线程读到同一个值时会写回相同的结果，其中一次加法就丢失了：最终计数低于预期总数（通常如此，但不一定：线程可能恰好没有重叠）。用互斥锁时“读-改-写”成为一步，什么也不会丢，代价是线程要等锁。原子 fetch_add 是一条硬件指令：不丢更新，而且比互斥锁快得多。"),
    ("race.threads", "threads (0 = all)", "线程数（0 = 全部）"),
    ("race.increments", "increments per thread", "每个线程的加法次数"),
];
