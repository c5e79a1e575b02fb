//! Texts of the `primes` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("primes.title", "Speedup: counting primes on N threads", "加速比：在 N 个线程上数素数"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("primes.notice", "The same count runs on 1, 2, … N threads of the pool (Web Workers sharing one memory), repeated, and each thread count keeps its best time. Chunks are pulled from a shared counter, so a worker that finishes early takes the next chunk: lanes stay busy and the speedup approaches the number of cores. Efficiency below 100% is overhead and the busy machine; the page itself never waits.", "同一计数任务依次在线程池的 1、2……N 个线程上运行（共享同一内存的 Web Worker），重复数次，每种线程数取最佳用时。各线程从共享计数器领取分块，先完成的线程立即领取下一块：泳道保持忙碌，加速比接近核数。效率低于 100% 来自开销和机器负载；页面本身从不等待。"),
    ("primes.bound", "count primes below", "统计小于此数的素数"),
    ("primes.chunk", "chunk size", "分块大小"),
    ("primes.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("primes.reps", "repetitions (best counts)", "重复次数（取最佳）"),
];
