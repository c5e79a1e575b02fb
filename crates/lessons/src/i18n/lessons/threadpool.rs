//! Texts of the `threadpool` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("threadpool.title", "Thread pool doing I/O: ThreadPoolExecutor", "线程池做 I/O：ThreadPoolExecutor"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.as_completed", "submit + as_completed", "submit + as_completed（按完成顺序）"),
    ("choice.map", "pool.map (submission order)", "pool.map（按提交顺序）"),
    ("choice.result_timeout", "future.result(timeout)", "future.result(timeout)（超时）"),
    ("choice.callbacks", "done callbacks: fetch → parse → store", "完成回调：fetch → parse → store"),
    ("num.pool_ms", "pool time (first submit to last result)", "线程池用时（首次提交到最后结果）"),
    ("num.first_result_ms", "first result after", "首个结果用时"),
    ("num.jobs_done", "jobs done", "完成的任务"),
    ("num.threads_in_io", "most threads in I/O at once", "同时在 I/O 中的最多线程数"),
    ("event.result", "result of job {n}", "任务 {n} 的结果"),
    ("event.exception", "job {n} raised", "任务 {n} 抛出异常"),
    ("event.parsed", "callback: job {n} parsed, store submitted", "回调：任务 {n} 已解析，已提交 store"),
    ("threadpool.notice", "ThreadPoolExecutor(max_workers=N): every job is submitted to one FIFO work queue, and each of the N threads takes the next job and is parked in a blocking request (as requests.get blocks) until the answer comes; CPython releases the GIL while a thread waits, so the waits overlap. J jobs of latency L take ⌈J/N⌉·L: 20 jobs of 1 s take 20, 4, 2 and 1 s on 1, 5, 10 and 20 threads (the chart below replays every pool size). In the browser each thread is a real Web Worker making a synchronous request to the built-in endpoint; starting them is its own span on main. Modes: as_completed gives results as they finish; map gives them in submission order; result(timeout) gives up waiting on a slow job, yet its thread keeps running it and leaving the with block still waits for it; callbacks chain fetch → parse → store, each callback running on the thread that finished the fetch and queueing the store behind the jobs already waiting.", "ThreadPoolExecutor(max_workers=N)：所有任务提交到同一个先进先出的工作队列，N 个线程各自取下一个任务，在阻塞请求中挂起（就像 requests.get 那样阻塞），直到响应到来；线程等待时 CPython 会释放 GIL，所以这些等待可以重叠。J 个延迟为 L 的任务耗时 ⌈J/N⌉·L：20 个 1 秒的任务在 1、5、10、20 个线程上分别需要 20、4、2、1 秒（下方图表重放了每种线程池大小）。在浏览器中，每个线程都是一个真实的 Web Worker，向内置端点发出同步请求；启动它们在 main 上显示为单独的一段。模式：as_completed 按完成顺序给出结果；map 按提交顺序给出；result(timeout) 对慢任务放弃等待，但它的线程仍在运行它，离开 with 块时仍要等它结束；callbacks 串起 fetch → parse → store，每个回调在完成 fetch 的那个线程上运行，并把 store 排到已在等待的任务之后。"),
    ("threadpool.mode", "API shape", "调用方式"),
    ("threadpool.jobs", "jobs (J)", "任务数（J）"),
    ("threadpool.workers", "threads (max_workers)", "线程数（max_workers）"),
    ("threadpool.latency", "latency model", "延迟模型"),
    ("threadpool.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("threadpool.timeout", "result(timeout) (ms)", "result(timeout)（毫秒）"),
    ("threadpool.seed", "seed", "随机种子"),
];
