//! Texts of the `structures` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("structures.title", "Concurrent data structures under contention", "竞争下的并发数据结构"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.counter_mutex_per_s", "counter, mutex (ops/s)", "计数器 · 互斥锁（次/秒）"),
    ("num.counter_atomic_per_s", "counter, atomic (ops/s)", "计数器 · 原子操作（次/秒）"),
    ("num.list_mutex_per_s", "list, mutex (ops/s)", "列表 · 互斥锁（次/秒）"),
    ("num.cache_mutex_per_s", "LRU cache, one mutex (ops/s)", "LRU 缓存 · 单个互斥锁（次/秒）"),
    ("num.cache_rwlock_per_s", "cache, RwLock (ops/s)", "缓存 · 读写锁（次/秒）"),
    ("num.cache_sharded_per_s", "LRU cache, sharded (ops/s)", "LRU 缓存 · 分片（次/秒）"),
    ("event.structures_counter_mutex", "counter, mutex", "计数器 · 互斥锁"),
    ("event.structures_counter_atomic", "counter, atomic", "计数器 · 原子操作"),
    ("event.structures_list_mutex", "list, mutex", "列表 · 互斥锁"),
    ("event.structures_cache_mutex", "LRU cache, one mutex", "LRU 缓存 · 单个互斥锁"),
    ("event.structures_cache_rwlock", "cache, RwLock", "缓存 · 读写锁"),
    ("event.structures_cache_sharded", "LRU cache, sharded", "LRU 缓存 · 分片"),
    ("structures.notice", "All threads hammer one shared structure, one design after another; every design ends in a correct state, but throughput differs widely. A counter behind a mutex makes threads queue for the lock; an atomic counter does not. An LRU cache behind one mutex serializes every access; an RwLock lets reads share the lock (but then they cannot refresh recency); sharding splits the cache into N independently locked parts, so threads rarely meet. Raise the read share or the shard count and watch the numbers.", "所有线程轮番冲击同一个共享结构，逐一测试各种设计；每种设计最终状态都正确，但吞吐量差别很大。用互斥锁保护的计数器让线程排队等锁；原子计数器则不会。用一把互斥锁保护的 LRU 缓存让每次访问都串行；读写锁让读操作共享锁（但读操作因此无法刷新最近使用顺序）；分片把缓存拆成 N 个各自加锁的部分，线程很少相遇。调高读比例或分片数，观察数字的变化。"),
    ("structures.threads", "threads (0 = all)", "线程数（0 = 全部）"),
    ("structures.ops", "operations per thread", "每个线程的操作数"),
    ("structures.read", "reads (%)", "读操作比例（%）"),
    ("structures.shards", "shards", "分片数"),
];
