//! Every user-visible string, in English and 简体中文, in one table. Keys are
//! stable ids; scenario strings use `<scenario>.<what>`, parameters
//! `<scenario>.<param>`, states `state.<state>`, tracks `track.<name>`.
//! A native test checks that every key the catalogue needs is here in both
//! languages. Templates use `{name}` placeholders, filled by [`fill`].

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// From a URL value or a browser language tag (`zh`, `zh-CN`, `zh-Hans`, `en-US`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") {
            Some(Lang::Zh)
        } else if t == "en" || t.starts_with("en-") || t.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }
    /// The short code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

/// (key, English, 简体中文)
pub static TABLE: &[(&str, &str, &str)] = &[
    ("app.title", "Concurrency Playground", "并发演练场"),
    ("app.tagline", "Pick a lesson, run it for real, see what happened.", "选一课，真实运行，看清发生了什么。"),
    ("app.lesson", "Lesson", "课程"),
    ("app.language", "Language", "语言"),
    ("app.kind.async", "async · event loop", "异步 · 事件循环"),
    ("app.kind.cpu", "parallel · thread pool", "并行 · 线程池"),
    ("app.params", "Parameters", "参数"),
    ("app.run", "Run", "运行"),
    ("app.stop", "Stop", "停止"),
    ("app.reset", "Defaults", "恢复默认"),
    ("app.share", "Share link", "分享链接"),
    ("app.download", "Trace (Chrome JSON)", "跟踪（Chrome JSON）"),
    ("app.download_csv", "Spans (CSV)", "区间（CSV）"),
    ("app.download_png", "Timeline (PNG)", "时间线（PNG）"),
    ("app.notice", "What to notice", "值得注意"),
    ("app.python", "The same idea in Python (CPython 3.11)", "同一思路的 Python 版本（CPython 3.11）"),
    ("app.timeline", "Timeline", "时间线"),
    ("app.tracks", "Resources", "资源"),
    ("app.numbers", "Numbers", "数据"),
    ("app.speedup", "Speedup vs threads", "加速比与线程数"),
    ("app.no_run", "Press Run to see the timeline.", "点击“运行”查看时间线。"),
    ("app.no_numbers", "The numbers of the run appear here.", "运行后的数据显示在这里。"),
    ("app.status.idle", "Ready", "就绪"),
    ("app.status.running", "Running…", "运行中…"),
    ("app.status.done", "Done", "完成"),
    ("app.status.stopped", "Stopped", "已停止"),
    ("app.status.failed", "Failed", "失败"),
    ("app.open_tab", "Open in a new tab", "在新标签页中打开"),
    ("app.hover_hint", "Hover for details · wheel to zoom · drag to pan · double-click to reset", "悬停查看详情 · 滚轮缩放 · 拖动平移 · 双击复位"),
    ("app.ms", "ms", "毫秒"),
    ("app.threads", "threads", "线程"),
    ("app.ideal", "ideal", "理想"),
    ("app.k_sweep", "Makespan vs K", "总耗时与 K"),
    ("app.k_sweep_note", "The same requests replayed for each K on the virtual clock (instant, exact); the square is this run, measured in the browser.", "同一批请求在虚拟时钟上按每个 K 重放（瞬时、精确）；方块是本次在浏览器中实测的运行。"),
    ("app.measured", "measured", "实测"),
    ("app.efficiency", "efficiency", "效率"),
    ("app.pool_starting", "Starting the worker pool…", "正在启动工作线程池…"),
    ("app.endpoint_waiting", "Starting the built-in request endpoint…", "正在启动内置请求端点…"),
    ("err.not_isolated", "This page is not cross-origin isolated, so it cannot share memory with Web Workers: CPU lessons can't run here (async lessons still can). The host page must send Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp, or open the playground in its own tab.", "此页面未启用跨源隔离，无法与 Web Worker 共享内存：CPU 课程无法在此运行（异步课程仍可运行）。宿主页面需要发送 Cross-Origin-Opener-Policy: same-origin 和 Cross-Origin-Embedder-Policy: require-corp，或在单独的标签页中打开演练场。"),
    ("err.not_a_number", "{param}: “{input}” is not a whole number.", "{param}：“{input}”不是整数。"),
    ("err.out_of_range", "{param}: {value} is out of range; use {min} to {max}.", "{param}：{value} 超出范围，请使用 {min} 到 {max}。"),
    ("err.unknown_choice", "{param}: “{input}” is not one of {options}.", "{param}：“{input}”不是 {options} 之一。"),
    ("err.unknown_lesson", "There is no lesson “{id}”; showing “{default}” instead.", "没有名为“{id}”的课程，已改为显示“{default}”。"),
    ("err.unknown_param", "The link has a parameter “{key}” that lesson “{lesson}” does not use; it was ignored.", "链接中的参数“{key}”不属于课程“{lesson}”，已忽略。"),
    ("err.bad_lang", "Unknown language “{input}”; use en or zh.", "未知语言“{input}”，请使用 en 或 zh。"),
    ("err.run_failed", "The run failed: {msg}", "运行失败：{msg}"),
    ("err.pool", "The worker pool could not start: {msg}", "工作线程池无法启动：{msg}"),
    ("err.endpoint", "The built-in request endpoint (service worker) is not available: {msg}", "内置请求端点（Service Worker）不可用：{msg}"),
    ("event.sweep_step", "threads = {n}", "线程数 = {n}"),
    ("lane.request", "request", "请求"),
    ("lane.await", "await", "逐个 await"),
    ("lane.gather", "gather", "并发 gather"),
    ("event.phase_sequential", "await one by one", "逐个 await"),
    ("event.phase_gather", "asyncio.gather", "asyncio.gather 并发"),
    ("lane.worker", "worker", "工作线程"),
    ("state.running", "running", "运行"),
    ("state.waiting", "waiting", "等待"),
    ("state.io", "in I/O", "I/O 中"),
    ("state.sleeping", "sleeping", "休眠"),
    ("state.failed", "failed", "失败"),
    ("state.cancelled", "cancelled", "已取消"),
    ("outcome.done", "done", "完成"),
    ("outcome.failed", "failed", "失败"),
    ("outcome.cancelled", "cancelled", "已取消"),
    ("track.permits_in_use", "permits in use", "已占用许可"),
    ("track.waiters", "waiters", "等待者"),
    ("num.makespan", "makespan", "总耗时"),
    ("num.throughput", "throughput (/s)", "吞吐量（每秒）"),
    ("num.max_in_flight", "max in flight", "最大并发请求"),
    ("num.p50", "p50 latency", "p50 延迟"),
    ("num.p95", "p95 latency", "p95 延迟"),
    ("num.p99", "p99 latency", "p99 延迟"),
    ("num.done", "done", "完成"),
    ("num.failed", "failed", "失败"),
    ("num.primes_found", "primes found", "找到的素数"),
    ("num.pi_estimate", "π estimate", "π 估计值"),
    ("num.pi_estimate_error", "error |estimate − π|", "误差 |估计值 − π|"),
    ("num.await_loop_ms", "await in a loop", "循环中逐个 await"),
    ("num.gather_ms", "gather", "gather 并发"),
    ("num.speedup_x", "gather is faster by", "gather 快了"),
    ("num.t1", "time, 1 thread", "1 线程用时"),
    ("num.t2", "time, 2 threads", "2 线程用时"),
    ("num.speedup_max", "best speedup", "最佳加速比"),
    ("num.best_threads", "at threads", "对应线程数"),
    ("num.efficiency_max", "efficiency there", "该处效率"),
    ("num.pool_threads", "pool threads", "线程池线程数"),
    ("gather.title", "Sequential vs concurrent requests (gather)", "顺序请求与并发请求（gather）"),
    ("gather.notice", "The same N requests run twice. Awaited one by one in a loop, each starts only when the previous answer has arrived, so the time is the sum of all latencies. Started together with asyncio.gather, they are all in flight at once and the time is about the slowest one. Nothing runs in parallel here: the event loop just stops waiting in line.", "同样的 N 个请求运行两次。在循环中逐个 await 时，每个请求都要等上一个返回后才开始，总时间是所有延迟之和。用 asyncio.gather 一起启动时，它们同时在途，总时间约等于最慢的那个。这里没有任何并行计算：事件循环只是不再排队等待。"),
    ("gather.n", "requests (N)", "请求数（N）"),
    ("gather.latency", "latency model", "延迟模型"),
    ("gather.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("gather.seed", "seed", "随机种子"),
    ("crawler.title", "Semaphore-bounded crawler", "信号量限流爬虫"),
    ("crawler.notice", "N requests share K permits. With K = 1 the makespan is the sum of all latencies; each step up in K divides it, until K ≥ N and it is just the slowest request. Lanes that start orange waited for a permit: the waiters track shows the queue draining in order (FIFO, like asyncio.Semaphore), and permits in use never exceeds K.", "N 个请求共享 K 个许可。K = 1 时总耗时等于所有延迟之和；K 每增大一步，总耗时随之缩短，直到 K ≥ N 时只取决于最慢的请求。开头是橙色的泳道在等待许可：等待者曲线显示队列按顺序（先进先出，与 asyncio.Semaphore 相同）清空，已占用许可永远不超过 K。"),
    ("crawler.n", "requests (N)", "请求数（N）"),
    ("crawler.k", "max in flight (K)", "最大并发（K）"),
    ("crawler.latency", "latency model", "延迟模型"),
    ("crawler.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("crawler.fail", "failure rate (%)", "失败率（%）"),
    ("crawler.seed", "seed", "随机种子"),
    ("choice.fixed", "fixed", "固定"),
    ("choice.uniform", "uniform", "均匀"),
    ("choice.longtail", "long tail", "长尾"),
    ("pi.title", "Speedup: Monte Carlo π on N threads", "加速比：在 N 个线程上用蒙特卡洛法估算 π"),
    ("pi.notice", "Random points fall into a square; the share inside the quarter circle tends to π/4. Every chunk has its own seeded random stream, so 1, 2, … N threads compute exactly the same estimate: only the time changes. No chunk waits for another, so the speedup follows the number of cores; more samples shrink the error like 1/√samples.", "随机点落入正方形，落在四分之一圆内的比例趋近 π/4。每个分块都有自己的带种子随机数流，所以 1、2……N 个线程算出完全相同的估计值，只有用时不同。分块之间互不等待，加速比随核数增长；样本越多，误差按 1/√样本数 缩小。"),
    ("pi.samples", "samples", "样本数"),
    ("pi.chunk", "chunk size", "分块大小"),
    ("pi.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("pi.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("pi.seed", "seed", "随机种子"),
    ("primes.title", "Speedup: counting primes on N threads", "加速比：在 N 个线程上数素数"),
    ("primes.notice", "The same count runs on 1, 2, … N threads of the pool (Web Workers sharing one memory), repeated, and each thread count keeps its best time. Chunks are pulled from a shared counter, so a worker that finishes early takes the next chunk: lanes stay busy and the speedup approaches the number of cores. Efficiency below 100% is overhead and the busy machine; the page itself never waits.", "同一计数任务依次在线程池的 1、2……N 个线程上运行（共享同一内存的 Web Worker），重复数次，每种线程数取最佳用时。各线程从共享计数器领取分块，先完成的线程立即领取下一块：泳道保持忙碌，加速比接近核数。效率低于 100% 来自开销和机器负载；页面本身从不等待。"),
    ("primes.bound", "count primes below", "统计小于此数的素数"),
    ("primes.chunk", "chunk size", "分块大小"),
    ("primes.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("primes.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    // ---- async: results (3), task groups (4), resilience (5) ----
    ("group.marker.a", "-", "-"),
    // ---- async: rate limits (6), queues (7), pipeline (8), actors (12) ----
    ("group.marker.b", "-", "-"),
    // ---- async: blocking the loop (9), cpu: hybrid ----
    ("group.marker.c", "-", "-"),
    // ---- async: coordination (10), deadlock (11) ----
    ("group.marker.d", "-", "-"),
    // ---- cpu: speedup workloads and map-reduce ----
    ("group.marker.e", "-", "-"),
    // ---- cpu: pool size, chunk size, statistics ----
    ("group.marker.f", "-", "-"),
    // ---- cpu: sharing lessons ----
    ("race.title", "Race conditions: lost updates", "竞态条件：丢失的更新"),
    ("race.notice", "Every thread adds 1 to one shared counter, three ways. Unsynchronized, a thread reads the counter and writes back value + 1; when two threads read the same value, both write the same result and one increment is lost: the count ends below the expected total (usually, not always: the threads may happen not to overlap). Under a mutex the read-modify-write is one step and nothing is lost, at the price of threads waiting for the lock. An atomic fetch_add is one hardware instruction: nothing is lost and it is much faster than the mutex.", "每个线程以三种方式给同一个共享计数器加 1。不加同步时，线程先读计数器再写回“值 + 1”；两个线程读到同一个值时会写回相同的结果，其中一次加法就丢失了：最终计数低于预期总数（通常如此，但不一定：线程可能恰好没有重叠）。用互斥锁时“读-改-写”成为一步，什么也不会丢，代价是线程要等锁。原子 fetch_add 是一条硬件指令：不丢更新，而且比互斥锁快得多。"),
    ("race.threads", "threads (0 = all)", "线程数（0 = 全部）"),
    ("race.increments", "increments per thread", "每个线程的加法次数"),
    ("num.expected_count", "expected count", "预期计数"),
    ("num.unsync_count", "count, unsynchronized", "计数（不同步）"),
    ("num.mutex_count", "count, mutex", "计数（互斥锁）"),
    ("num.atomic_count", "count, atomic", "计数（原子操作）"),
    ("num.lost_updates", "lost updates", "丢失的更新"),
    ("num.unsync_ms", "time, unsynchronized", "用时（不同步）"),
    ("num.mutex_ms", "time, mutex", "用时（互斥锁）"),
    ("num.atomic_ms", "time, atomic", "用时（原子操作）"),
    ("event.race_unsync", "unsynchronized read, then write", "不同步：先读后写"),
    ("event.race_mutex", "under a mutex", "互斥锁保护"),
    ("event.race_atomic", "atomic fetch_add", "原子 fetch_add"),
    ("gil.title", "The GIL: threads vs processes", "GIL：线程与进程"),
    ("gil.notice", "The same CPU-bound job runs four ways. GIL threads must hold one global lock to run and hand it over every switch interval: the lanes take turns (orange = waiting for the GIL), never run at once, and the time is no better than sequential. Without the lock (free-threaded) the threads really run in parallel. Processes run in parallel too, but share nothing: each input is pickled, copied and unpickled, and so are the results (the I/O-coloured spans); that copying and, in Python, starting the processes is what multiprocessing costs.", "同一个 CPU 密集型任务以四种方式运行。GIL 线程必须持有同一把全局锁才能运行，并且每个切换间隔交出一次：各泳道轮流运行（橙色 = 等待 GIL），从不同时运行，用时并不比顺序执行好。去掉这把锁（自由线程）后，线程真正并行。进程也能并行，但彼此不共享任何东西：每份输入都要序列化、复制、反序列化，结果也一样（I/O 颜色的区间）；这些复制，以及在 Python 中启动进程的开销，就是 multiprocessing 的代价。"),
    ("gil.threads", "threads / processes (0 = all)", "线程数 / 进程数（0 = 全部）"),
    ("gil.items", "items", "数据项数"),
    ("gil.rounds", "work per item (rounds)", "每项计算量（轮数）"),
    ("gil.switch", "switch interval (µs)", "切换间隔（微秒）"),
    ("gil.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("num.seq_ms", "sequential", "顺序执行"),
    ("num.gil_ms", "threads under the GIL", "GIL 下的线程"),
    ("num.free_ms", "free-threaded", "自由线程"),
    ("num.process_ms", "processes", "多进程"),
    ("num.gil_x", "GIL threads / sequential", "GIL 线程 / 顺序"),
    ("num.free_x", "free threads / sequential", "自由线程 / 顺序"),
    ("num.process_x", "processes / sequential", "多进程 / 顺序"),
    ("num.bytes_copied", "bytes copied", "复制的字节数"),
    ("num.gil_switches", "GIL hand-overs", "GIL 交接次数"),
    ("event.gil_sequential", "sequential", "顺序执行"),
    ("event.gil_threads", "threads under the GIL", "GIL 下的线程"),
    ("event.gil_free", "free-threaded", "自由线程"),
    ("event.gil_processes", "processes (copy in, copy out)", "多进程（复制进、复制出）"),
    ("lane.thread", "thread", "线程"),
    ("lane.process", "process", "进程"),
    ("lane.main", "main", "主线程"),
    ("sharing.title", "Shared memory vs message passing", "共享内存与消息传递"),
    ("sharing.notice", "The same sum over the same buffer runs twice. With shared memory every worker reads its chunk where it lies: the lanes are solid compute. With message passing each chunk is pickled into bytes, copied and unpickled before any computing starts, and the result travels back the same way: the I/O-coloured copy spans dwarf the thin compute spans when the work per item is small. Raise the work per item and the copying matters less.", "同一个缓冲区上的同一个求和运行两次。使用共享内存时，每个工作线程直接在原处读取自己的分块：泳道上全是计算。使用消息传递时，每个分块先要序列化成字节、复制、再反序列化，然后才能开始计算，结果也要原路返回：当每项计算量很小时，I/O 颜色的复制区间远远长于细小的计算区间。增大每项计算量，复制的影响就会变小。"),
    ("sharing.threads", "threads (0 = all)", "线程数（0 = 全部）"),
    ("sharing.items", "items in the buffer", "缓冲区数据项数"),
    ("sharing.chunk", "chunk size", "分块大小"),
    ("sharing.rounds", "work per item (rounds)", "每项计算量（轮数）"),
    ("num.shared_ms", "shared memory", "共享内存"),
    ("num.copy_ms", "message passing", "消息传递"),
    ("num.copy_x", "message passing / shared", "消息传递 / 共享内存"),
    ("num.bytes_shared", "bytes shared (never copied)", "共享的字节数（从不复制）"),
    ("event.sharing_shared", "shared memory", "共享内存"),
    ("event.sharing_messages", "message passing", "消息传递"),
    ("structures.title", "Concurrent data structures under contention", "竞争下的并发数据结构"),
    ("structures.notice", "All threads hammer one shared structure, one design after another; every design ends in a correct state, but throughput differs widely. A counter behind a mutex makes threads queue for the lock; an atomic counter does not. An LRU cache behind one mutex serializes every access; an RwLock lets reads share the lock (but then they cannot refresh recency); sharding splits the cache into N independently locked parts, so threads rarely meet. Raise the read share or the shard count and watch the numbers.", "所有线程轮番冲击同一个共享结构，逐一测试各种设计；每种设计最终状态都正确，但吞吐量差别很大。用互斥锁保护的计数器让线程排队等锁；原子计数器则不会。用一把互斥锁保护的 LRU 缓存让每次访问都串行；读写锁让读操作共享锁（但读操作因此无法刷新最近使用顺序）；分片把缓存拆成 N 个各自加锁的部分，线程很少相遇。调高读比例或分片数，观察数字的变化。"),
    ("structures.threads", "threads (0 = all)", "线程数（0 = 全部）"),
    ("structures.ops", "operations per thread", "每个线程的操作数"),
    ("structures.read", "reads (%)", "读操作比例（%）"),
    ("structures.shards", "shards", "分片数"),
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
    ("stealing.title", "Work stealing made visible", "看得见的工作窃取"),
    ("stealing.notice", "Tasks of uneven sizes run twice on every worker of the pool. Cut into one fixed block per worker, the worker that drew the heavy tasks is still busy while the others sit idle (the empty ends of the lanes). With rayon::join, each worker keeps its own queue of halves and an idle worker steals from a busy one: the lanes end together. Hover a task to see which worker queued it and which ran it; the steals count the halves that moved.", "大小不一的任务在线程池的所有工作线程上运行两次。预先给每个工作线程切一块固定的任务时，分到重任务的线程还在忙，其他线程却已空闲（泳道末尾的空白）。使用 rayon::join 时，每个工作线程维护自己的任务队列，空闲线程会从忙碌线程那里窃取任务：各泳道几乎同时结束。把鼠标悬停在任务上，可以看到它由哪个线程排队、由哪个线程执行；窃取次数统计被转移的任务块。"),
    ("stealing.tasks", "tasks", "任务数"),
    ("stealing.size", "mean task size (k rounds)", "平均任务大小（千轮）"),
    ("stealing.skew", "task sizes", "任务大小分布"),
    ("stealing.seed", "seed", "随机种子"),
    ("choice.heavy", "heavy tail", "重尾"),
    ("num.static_ms", "fixed blocks", "固定分块"),
    ("num.stealing_ms", "work stealing", "工作窃取"),
    ("num.static_idle_ms", "idle worker time, fixed blocks", "工作线程空闲时间（固定分块）"),
    ("num.stealing_idle_ms", "idle worker time, stealing", "工作线程空闲时间（工作窃取）"),
    ("num.steals", "steals", "窃取次数"),
    ("event.stealing_blocks", "one fixed block per worker", "每个工作线程一块固定任务"),
    ("event.stealing_join", "rayon::join with stealing", "rayon::join 与工作窃取"),
    ("group.marker.g", "-", "-"),
    // ---- UI: replay, import, clock ----
    ("group.marker.h", "-", "-"),
];

/// The text for `key` in `lang`; the key itself if missing (tests keep that from happening).
pub fn tr<'a>(lang: Lang, key: &'a str) -> &'a str {
    match TABLE.iter().find(|(k, _, _)| *k == key) {
        Some((_, en, zh)) => match lang {
            Lang::En => en,
            Lang::Zh => zh,
        },
        None => key,
    }
}

/// Is there an entry for `key`?
pub fn has(key: &str) -> bool {
    TABLE.iter().any(|(k, _, _)| *k == key)
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = template.to_owned();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// A lane name for display: the engine names lanes `<kind> <n>` in English
/// (`request 3`, `worker 0`); the kind is translated through `lane.<kind>`.
pub fn lane_name(lang: Lang, name: &str) -> String {
    match name.split_once(' ') {
        Some((kind, rest)) if has(&format!("lane.{kind}")) => format!("{} {rest}", tr(lang, &format!("lane.{kind}"))),
        _ => name.to_owned(),
    }
}

/// A run-wide event's marker text: `event.<name>` with `{n}` = its detail.
pub fn event_text(lang: Lang, name: &str, detail: Option<&str>) -> String {
    let key = format!("event.{name}");
    if has(&key) {
        fill(tr(lang, &key), &[("n", detail.unwrap_or(""))])
    } else {
        detail.unwrap_or(name).to_owned()
    }
}

/// A parameter error, explained in `lang`.
pub fn param_error(lang: Lang, scenario: &str, e: &crate::engine::params::ParamError) -> String {
    use crate::engine::params::ParamError::*;
    let key = format!("{scenario}.{}", e.key());
    let label = tr(lang, &key);
    match e {
        NotANumber { input, .. } => fill(tr(lang, "err.not_a_number"), &[("param", label), ("input", input)]),
        OutOfRange { value, min, max, .. } => fill(
            tr(lang, "err.out_of_range"),
            &[("param", label), ("value", &value.to_string()), ("min", &min.to_string()), ("max", &max.to_string())],
        ),
        UnknownChoice { input, options, .. } => {
            fill(tr(lang, "err.unknown_choice"), &[("param", label), ("input", input), ("options", &options.join(", "))])
        }
    }
}
