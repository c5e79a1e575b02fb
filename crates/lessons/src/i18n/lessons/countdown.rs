//! Texts of the `countdown` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, fetched with `i18n-later.json`
//! (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[("countdown.title", "Interleaved countdowns (gather and sleep)", "交错的倒计时（gather 与 sleep）")];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("countdown.notice", "Each countdown prints a line, then sleeps one tick, until it reaches zero; asyncio.gather runs them all at once. While one sleeps the others run, so the waits overlap: the run takes as long as the longest countdown (5 ticks for 3, 5, 2: 5 s, not 10 s), not the sum. The lines interleave in a fixed order: at each tick every countdown still going prints once, in the order the tasks were started (A, then B, then C), because their timers come due in the order they were set. The marker row above the lanes shows each tick's lines in printed order.", "每个倒计时打印一行，然后睡眠一个节拍，直到数到零；asyncio.gather 让它们同时运行。一个在睡眠时其他的在运行，所以等待互相重叠：整个运行只需要最长的那个倒计时的时间（3、5、2 时为 5 个节拍：5 秒，而不是 10 秒），而不是它们的总和。各行按固定顺序交错：每个节拍上，尚未结束的倒计时各打印一次，顺序就是任务启动的顺序（先 A，再 B，再 C），因为它们的定时器按设置的先后到期。泳道上方的标记行按打印顺序显示每个节拍打印的行。"),
    ("countdown.counts", "countdowns start from (A, B, C, …)", "各倒计时的起点（A、B、C……）"),
    ("countdown.tick", "tick (ms)", "节拍（毫秒）"),
    ("lane.countdown", "countdown", "倒计时"),
    ("event.countdown_print", "prints {n}", "打印 {n}"),
    // The marker row shows a round's lines as they are (no `event.countdown_round`); the replay says what they are.
    ("replay.ev.countdown_round", "this tick printed {n}", "本节拍打印了 {n}"),
    ("num.lines_printed", "lines printed", "打印的行数"),
    ("num.sequential_ms", "one after another would take", "逐个运行将需要"),
    ("num.countdowns_done", "countdowns finished", "已完成的倒计时"),
];
