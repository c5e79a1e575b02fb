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
    ("ratelimit.title", "Rate limiting: token bucket and sliding window", "限流：令牌桶与滑动窗口"),
    ("ratelimit.notice", "Requests arrive faster than the limiter allows. A token bucket lets a burst of b through at once, then one request per 1/r seconds as tokens refill: the tokens track falls to zero and stays there while requests queue. A sliding window admits at most M in any W ms, so admissions come in clumps of M. With delay, waiting requests pass in arrival order and the achieved rate settles at the configured one; with reject, the extra requests fail at once (like HTTP 429) and nobody waits.", "请求到达的速度超过限流器允许的速度。令牌桶先一次放行 b 个（突发），之后随令牌补充每 1/r 秒放行一个：令牌曲线降到零并保持，请求在排队。滑动窗口在任意 W 毫秒内最多放行 M 个，所以放行成批出现。选择“延迟”时，等待的请求按到达顺序通过，实际速率稳定在配置速率；选择“拒绝”时，多出的请求立即失败（类似 HTTP 429），没有人等待。"),
    ("ratelimit.n", "requests (N)", "请求数（N）"),
    ("ratelimit.limiter", "limiter", "限流器"),
    ("ratelimit.overflow", "when full", "超限时"),
    ("ratelimit.rate", "bucket rate (tokens/s)", "令牌桶速率（令牌/秒）"),
    ("ratelimit.burst", "bucket size (burst b)", "令牌桶容量（突发 b）"),
    ("ratelimit.limit", "window limit (M)", "窗口上限（M）"),
    ("ratelimit.window", "window (W, ms)", "窗口长度（W，毫秒）"),
    ("ratelimit.arrive", "arrivals per second", "每秒到达请求数"),
    ("ratelimit.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("ratelimit.seed", "seed", "随机种子"),
    ("choice.token_bucket", "token bucket", "令牌桶"),
    ("choice.sliding_window", "sliding window", "滑动窗口"),
    ("choice.delay", "delay (wait for a turn)", "延迟（排队等待）"),
    ("choice.reject", "reject (HTTP 429)", "拒绝（HTTP 429）"),
    ("num.admitted", "admitted at once", "立即放行"),
    ("num.delayed", "delayed", "延迟放行"),
    ("num.rejected", "rejected", "被拒绝"),
    ("num.configured_rate", "configured rate (/s)", "配置速率（每秒）"),
    ("num.achieved_rate", "achieved rate (/s)", "实际速率（每秒）"),
    ("track.tokens", "tokens", "令牌"),
    ("track.window_count", "requests in window", "窗口内请求数"),
    ("prodcons.title", "Producers and consumers: a bounded queue", "生产者与消费者：有界队列"),
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
    ("choice.fifo", "FIFO (asyncio.Queue)", "先进先出（asyncio.Queue）"),
    ("choice.priority", "priority (asyncio.PriorityQueue)", "优先级（asyncio.PriorityQueue）"),
    ("choice.sentinel", "sentinels", "哨兵"),
    ("choice.cancel", "join, then cancel", "join 后取消"),
    ("num.items", "items handled", "已处理物品"),
    ("num.max_queue_depth", "max queue depth", "最大队列深度"),
    ("num.producer_blocked_ms", "producers blocked (total)", "生产者阻塞（合计）"),
    ("track.queue_depth", "queue depth", "队列深度"),
    ("lane.producer", "producer", "生产者"),
    ("lane.consumer", "consumer", "消费者"),
    ("event.shutdown_sentinel", "{n} sentinels", "{n} 个哨兵"),
    ("event.queue_closed", "{n} closed", "{n} 已关闭"),
    ("event.shutdown_cancel", "cancel {n} consumers", "取消 {n} 个消费者"),
    ("pipeline.title", "Pipeline: producer → processors → consumer", "流水线：生产者 → 处理者 → 消费者"),
    ("pipeline.notice", "Each stage works on a different item at the same time, connected by bounded queues. The processors' requests are the slowest stage, so they set the pace: the work queue stays full and the producer waits on it, while the consumer often waits on an empty results queue. Failed requests do not stop the line; they go to the error queue and its handler. Sentinels carry the shutdown down the pipe: the producer sends one per processor, and when every processor has stopped the later stages get theirs. The counts add up: produced = processed = stored + errors.", "各个阶段同时处理不同的物品，由有界队列相连。处理者的请求是最慢的阶段，因此决定了节奏：工作队列保持满载，生产者在它上面等待，而消费者经常在空的结果队列上等待。失败的请求不会让流水线停下，而是进入错误队列交给错误处理者。哨兵把关闭信号沿流水线传递：生产者为每个处理者发送一个，所有处理者都停止后，后面的阶段再收到各自的哨兵。数量总能对上：生产数 = 处理数 = 存储数 + 错误数。"),
    ("pipeline.n", "items", "物品数"),
    ("pipeline.workers", "processors (N)", "处理者数（N）"),
    ("pipeline.maxsize", "queue size", "队列容量"),
    ("pipeline.produce", "mean time to make an item (ms)", "制造一个物品的平均时间（毫秒）"),
    ("pipeline.process", "mean request time (ms)", "平均请求时间（毫秒）"),
    ("pipeline.store", "mean time to store a result (ms)", "存储一个结果的平均时间（毫秒）"),
    ("pipeline.fail", "failure rate (%)", "失败率（%）"),
    ("pipeline.seed", "seed", "随机种子"),
    ("num.produced", "produced", "已生产"),
    ("num.produce_mean_ms", "mean produce time", "平均生产时间"),
    ("num.processed", "processed", "已处理"),
    ("num.process_mean_ms", "mean processing time", "平均处理时间"),
    ("num.errors", "errors", "错误"),
    ("num.stored", "stored", "已存储"),
    ("num.store_mean_ms", "mean store time", "平均存储时间"),
    ("track.work_queue_depth", "work queue", "工作队列"),
    ("track.results_queue_depth", "results queue", "结果队列"),
    ("track.error_queue_depth", "error queue", "错误队列"),
    ("lane.processor", "processor", "处理者"),
    ("lane.errors", "error handler", "错误处理者"),
    ("actors.title", "Actors: state owned by one task, reached by messages", "Actor 模型：状态归一个任务所有，只能通过消息访问"),
    ("actors.notice", "Only the account actor ever touches the balance. Clients put deposit, withdraw and balance messages into its mailbox and wait (“reply”) for the answer on a reply channel. The actor handles one message at a time, so there is no lock and no lost update: the balance track moves in single steps, a withdrawal larger than the balance is refused instead of overdrawing, and the final balance equals the opening balance plus exactly what the replies acknowledged. When clients send faster than the actor works, the mailbox fills and senders wait on “mailbox (full)”, backpressure again. Switch the design to “shared balance” to see why: each client reads the balance, awaits its ledger write, and writes back what it read plus its change; while it waits, other clients do the same, and their updates are overwritten (the final balance misses what the replies acknowledged).", "只有账户 Actor 会接触余额。客户端把存款、取款和查询余额的消息放进它的邮箱，并在回复通道上等待（“reply”）答复。Actor 一次只处理一条消息，所以既不需要锁，也不会丢失更新：余额曲线一步一步变化，超过余额的取款会被拒绝而不是透支，最终余额恰好等于初始余额加上所有回复确认的变动。当客户端发送得比 Actor 处理得快时，邮箱会被填满，发送者在“mailbox (full)”上等待——又是背压。把设计切换为“共享余额”即可看到原因：每个客户端读取余额，等待写账本，然后写回“读到的值加上自己的变动”；在它等待时，其他客户端也在做同样的事，彼此的更新被覆盖（最终余额与回复确认的不一致）。"),
    ("actors.design", "design", "设计"),
    ("actors.clients", "clients", "客户端数"),
    ("actors.messages", "messages per client", "每个客户端的消息数"),
    ("actors.initial", "opening balance", "初始余额"),
    ("actors.work", "actor time per message (ms)", "Actor 处理每条消息的时间（毫秒）"),
    ("actors.think", "mean client think time (ms)", "客户端平均思考时间（毫秒）"),
    ("actors.mailbox", "mailbox size", "邮箱容量"),
    ("actors.seed", "seed", "随机种子"),
    ("choice.actor", "actor with a mailbox", "带邮箱的 Actor"),
    ("choice.shared", "shared balance (no actor)", "共享余额（无 Actor）"),
    ("num.final_balance", "final balance", "最终余额"),
    ("num.balance_error", "final − acknowledged (lost updates)", "最终 − 已确认（丢失的更新）"),
    ("num.expected_balance", "balance the replies add up to", "按回复累计的余额"),
    ("num.messages", "messages handled", "已处理消息"),
    ("num.rejected_withdrawals", "withdrawals refused", "被拒绝的取款"),
    ("track.balance", "balance", "余额"),
    ("track.mailbox_depth", "mailbox", "邮箱"),
    ("lane.account", "account actor", "账户 Actor"),
    ("lane.client", "client", "客户端"),
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
