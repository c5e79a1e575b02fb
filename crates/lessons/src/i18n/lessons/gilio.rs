//! Texts of the `gilio` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("gilio.title", "The GIL is released during I/O", "I/O 期间 GIL 会被释放"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("event.gilio_io", "I/O-bound", "I/O 密集型"),
    ("event.gilio_cpu", "CPU-bound", "CPU 密集型"),
    ("event.gilio_mixed", "mixed: fetch, then compute", "混合型：先获取，再计算"),
    ("bar.mixed", "mixed", "混合型"),
    ("bar.threads_1", "1 thread", "1 个线程"),
    ("bar.threads_n", "the pool's threads", "线程池的全部线程"),
    ("gilio.notice", "The same pool of threads runs three batches, as CPython would: I/O-bound jobs (each waits on I/O), CPU-bound jobs (each computes) and mixed jobs (each fetches, then computes). A thread waiting on I/O drops the GIL (green spans), so the waits overlap and I/O-bound threads scale: n jobs of io ms on T threads take ⌈n/T⌉ × io. A thread computing holds the GIL (blue) and hands it over every switch interval when another waits (orange = waiting for the GIL): CPU-bound threads take n × cpu however many there are. The mix scales until the computing alone fills the one GIL. The schedule is CPython's, modelled on the run's clock; python/gilio.py runs the same batches with real threads (time.sleep releases the GIL).", "同一个线程池依次运行三批任务，与 CPython 一样：I/O 密集型（每个任务等待 I/O）、CPU 密集型（每个任务计算）和混合型（先获取、再计算）。等待 I/O 的线程会释放 GIL（绿色区间），于是等待相互重叠，I/O 密集型线程能扩展：n 个 io 毫秒的任务在 T 个线程上耗时 ⌈n/T⌉ × io。计算中的线程持有 GIL（蓝色），并在有其他线程等待时每个切换间隔交出一次（橙色 = 等待 GIL）：CPU 密集型线程无论多少个都要 n × cpu。混合型能扩展，直到计算本身占满唯一的 GIL。调度按 CPython 的方式在本次运行的时钟上建模；python/gilio.py 用真实线程运行同样的批次（time.sleep 会释放 GIL）。"),
    ("gilio.n", "jobs per batch", "每批任务数"),
    ("gilio.threads", "threads in the pool", "线程池中的线程数"),
    ("gilio.io", "I/O wait per job (ms)", "每个任务的 I/O 等待（毫秒）"),
    ("gilio.cpu", "computing per job (ms)", "每个任务的计算（毫秒）"),
    ("gilio.switch", "switch interval (µs)", "切换间隔（微秒）"),
];
