//! Texts of the `hybrid` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("hybrid.title", "Hybrid: async requests, processing on the pool", "混合：异步请求，线程池处理"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.responses_processed", "responses processed", "已处理的响应"),
    ("num.cpu_total_ms", "CPU time on the pool", "线程池上的 CPU 时间"),
    ("hybrid.notice", "All N requests are in flight at once on the event loop. As each answer arrives, its body is handed to the worker pool (primes counted in the range it stands for) and the loop goes straight back to receiving the others: request lanes turn from I/O to waiting for the pool while worker lanes process. I/O and CPU overlap, so the makespan is far below waiting for every answer and then processing them one by one, and the loop-lag track stays flat.", "N 个请求同时在事件循环上发出。每收到一个响应，就把它的内容交给工作线程池处理（统计它所代表区间内的素数），事件循环立刻回去接收其他响应：请求泳道从 I/O 变为等待线程池，工作线程泳道在处理。I/O 与 CPU 相互重叠，总耗时远小于先等所有响应再逐个处理，事件循环延迟曲线保持平坦。"),
    ("hybrid.n", "requests (N)", "请求数（N）"),
    ("hybrid.latency", "latency model", "延迟模型"),
    ("hybrid.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("hybrid.work", "numbers to check per response", "每个响应要检查的数字个数"),
    ("hybrid.seed", "seed", "随机种子"),
];
