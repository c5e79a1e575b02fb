//! Texts of the `gil` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("gil.title", "The GIL: threads vs processes", "GIL：线程与进程"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.seq_ms", "sequential", "顺序执行"),
    ("num.gil_ms", "threads under the GIL", "GIL 下的线程"),
    ("num.free_ms", "free-threaded", "自由线程"),
    ("num.process_ms", "processes", "多进程"),
    ("num.gil_x", "GIL threads / sequential", "GIL 线程 / 顺序"),
    ("num.free_x", "free threads / sequential", "自由线程 / 顺序"),
    ("num.process_x", "processes / sequential", "多进程 / 顺序"),
    ("num.gil_switches", "GIL hand-overs", "GIL 交接次数"),
    ("event.gil_sequential", "sequential", "顺序执行"),
    ("event.gil_threads", "threads under the GIL", "GIL 下的线程"),
    ("event.gil_free", "free-threaded", "自由线程"),
    ("event.gil_processes", "processes (copy in, copy out)", "多进程（复制进、复制出）"),
    ("gil.notice", "The same CPU-bound job runs four ways. GIL threads must hold one global lock to run and hand it over every switch interval: the lanes take turns (orange = waiting for the GIL), never run at once, and the time is no better than sequential. Without the lock (free-threaded) the threads really run in parallel. Processes run in parallel too, but share nothing: as python/gil.py's ProcessPoolExecutor, each process is started (here a Web Worker with its own instance of the app and its own memory: the page's memory is not there), sent its range of items and sends back one number, each copied by postMessage (the I/O-coloured spans). With so little to copy, what processes cost is mostly their start-up.", "同一个 CPU 密集型任务以四种方式运行。GIL 线程必须持有同一把全局锁才能运行，并且每个切换间隔交出一次：各泳道轮流运行（橙色 = 等待 GIL），从不同时运行，用时并不比顺序执行好。去掉这把锁（自由线程）后，线程真正并行。进程也能并行，但彼此不共享任何东西：与 python/gil.py 的 ProcessPoolExecutor 一样，每个进程先启动（这里是一个 Web Worker，拥有自己的应用实例和自己的内存：页面的内存不在其中），收到它的数据项区间，再送回一个数字，二者都由 postMessage 复制（I/O 颜色的区间）。要复制的东西这么少，进程的代价主要就是启动。"),
    ("gil.threads", "threads / processes (0 = all)", "线程数 / 进程数（0 = 全部）"),
    ("gil.items", "items", "数据项数"),
    ("gil.rounds", "work per item (rounds)", "每项计算量（轮数）"),
    ("gil.switch", "switch interval (µs)", "切换间隔（微秒）"),
    ("gil.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("num.procs_saw_page", "processes that could read the page's memory", "能读到页面内存的进程数"),
    ("num.proc_memory_mb", "memory of one process (MB)", "一个进程的内存（MB）"),
];
