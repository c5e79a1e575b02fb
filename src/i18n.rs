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
    ("poolsize.title", "Pool size and chunk size: repeated runs, spread, too-small tasks", "线程池大小与分块大小：重复测量、波动与过小的任务"),
    ("poolsize.notice", "The same fixed amount of tiny work is timed several times on 1, 2, … N threads: the table gives each thread count's mean, median, spread and best time, the best pool size, and the serial fraction f of Amdahl's law fitted to the speedups (the dashed curve; with f > 0 the speedup flattens however many threads you add). Then the work is cut into chunks of 1, 10, 100, … items: with tiny chunks each task costs more to hand out, time and report than to compute, and more threads only add contention. Set “fail at chunk” to see what a failing task does: the other workers stop taking chunks, the error names the chunk, and the pool is ready for the next run.", "同样数量的微小工作在 1、2……N 个线程上各计时数次：表格给出每种线程数的平均值、中位数、波动和最佳用时、最佳线程池大小，以及按阿姆达尔定律拟合加速比得到的串行比例 f（虚线曲线；f > 0 时，无论增加多少线程，加速比都会趋于平缓）。随后把工作切成每块 1、10、100……个元素：分块过小时，分发、计时和汇报一个任务的开销超过计算本身，更多线程只会加剧争用。设置“在第几块失败”可以看到任务失败时会发生什么：其他工作线程停止领取分块，错误信息指出失败的分块，线程池随即可以进行下一次运行。"),
    ("poolsize.items", "items (fixed total work)", "元素数（总工作量固定）"),
    ("poolsize.work", "work per item (mixing rounds)", "每个元素的工作量（混合轮数）"),
    ("poolsize.chunk", "chunk size (items per task)", "分块大小（每个任务的元素数）"),
    ("poolsize.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("poolsize.reps", "repetitions per thread count", "每种线程数的重复次数"),
    ("poolsize.fail_at", "fail at chunk (−1 = never; teaching aid)", "在第几块失败（−1 = 从不；教学用）"),
    ("num.best_chunk", "fastest chunk size", "最快的分块大小"),
    ("num.tiny_chunk_slowdown_x", "chunk size 1 is slower by", "分块大小为 1 时慢了"),
    ("num.serial_fraction", "serial fraction f (Amdahl fit)", "串行比例 f（阿姆达尔拟合）"),
    ("app.sweep_stats", "Repeated runs per thread count", "每种线程数的重复测量"),
    ("app.stats.threads", "threads", "线程数"),
    ("app.stats.runs", "runs", "次数"),
    ("app.stats.mean", "mean", "平均值"),
    ("app.stats.median", "median", "中位数"),
    ("app.stats.stdev", "std. dev.", "标准差"),
    ("app.stats.best", "best", "最佳"),
    ("app.stats.speedup", "speedup (best)", "加速比（最佳）"),
    ("app.stats.note", "Speedup and efficiency use each thread count's best time: on a shared machine noise only ever adds time. ★ marks the best pool size.", "加速比与效率采用每种线程数的最佳用时：在共享的机器上，干扰只会增加用时。★ 标出最佳线程池大小。"),
    ("app.amdahl", "Amdahl fit, f = {f}", "阿姆达尔拟合，f = {f}"),
    ("app.spread", "whiskers: fastest to slowest run", "须线：最快到最慢的一次"),
    ("app.param_sweep", "Time vs {param}", "用时与{param}"),
    ("app.param_sweep_note", "The same work cut differently, timed once per point; one line per thread count. Left of the dip, tasks are too small to pay for their overhead.", "同样的工作按不同方式切分，每个点计时一次；每种线程数一条线。低谷左侧的任务太小，抵不过自身的开销。"),
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
