//! Texts of the `mandelbrot` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("mandelbrot.title", "Speedup: drawing the Mandelbrot set on N threads", "加速比：在 N 个线程上绘制曼德博集合"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.points_inside", "pixels inside the set", "集合内的像素"),
    ("num.iterations_total", "steps in total", "总迭代步数"),
    ("mandelbrot.notice", "Each chunk is a band of rows. Bands that cross the set cost up to max_iter steps per pixel, bands outside it only a few, so in the timeline some chunks are many times longer than others. Because idle threads pull the next band, the load still evens out; a fixed split into N equal parts would leave threads waiting for the one with the middle of the set. The picture below is the result itself.", "每个分块是若干行。穿过集合的行带每个像素最多要迭代 max_iter 步，集合外的行带只需几步，所以时间线上有些分块比别的长很多倍。由于空闲线程会领取下一条行带，负载依然均衡；若固定分成 N 等份，其他线程就要等待负责集合中部的那个线程。下方的图像就是计算结果本身。"),
    ("mandelbrot.width", "width (pixels)", "宽度（像素）"),
    ("mandelbrot.height", "height (pixels)", "高度（像素）"),
    ("mandelbrot.max_iter", "most steps per pixel", "每像素最多迭代步数"),
    ("mandelbrot.rows", "rows per chunk", "每个分块的行数"),
    ("mandelbrot.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("mandelbrot.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("mandelbrot.image", "The computed image", "计算出的图像"),
];
