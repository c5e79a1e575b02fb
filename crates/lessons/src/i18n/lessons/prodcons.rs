//! Texts of the `prodcons` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("prodcons.title", "Producers and consumers: a bounded queue", "生产者与消费者：有界队列"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.fifo", "FIFO (asyncio.Queue)", "先进先出（asyncio.Queue）"),
    ("choice.priority", "priority (asyncio.PriorityQueue)", "优先级（asyncio.PriorityQueue）"),
    ("choice.sentinel", "sentinels", "哨兵"),
    ("choice.cancel", "join, then cancel", "join 后取消"),
    ("num.max_queue_depth", "max queue depth", "最大队列深度"),
    ("num.producer_blocked_ms", "producers blocked (total)", "生产者阻塞（合计）"),
    ("track.queue_depth", "queue depth", "队列深度"),
    ("event.shutdown_sentinel", "{n} sentinels", "{n} 个哨兵"),
    ("event.shutdown_cancel", "cancel {n} consumers", "取消 {n} 个消费者"),
    ("prodcons.notice", "Producers make items faster than consumers can handle them. The queue holds at most maxsize items: once it is full, a producer's put waits (orange, “queue (full)”) until a consumer takes one. That is backpressure: the queue-depth track climbs to maxsize and never above it, and the producers slow down to the consumers' pace instead of piling up memory. Idle consumers wait on “queue (empty)”. A priority queue hands out urgent items (priority 0) first. To shut down, either put one sentinel per consumer after the last item, or wait for queue.join() and cancel the consumers (their lanes end as cancelled).", "生产者制造物品的速度快于消费者处理的速度。队列最多容纳 maxsize 个物品：队列满时，生产者的 put 会等待（橙色，“queue (full)”），直到消费者取走一个。这就是背压：队列深度曲线升到 maxsize 后不再上升，生产者被迫放慢到消费者的节奏，而不是无限堆积内存。空闲的消费者在“queue (empty)”上等待。优先队列先交出紧急物品（优先级 0）。关闭时，可以在最后一个物品之后为每个消费者放入一个哨兵，或者等待 queue.join() 后取消消费者（它们的泳道以“已取消”结束）。"),
    ("prodcons.producers", "producers (P)", "生产者数（P）"),
    ("prodcons.consumers", "consumers (C)", "消费者数（C）"),
    ("prodcons.maxsize", "queue size (maxsize)", "队列容量（maxsize）"),
    ("prodcons.items", "items per producer", "每个生产者的物品数"),
    ("prodcons.produce", "mean time to make an item (ms)", "制造一个物品的平均时间（毫秒）"),
    ("prodcons.consume", "mean time to handle an item (ms)", "处理一个物品的平均时间（毫秒）"),
    ("prodcons.queue", "queue kind", "队列类型"),
    ("prodcons.shutdown", "shutdown", "关闭方式"),
    ("prodcons.seed", "seed", "随机种子"),
];
