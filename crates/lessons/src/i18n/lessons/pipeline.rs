//! Texts of the `pipeline` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("pipeline.title", "Pipeline: producer → processors → consumer", "流水线：生产者 → 处理者 → 消费者"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.produced", "produced", "已生产"),
    ("num.processed", "processed", "已处理"),
    ("num.process_mean_ms", "mean processing time", "平均处理时间"),
    ("num.errors", "errors", "错误"),
    ("num.store_mean_ms", "mean store time", "平均存储时间"),
    ("track.work_queue_depth", "work queue", "工作队列"),
    ("track.results_queue_depth", "results queue", "结果队列"),
    ("track.error_queue_depth", "error queue", "错误队列"),
    ("lane.errors", "error handler", "错误处理者"),
    ("pipeline.notice", "Each stage works on a different item at the same time, connected by bounded queues. The processors' requests are the slowest stage, so they set the pace: the work queue stays full and the producer waits on it, while the consumer often waits on an empty results queue. Failed requests do not stop the line; they go to the error queue and its handler. Sentinels carry the shutdown down the pipe: the producer sends one per processor, and when every processor has stopped the later stages get theirs. The counts add up: produced = processed = stored + errors.", "各个阶段同时处理不同的物品，由有界队列相连。处理者的请求是最慢的阶段，因此决定了节奏：工作队列保持满载，生产者在它上面等待，而消费者经常在空的结果队列上等待。失败的请求不会让流水线停下，而是进入错误队列交给错误处理者。哨兵把关闭信号沿流水线传递：生产者为每个处理者发送一个，所有处理者都停止后，后面的阶段再收到各自的哨兵。数量总能对上：生产数 = 处理数 = 存储数 + 错误数。"),
    ("pipeline.n", "items", "物品数"),
    ("pipeline.workers", "processors (N)", "处理者数（N）"),
    ("pipeline.maxsize", "queue size", "队列容量"),
    ("pipeline.produce", "mean time to make an item (ms)", "制造一个物品的平均时间（毫秒）"),
    ("pipeline.process", "mean request time (ms)", "平均请求时间（毫秒）"),
    ("pipeline.store", "mean time to store a result (ms)", "存储一个结果的平均时间（毫秒）"),
    ("pipeline.fail", "failure rate (%)", "失败率（%）"),
    ("pipeline.seed", "seed", "随机种子"),
];
