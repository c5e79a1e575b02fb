//! Texts of the `blocking` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("blocking.title", "Blocking the event loop", "阻塞事件循环"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    (
        "err.blocking_page_stall",
        "On the browser clock, mode = block and mode = sync stall this page's own thread for cpu_ms (that stall is the lesson), and nothing on the page, Stop included, answers meanwhile: cpu_ms must be at most 1000 here. Lower cpu_ms, or use the virtual clock, which shows any size exactly.",
        "在浏览器时钟上，mode = block 和 mode = sync 会让本页自己的线程停顿 cpu_ms（这种停顿正是本课要展示的），期间页面上的一切（包括“停止”）都无法响应：此处 cpu_ms 不得超过 1000。请减小 cpu_ms，或使用虚拟时钟，它能精确展示任意大小。",
    ),
    ("choice.block", "block: on the event loop", "block：在事件循环上"),
    ("choice.offload", "offload: on the worker pool", "offload：在工作线程池上"),
    ("num.requests_late", "requests late (> 20 ms)", "迟到的请求（> 20 毫秒）"),
    ("num.max_request_delay_ms", "worst request delay", "请求最大延误"),
    ("num.cpu_job_ms", "CPU job took", "CPU 任务用时"),
    ("event.loop_blocked", "loop blocked for {n} ms", "事件循环被阻塞 {n} 毫秒"),
    ("warn.loop_blocked", "This run blocked the event loop for up to {ms} ms: timers, requests and the page itself could not respond meanwhile. Offload CPU work to the worker pool.", "本次运行阻塞事件循环最长达 {ms} 毫秒：在此期间定时器、请求和页面本身都无法响应。请把 CPU 工作交给工作线程池。"),
    ("blocking.notice", "Requests start on a timer while a CPU job runs. With mode = block the job is a plain loop on the event loop itself: nothing else runs until it ends, so every timer due meanwhile fires late at once, the loop-lag track jumps to about the job's length, and the requests are late. With mode = offload the same job runs on a worker (asyncio.to_thread / run_in_executor): the loop keeps ticking, lag stays near 0 and the requests are on time. The job takes as long either way; only where it runs changes. A blocking client does the same with no CPU at all: with mode = sync the job is a synchronous request of that length on the loop, as requests.get inside async def is (in the browser an I/O thread makes the request while the page waits for its answer; the page's own synchronous requests never reach the built-in endpoint); with mode = sync_to_thread, asyncio.to_thread parks a worker thread in the request instead and the loop keeps ticking. Use an async client (aiohttp, httpx) or to_thread.", "请求按定时器依次发出，同时运行一个 CPU 任务。mode = block 时，该任务是事件循环上的普通循环：它结束前其他一切都无法运行，期间到期的定时器全部延后一起触发，循环延迟曲线跳到约等于任务时长，请求全部迟到。mode = offload 时，同一任务在工作线程上运行（asyncio.to_thread / run_in_executor）：事件循环照常运转，延迟接近 0，请求准时完成。任务本身耗时不变，变的只是它在哪里运行。阻塞式客户端不占 CPU 也会造成同样的后果：mode = sync 时，该任务是事件循环上一个同样时长的同步请求，就像在 async def 里调用 requests.get（在浏览器中由一个 I/O 线程发出请求，页面一直等它的响应；页面自身的同步请求到不了内置端点）；mode = sync_to_thread 时，asyncio.to_thread 让一个工作线程挂起在请求中，事件循环照常运转。请使用异步客户端（aiohttp、httpx）或 to_thread。"),
    ("blocking.mode", "where the CPU job runs", "CPU 任务在哪里运行"),
    ("blocking.cpu_ms", "job (ms): CPU, or the blocking request", "任务时长（毫秒）：CPU 或阻塞请求"),
    ("blocking.n", "requests (N)", "请求数（N）"),
    ("blocking.every", "a request starts every (ms)", "每隔多少毫秒发出一个请求"),
    ("blocking.ms", "request latency (ms)", "请求延迟（毫秒）"),
    ("choice.sync", "sync: requests.get on the event loop", "sync：在事件循环上调用 requests.get"),
    ("choice.sync_to_thread", "sync_to_thread: requests.get in asyncio.to_thread", "sync_to_thread：在 asyncio.to_thread 中调用 requests.get"),
];
