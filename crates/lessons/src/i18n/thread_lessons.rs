//! Strings of the thread pools' workers-sweep chart, and of the numbers and
//! errors the thread lessons (`threadpool`, `threadbasics`, `blocking`) share.
//! Each lesson's own texts are in `lessons/<id>.rs`.

#[cfg(not(target_arch = "wasm32"))]
use super::Entry;

/// Not in the wasm: fetched as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("num.timed_out", "result() timed out", "result() 超时次数"),
    ("num.threads_start_ms", "starting the threads", "启动线程用时"),
    ("app.workers_sweep", "Pool time vs threads", "线程池用时与线程数"),
    ("app.workers_sweep_note", "The same jobs replayed for each pool size on the virtual clock (instant, exact); the square is this run, measured in the browser.", "同一批任务在虚拟时钟上按每种线程池大小重放（瞬时、精确）；方块是本次在浏览器中实测的运行。"),
    ("app.threads_axis", "threads", "线程数"),
    ("err.sync_not_isolated", "mode = sync needs cross-origin isolation: the page waits for an I/O thread's answer on shared memory. Open the playground in its own tab, or pick sync_to_thread.", "mode = sync 需要跨源隔离：页面通过共享内存等待 I/O 线程的响应。请在单独的标签页中打开，或选择 sync_to_thread。"),
];
