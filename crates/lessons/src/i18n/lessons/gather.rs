//! Texts of the `gather` lesson, English and 简体中文, one file.
//! A first lesson (`crate::i18n::later::FIRST_LESSONS`): what its page draws
//! is in `TABLE`, compiled into the wasm; `LATER` only what it shows off that
//! path, fetched with `i18n-later.json`.

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("event.phase_sequential", "await one by one", "逐个 await"),
    ("event.phase_gather", "asyncio.gather", "asyncio.gather 并发"),
    ("num.await_loop_ms", "await in a loop", "循环中逐个 await"),
    ("num.gather_ms", "gather", "gather 并发"),
    ("num.speedup_x", "gather is faster by", "gather 快了"),
    ("gather.title", "Sequential vs concurrent requests (gather)", "顺序请求与并发请求（gather）"),
    ("gather.notice", "The same N requests run twice. Awaited one by one in a loop, each starts only when the previous answer has arrived, so the time is the sum of all latencies. Started together with asyncio.gather, they are all in flight at once and the time is about the slowest one. Nothing runs in parallel here: the event loop just stops waiting in line.", "同样的 N 个请求运行两次。在循环中逐个 await 时，每个请求都要等上一个返回后才开始，总时间是所有延迟之和。用 asyncio.gather 一起启动时，它们同时在途，总时间约等于最慢的那个。这里没有任何并行计算：事件循环只是不再排队等待。"),
    ("gather.n", "requests (N)", "请求数（N）"),
    ("gather.latency", "latency model", "延迟模型"),
    ("gather.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("gather.seed", "seed", "随机种子"),
];

#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[];
