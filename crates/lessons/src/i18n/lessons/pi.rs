//! Texts of the `pi` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("pi.title", "Speedup: Monte Carlo π on N threads", "加速比：在 N 个线程上用蒙特卡洛法估算 π"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.pi_estimate", "π estimate", "π 估计值"),
    ("num.pi_estimate_error", "error |estimate − π|", "误差 |估计值 − π|"),
    ("pi.notice", "Random points fall into a square; the share inside the quarter circle tends to π/4. Every chunk has its own seeded random stream, so 1, 2, … N threads compute exactly the same estimate: only the time changes. No chunk waits for another, so the speedup follows the number of cores; more samples shrink the error like 1/√samples.", "随机点落入正方形，落在四分之一圆内的比例趋近 π/4。每个分块都有自己的带种子随机数流，所以 1、2……N 个线程算出完全相同的估计值，只有用时不同。分块之间互不等待，加速比随核数增长；样本越多，误差按 1/√样本数 缩小。"),
    ("pi.samples", "samples", "样本数"),
    ("pi.chunk", "chunk size", "分块大小"),
    ("pi.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("pi.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("pi.seed", "seed", "随机种子"),
];
