//! Strings of the process pool (`engine::procpool`): what the GIL lesson's
//! processes report about their start-up, copies and separate memory.

use super::Entry;

pub(super) static TABLE: &[Entry] = &[];

/// Not in the wasm: fetched as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("num.proc_start_ms", "start-up of one process (ms)", "启动一个进程（毫秒）"),
    ("num.proc_copy_ms", "copying one item in and out (ms)", "一个任务的复制进出（毫秒）"),
    ("num.procs_saw_page", "processes that could read the page's memory", "能读到页面内存的进程数"),
    ("num.proc_memory_mb", "memory of one process (MB)", "一个进程的内存（MB）"),
    ("num.cpython_start_ms", "start-up of one CPython process, measured (ms)", "启动一个 CPython 进程，实测（毫秒）"),
    ("num.cpython_copy_ms", "pickling one CPython job in and out, measured (ms)", "一个 CPython 任务的序列化进出，实测（毫秒）"),
];
