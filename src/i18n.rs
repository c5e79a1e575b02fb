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
    ("results.title", "Results: gather, return_exceptions, as_completed", "结果：gather、return_exceptions 与 as_completed"),
    ("results.notice", "The same N requests, some of which fail, run three times. With plain gather the first exception reaches the caller at once, yet the other requests are not cancelled: they keep running and their results are lost. With return_exceptions=True the caller waits for all of them and gets every result, exceptions included, in submission order. With as_completed results arrive in the order the requests finish, not the order they were started.", "同样的 N 个请求（其中一些会失败）运行三次。普通的 gather 在第一个异常发生时立即把它抛给调用方，但其余请求并没有被取消：它们继续运行，结果却丢失了。使用 return_exceptions=True 时，调用方等待全部完成，按提交顺序拿到每个结果，异常也在其中。使用 as_completed 时，结果按请求完成的先后到达，而不是按启动顺序。"),
    ("results.n", "requests (N)", "请求数（N）"),
    ("results.latency", "latency model", "延迟模型"),
    ("results.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("results.fail", "failure rate (%)", "失败率（%）"),
    ("results.seed", "seed", "随机种子"),
    ("num.failfast_ms", "gather raised after", "gather 抛出异常用时"),
    ("num.finished_after_raise", "still running after the raise", "抛出异常后仍在运行"),
    ("num.failures_seen", "exceptions in the results", "结果中的异常数"),
    ("num.first_completed_id", "first to complete (request id)", "最先完成的请求编号"),
    ("lane.failfast", "gather", "gather 快速失败"),
    ("lane.settled", "return_exceptions", "return_exceptions 收集"),
    ("lane.stream", "as_completed", "as_completed 按完成顺序"),
    ("event.phase_failfast", "gather (fail-fast)", "gather（快速失败）"),
    ("event.phase_return_exceptions", "gather(return_exceptions=True)", "gather(return_exceptions=True) 收集全部"),
    ("event.phase_as_completed", "as_completed", "as_completed 按完成顺序"),
    ("event.gather_raised", "gather raised (request {n} failed)", "gather 抛出异常（请求 {n} 失败）"),
    ("event.gather_returned", "gather returned", "gather 返回"),
    ("taskgroup.title", "Structured concurrency: TaskGroup and cancellation", "结构化并发：TaskGroup 与取消"),
    ("taskgroup.notice", "One child of the group raises at the chosen time. The group cancels every sibling still running; each cancelled child runs its cleanup (which may itself await) before it ends, so the group ends only when every cleanup is done, and then raises an ExceptionGroup. Children that finished before the failure keep their results. Nested: the failing child is in an inner group; its exception group fails the outer group, which then cancels its own children, so the cancellation spreads outwards one cleanup later.", "组内一个子任务在选定时间抛出异常。任务组取消所有仍在运行的兄弟任务；每个被取消的子任务在结束前执行清理（清理本身也可以 await），因此任务组要等所有清理完成后才结束，然后抛出 ExceptionGroup。在失败之前已完成的子任务保留其结果。嵌套模式：失败的子任务位于内层任务组中；内层的异常组使外层任务组失败，外层随即取消自己的子任务，取消晚一次清理的时间向外扩散。"),
    ("taskgroup.n", "siblings (N)", "兄弟任务数（N）"),
    ("taskgroup.latency", "latency model", "延迟模型"),
    ("taskgroup.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("taskgroup.fail_at", "failing child raises at (ms)", "失败子任务抛出异常的时间（毫秒）"),
    ("taskgroup.cleanup", "cleanup after cancel (ms)", "取消后清理用时（毫秒）"),
    ("taskgroup.nested", "groups", "任务组结构"),
    ("taskgroup.seed", "seed", "随机种子"),
    ("choice.flat", "one group", "单个任务组"),
    ("choice.nested", "nested groups", "嵌套任务组"),
    ("num.group_raised_ms", "group raised at", "任务组抛出异常时刻"),
    ("num.exceptions", "exceptions in the group", "异常组中的异常数"),
    ("num.children_cancelled", "children cancelled", "被取消的子任务"),
    ("lane.child", "child", "子任务"),
    ("lane.inner", "inner", "内层子任务"),
    ("event.group_raised", "TaskGroup raised an ExceptionGroup ({n})", "TaskGroup 抛出 ExceptionGroup（{n}）"),
    ("resilience.title", "Resilience: timeout, retry with backoff, circuit breaker", "弹性：超时、退避重试与熔断器"),
    ("resilience.notice", "Calls arrive one after another against a flaky service. Each attempt is cut off at the timeout; a failed attempt is retried after a random backoff that doubles each time up to a cap (full jitter spreads retries so they don't arrive in bursts). After a run of consecutive failures the circuit breaker opens: calls are rejected at once without touching the service, which gets time to recover; after the open time one trial call goes through (half-open) and decides whether the breaker closes again. Watch the breaker track and the sleeping (backoff) spans.", "调用一个接一个地到达一个不稳定的服务。每次尝试在超时时被中止；失败的尝试在随机退避后重试，退避上限每次翻倍直到封顶（完全抖动让重试分散开，不会成批涌来）。连续失败达到阈值后熔断器打开：调用被立即拒绝，不再打扰服务，让它有时间恢复；打开时间过后放行一个试探调用（半开），由它决定熔断器是否重新闭合。请观察熔断器轨道和休眠（退避）区段。"),
    ("resilience.n", "calls (N)", "调用数（N）"),
    ("resilience.interval", "one call every (ms)", "调用间隔（毫秒）"),
    ("resilience.latency", "latency model", "延迟模型"),
    ("resilience.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("resilience.fail", "failure rate (%)", "失败率（%）"),
    ("resilience.timeout", "timeout per attempt (ms)", "每次尝试的超时（毫秒）"),
    ("resilience.attempts", "attempts per call", "每次调用的最多尝试次数"),
    ("resilience.base", "backoff base (ms)", "退避基数（毫秒）"),
    ("resilience.cap", "backoff cap (ms)", "退避上限（毫秒）"),
    ("resilience.threshold", "failures that open the breaker", "打开熔断器的连续失败次数"),
    ("resilience.open_ms", "breaker open for (ms)", "熔断器打开时长（毫秒）"),
    ("resilience.seed", "seed", "随机种子"),
    ("num.attempts", "attempts", "尝试次数"),
    ("num.successes", "successful calls", "成功的调用"),
    ("num.timeouts", "timeouts", "超时次数"),
    ("num.rejected_by_breaker", "rejected by the breaker", "被熔断器拒绝"),
    ("num.breaker_opens", "times the breaker opened", "熔断器打开次数"),
    ("track.breaker_state", "breaker (0 closed, 1 open, 2 half-open)", "熔断器（0 闭合，1 打开，2 半开）"),
    ("lane.call", "call", "调用"),
    ("event.timed_out", "timed out after {n} ms", "{n} 毫秒后超时"),
    ("event.rejected", "rejected: breaker open", "被拒绝：熔断器打开"),
    ("event.backoff", "backoff {n} ms", "退避 {n} 毫秒"),
    ("event.retry", "retry {n}", "第 {n} 次重试"),
    ("event.breaker_open", "breaker opens", "熔断器打开"),
    ("event.breaker_half_open", "breaker half-open (trial call)", "熔断器半开（试探调用）"),
    ("event.breaker_closed", "breaker closes", "熔断器闭合"),
    ("event.cancelled", "cancelled", "已取消"),
    ("event.task_failed", "raised an exception", "抛出异常"),
    ("event.yielded", "as_completed yields it as #{n}", "as_completed 第 #{n} 个产出"),
    ("group.marker.a", "-", "-"),
    // ---- async: rate limits (6), queues (7), pipeline (8), actors (12) ----
    ("group.marker.b", "-", "-"),
    // ---- async: blocking the loop (9), cpu: hybrid ----
    ("blocking.title", "Blocking the event loop", "阻塞事件循环"),
    ("blocking.notice", "Requests start on a timer while a CPU job runs. With mode = block the job is a plain loop on the event loop itself: nothing else runs until it ends, so every timer due meanwhile fires late at once, the loop-lag track jumps to about the job's length, and the requests are late. With mode = offload the same job runs on a worker (asyncio.to_thread / run_in_executor): the loop keeps ticking, lag stays near 0 and the requests are on time. The job takes as long either way; only where it runs changes.", "请求按定时器依次发出，同时运行一个 CPU 任务。mode = block 时，该任务是事件循环上的普通循环：它结束前其他一切都无法运行，期间到期的定时器全部延后一起触发，循环延迟曲线跳到约等于任务时长，请求全部迟到。mode = offload 时，同一任务在工作线程上运行（asyncio.to_thread / run_in_executor）：事件循环照常运转，延迟接近 0，请求准时完成。任务本身耗时不变，变的只是它在哪里运行。"),
    ("blocking.mode", "where the CPU job runs", "CPU 任务在哪里运行"),
    ("blocking.cpu_ms", "CPU job (ms)", "CPU 任务时长（毫秒）"),
    ("blocking.n", "requests (N)", "请求数（N）"),
    ("blocking.every", "a request starts every (ms)", "每隔多少毫秒发出一个请求"),
    ("blocking.ms", "request latency (ms)", "请求延迟（毫秒）"),
    ("choice.block", "block: on the event loop", "block：在事件循环上"),
    ("choice.offload", "offload: on the worker pool", "offload：在工作线程池上"),
    ("num.max_loop_lag_ms", "worst event-loop lag", "最大事件循环延迟"),
    ("num.requests_late", "requests late (> 20 ms)", "迟到的请求（> 20 毫秒）"),
    ("num.max_request_delay_ms", "worst request delay", "请求最大延误"),
    ("num.cpu_job_ms", "CPU job took", "CPU 任务用时"),
    ("track.loop_lag_ms", "event-loop lag (ms)", "事件循环延迟（毫秒）"),
    ("lane.job", "CPU job", "CPU 任务"),
    ("event.loop_blocked", "loop blocked for {n} ms", "事件循环被阻塞 {n} 毫秒"),
    ("warn.loop_blocked", "This run blocked the event loop for up to {ms} ms: timers, requests and the page itself could not respond meanwhile. Offload CPU work to the worker pool.", "本次运行阻塞事件循环最长达 {ms} 毫秒：在此期间定时器、请求和页面本身都无法响应。请把 CPU 工作交给工作线程池。"),
    ("err.offload_not_isolated", "offload mode needs the worker pool, and this page is not cross-origin isolated, so Web Workers cannot share its memory. Use mode = block here, or open the playground in its own tab.", "offload 模式需要工作线程池，而此页面未启用跨源隔离，Web Worker 无法共享其内存。请在此使用 mode = block，或在单独的标签页中打开演练场。"),
    ("hybrid.title", "Hybrid: async requests, processing on the pool", "混合：异步请求，线程池处理"),
    ("hybrid.notice", "All N requests are in flight at once on the event loop. As each answer arrives, its body is handed to the worker pool (primes counted in the range it stands for) and the loop goes straight back to receiving the others: request lanes turn from I/O to waiting for the pool while worker lanes process. I/O and CPU overlap, so the makespan is far below waiting for every answer and then processing them one by one, and the loop-lag track stays flat.", "N 个请求同时在事件循环上发出。每收到一个响应，就把它的内容交给工作线程池处理（统计它所代表区间内的素数），事件循环立刻回去接收其他响应：请求泳道从 I/O 变为等待线程池，工作线程泳道在处理。I/O 与 CPU 相互重叠，总耗时远小于先等所有响应再逐个处理，事件循环延迟曲线保持平坦。"),
    ("hybrid.n", "requests (N)", "请求数（N）"),
    ("hybrid.latency", "latency model", "延迟模型"),
    ("hybrid.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("hybrid.work", "numbers to check per response", "每个响应要检查的数字个数"),
    ("hybrid.seed", "seed", "随机种子"),
    ("num.responses_processed", "responses processed", "已处理的响应"),
    ("num.cpu_total_ms", "CPU time on the pool", "线程池上的 CPU 时间"),
    ("group.marker.c", "-", "-"),
    // ---- async: coordination (10), deadlock (11) ----
    ("coordination.title", "Coordination: Lock, Event, Condition, Barrier, pool, periodic", "协调原语：锁、事件、条件变量、屏障、连接池、定时任务"),
    ("coordination.notice", "Pick a primitive and watch who waits on what. Lock: tasks take turns in arrival order, and a read–await–write on the counter loses no update. Event: every waiter wakes at the very moment the setter sets it. Condition: each notify(1) wakes exactly one consumer, which re-checks the data before taking an item. Barrier: tasks finish phase 1 at different times, but all start phase 2 together, when the last one arrives. Pool: never more than K connections in use, and the same K connections are reused. Periodic: “work, then sleep P” drifts later by all the work done, while a schedule on deadlines (start + i·P) stays on time.", "选一个原语，看谁在等什么。锁：任务按到达顺序轮流进入，计数器的“读取–await–写入”不会丢失任何更新。事件：设置者一设置，所有等待者在同一时刻被唤醒。条件变量：每次 notify(1) 只唤醒一个消费者，它先重新检查数据再取走一项。屏障：各任务在不同时间完成第一阶段，但要等最后一个到达后才一起开始第二阶段。连接池：使用中的连接从不超过 K 个，而且反复复用同样的 K 个连接。定时任务：“先干活再睡 P 毫秒”会把所有干活时间累积成漂移，而按截止时间（起点 + i·P）调度则始终准时。"),
    ("coordination.primitive", "primitive", "原语"),
    ("coordination.n", "tasks (ticks for periodic)", "任务数（定时任务为触发次数）"),
    ("coordination.k", "connections in the pool", "连接池中的连接数"),
    ("coordination.ms", "request latency, ms (period for periodic)", "请求延迟，毫秒（定时任务为周期）"),
    ("coordination.seed", "seed", "随机种子"),
    ("choice.lock", "Lock", "锁（Lock）"),
    ("choice.event", "Event", "事件（Event）"),
    ("choice.condition", "Condition", "条件变量（Condition）"),
    ("choice.barrier", "Barrier", "屏障（Barrier）"),
    ("choice.pool", "connection pool", "连接池"),
    ("choice.periodic", "periodic scheduler", "定时调度"),
    ("num.counter", "counter after all tasks", "所有任务后的计数器"),
    ("num.set_ms", "event set at", "事件设置时刻"),
    ("num.barrier_ms", "barrier opened at", "屏障打开时刻"),
    ("num.connections_reused", "connections reused", "连接复用次数"),
    ("num.loop_drift_ms", "sleep loop: last tick late by", "睡眠循环：最后一次触发延迟"),
    ("num.scheduler_drift_ms", "scheduler: last tick late by", "调度器：最后一次触发延迟"),
    ("track.connections_in_use", "connections in use", "使用中的连接"),
    ("track.arrived", "arrived at the barrier", "已到达屏障"),
    ("track.loop_lateness", "sleep loop: lateness (ms)", "睡眠循环：延迟（毫秒）"),
    ("track.scheduler_lateness", "scheduler: lateness (ms)", "调度器：延迟（毫秒）"),
    ("lane.task", "task", "任务"),
    ("lane.setter", "setter", "设置者"),
    ("lane.waiter", "waiter", "等待者"),
    ("lane.producer", "producer", "生产者"),
    ("lane.consumer", "consumer", "消费者"),
    ("lane.loop", "sleep loop", "睡眠循环"),
    ("lane.scheduler", "scheduler", "调度器"),
    ("event.event_set", "{n} set", "{n} 已设置"),
    ("event.barrier_open", "{n} opens", "{n} 打开"),
    ("deadlock.title", "Deadlock: two locks, opposite order", "死锁：两把锁，相反的顺序"),
    ("deadlock.notice", "Task i needs lock i and the next lock in a ring. Taken in opposite order, every task ends up holding one lock and waiting for the one its neighbour holds: a cycle in the wait-for graph, and none of them can ever move. asyncio would simply hang; the playground checks the wait-for graph at every wait, names the cycle the moment it closes, and ends the run. With one global order (everyone takes the lower lock first) no cycle can form and every task completes.", "任务 i 需要环上的锁 i 和下一把锁。按相反顺序获取时，每个任务都持有一把锁，同时等待邻居持有的那把：等待图中出现环，谁也无法前进。asyncio 只会一直挂起；演练场在每次等待时检查等待图，环一闭合就指出它并结束运行。若采用统一的全局顺序（都先拿编号小的锁），环就无法形成，所有任务都能完成。"),
    ("deadlock.ordering", "lock order", "加锁顺序"),
    ("deadlock.n", "tasks (and locks)", "任务数（即锁数）"),
    ("deadlock.ms", "work while holding a lock, ms", "持锁工作时长，毫秒"),
    ("choice.opposite", "opposite (deadlocks)", "相反顺序（会死锁）"),
    ("choice.ordered", "one global order", "统一全局顺序"),
    ("num.deadlock_detected", "deadlock detected", "检测到死锁"),
    ("num.tasks_done", "tasks completed", "完成的任务"),
    ("event.deadlock", "Deadlock: {n}", "死锁：{n}"),
    ("group.marker.d", "-", "-"),
    // ---- cpu: speedup workloads and map-reduce ----
    ("sumsq.title", "Speedup: sum of squares on N threads", "加速比：在 N 个线程上求平方和"),
    ("sumsq.notice", "1² + 2² + … + n² is cut into chunks; each thread sums its own chunks and the partial sums are added at the end. No chunk needs another, so this is the simplest parallel reduction: the speedup follows the cores. The closed form n(n+1)(2n+1)/6 checks every run, and the last nine digits show the answer is exact, not rounded.", "1² + 2² + … + n² 被切成分块；每个线程求自己分块的和，最后把部分和相加。分块之间互不依赖，这是最简单的并行归约：加速比随核数增长。闭式公式 n(n+1)(2n+1)/6 校验每次运行，末九位数字表明答案是精确的，而非四舍五入。"),
    ("sumsq.n", "sum of squares up to n", "求平方和直到 n"),
    ("sumsq.chunk", "chunk size", "分块大小"),
    ("sumsq.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("sumsq.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("sha256.title", "Speedup: SHA-256 over many blocks on N threads", "加速比：在 N 个线程上对大量数据块做 SHA-256"),
    ("sha256.notice", "Every 4 KiB block is generated from a seed and hashed on its own; the block digests are combined with XOR, which does not care about order. So 1, 2, … N threads produce the very same digest and only the time changes. Hashing is pure computation on data each thread makes itself: nothing is shared, and the speedup follows the cores.", "每个 4 KiB 数据块由种子生成并单独计算哈希；各块摘要用异或合并，与顺序无关。因此 1、2……N 个线程得到完全相同的摘要，只有用时不同。哈希是纯计算，每个线程处理自己生成的数据：没有共享，加速比随核数增长。"),
    ("sha256.blocks", "4 KiB blocks", "4 KiB 数据块数"),
    ("sha256.chunk", "blocks per chunk", "每个分块的数据块数"),
    ("sha256.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("sha256.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("sha256.seed", "seed", "随机种子"),
    ("mandelbrot.title", "Speedup: drawing the Mandelbrot set on N threads", "加速比：在 N 个线程上绘制曼德博集合"),
    ("mandelbrot.notice", "Each chunk is a band of rows. Bands that cross the set cost up to max_iter steps per pixel, bands outside it only a few, so in the timeline some chunks are many times longer than others. Because idle threads pull the next band, the load still evens out; a fixed split into N equal parts would leave threads waiting for the one with the middle of the set. The picture below is the result itself.", "每个分块是若干行。穿过集合的行带每个像素最多要迭代 max_iter 步，集合外的行带只需几步，所以时间线上有些分块比别的长很多倍。由于空闲线程会领取下一条行带，负载依然均衡；若固定分成 N 等份，其他线程就要等待负责集合中部的那个线程。下方的图像就是计算结果本身。"),
    ("mandelbrot.width", "width (pixels)", "宽度（像素）"),
    ("mandelbrot.height", "height (pixels)", "高度（像素）"),
    ("mandelbrot.max_iter", "most steps per pixel", "每像素最多迭代步数"),
    ("mandelbrot.rows", "rows per chunk", "每个分块的行数"),
    ("mandelbrot.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("mandelbrot.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("mandelbrot.image", "The computed image", "计算出的图像"),
    ("fib.title", "Fork-join: recursive Fibonacci on N threads", "分叉-合并：在 N 个线程上递归计算斐波那契数"),
    ("fib.notice", "fib(n) calls fib(n−1) and fib(n−2): a tree of independent calls. The sweep cuts the tree depth levels down into subtrees that 1, 2, … N threads pull, so each step really uses that many threads. Uneven subtrees show as uneven spans. Then rayon::join computes the same fib(n) once on the whole pool: work stealing splits the tree by itself, down to the cutoff. Join cannot be limited to k threads here, since idle pool threads steal its halves; that is why the sweep splits by hand.", "fib(n) 调用 fib(n−1) 和 fib(n−2)：一棵相互独立的调用树。扫描在第 depth 层把树切成子树，由 1、2……N 个线程领取，因此每一步确实只用那么多线程。子树大小不一，时间段长短也不一。随后 rayon::join 在整个线程池上再算一次同一个 fib(n)：工作窃取自行拆分调用树，直到阈值。这里无法把 join 限制在 k 个线程，因为空闲线程会窃取它的另一半；所以扫描改为手动拆分。"),
    ("fib.n", "n", "项数 n"),
    ("fib.depth", "split depth (2^depth subtrees)", "拆分深度（2^depth 棵子树）"),
    ("fib.cutoff", "join down to n =", "join 拆分直到 n ="),
    ("fib.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("fib.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("mapreduce.title", "Map-reduce: sales per region on N threads", "映射-归约：在 N 个线程上按地区汇总销售额"),
    ("mapreduce.notice", "Sales records are generated from a seed. Map: each chunk adds its records into its own small table of totals per region, touching nothing shared. Reduce: the tables are merged at the end. Because the totals are whole numbers, any thread count and any merge order give exactly the same totals; the reduce is short next to the map, so the speedup follows the cores.", "销售记录由种子生成。映射：每个分块把自己的记录累加到自己的一张小表（按地区汇总），不触碰任何共享数据。归约：最后合并这些表。由于总额都是整数，任何线程数、任何合并顺序都得到完全相同的结果；归约相对映射很短，所以加速比随核数增长。"),
    ("mapreduce.records", "sales records", "销售记录数"),
    ("mapreduce.chunk", "records per chunk", "每个分块的记录数"),
    ("mapreduce.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("mapreduce.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("mapreduce.seed", "seed", "随机种子"),
    ("num.sum_squares", "sum of squares (rounded)", "平方和（四舍五入）"),
    ("num.sum_squares_last9", "its last 9 digits (exact)", "其末 9 位（精确）"),
    ("num.digest_head48", "XOR of digests, first 48 bits", "摘要异或值的前 48 位"),
    ("num.mib_hashed", "MiB hashed per step", "每步哈希的 MiB 数"),
    ("num.points_inside", "pixels inside the set", "集合内的像素"),
    ("num.iterations_total", "steps in total", "总迭代步数"),
    ("num.fib", "fib(n)", "fib(n) 的值"),
    ("num.subtrees", "subtrees", "子树数"),
    ("num.join_ms", "rayon::join on the whole pool", "整个线程池上的 rayon::join"),
    ("num.join_speedup_x", "join speedup over 1 thread", "join 相对 1 线程的加速比"),
    ("num.sales_north", "sales, north", "销售额：北区"),
    ("num.sales_south", "sales, south", "销售额：南区"),
    ("num.sales_east", "sales, east", "销售额：东区"),
    ("num.sales_west", "sales, west", "销售额：西区"),
    ("num.sales_online", "sales, online", "销售额：线上"),
    ("num.sales_total", "sales, all regions", "销售额：全部地区"),
    ("num.records_counted", "records counted", "已统计记录数"),
    ("event.fork_join", "rayon::join, cutoff {n}", "rayon::join，阈值 {n}"),
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
