//! Texts of the `sumsq` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("sumsq.title", "Speedup: sum of squares on N threads", "加速比：在 N 个线程上求平方和"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.sum_squares", "sum of squares (rounded)", "平方和（四舍五入）"),
    ("num.sum_squares_last9", "its last 9 digits (exact)", "其末 9 位（精确）"),
    ("sumsq.notice", "1² + 2² + … + n² is cut into chunks; each thread sums its own chunks and the partial sums are added at the end. No chunk needs another, so this is the simplest parallel reduction: the speedup follows the cores. The closed form n(n+1)(2n+1)/6 checks every run, and the last nine digits show the answer is exact, not rounded.", "1² + 2² + … + n² 被切成分块；每个线程求自己分块的和，最后把部分和相加。分块之间互不依赖，这是最简单的并行归约：加速比随核数增长。闭式公式 n(n+1)(2n+1)/6 校验每次运行，末九位数字表明答案是精确的，而非四舍五入。"),
    ("sumsq.n", "sum of squares up to n", "求平方和直到 n"),
    ("sumsq.chunk", "chunk size", "分块大小"),
    ("sumsq.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("sumsq.reps", "repetitions (best counts)", "重复次数（取最佳）"),
];
