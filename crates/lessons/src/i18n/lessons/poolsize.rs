//! Texts of the `poolsize` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    (
        "poolsize.title",
        "Pool size and chunk size: repeated runs, spread, too-small tasks",
        "线程池大小与分块大小：重复测量、波动与过小的任务",
    ),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.best_chunk", "fastest chunk size", "最快的分块大小"),
    ("num.tiny_chunk_slowdown_x", "chunk size 1 is slower by", "分块大小为 1 时慢了"),
    ("poolsize.notice", "The same fixed amount of tiny work is timed several times on 1, 2, … N threads: the table gives each thread count's mean, median, spread and best time, the best pool size, and the serial fraction f of Amdahl's law fitted to the speedups (the dashed curve; with f > 0 the speedup flattens however many threads you add). Then the work is cut into chunks of 1, 10, 100, … items: with tiny chunks each task costs more to hand out, time and report than to compute, and more threads only add contention. Set “fail at chunk” to see what a failing task does: the other workers stop taking chunks, the error names the chunk, and the pool is ready for the next run.", "同样数量的微小工作在 1、2……N 个线程上各计时数次：表格给出每种线程数的平均值、中位数、波动和最佳用时、最佳线程池大小，以及按阿姆达尔定律拟合加速比得到的串行比例 f（虚线曲线；f > 0 时，无论增加多少线程，加速比都会趋于平缓）。随后把工作切成每块 1、10、100……个元素：分块过小时，分发、计时和汇报一个任务的开销超过计算本身，更多线程只会加剧争用。设置“在第几块失败”可以看到任务失败时会发生什么：其他工作线程停止领取分块，错误信息指出失败的分块，线程池随即可以进行下一次运行。"),
    ("poolsize.items", "items (fixed total work)", "元素数（总工作量固定）"),
    ("poolsize.work", "work per item (mixing rounds)", "每个元素的工作量（混合轮数）"),
    ("poolsize.chunk", "chunk size (items per task)", "分块大小（每个任务的元素数）"),
    ("poolsize.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("poolsize.reps", "repetitions per thread count", "每种线程数的重复次数"),
    ("poolsize.fail_at", "fail at chunk (−1 = never; teaching aid)", "在第几块失败（−1 = 从不；教学用）"),
];
