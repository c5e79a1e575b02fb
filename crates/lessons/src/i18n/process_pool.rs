//! Strings of the process pool (`engine::procpool`) that several lessons
//! report: a process's start-up and an item's copy in and out.

#[cfg(not(target_arch = "wasm32"))]
use super::Entry;

/// Not in the wasm: fetched as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("num.proc_start_ms", "start-up of one process (ms)", "启动一个进程（毫秒）"),
    ("num.proc_copy_ms", "copying one item in and out (ms)", "一个任务的复制进出（毫秒）"),
    ("num.cpython_start_ms", "start-up of one CPython process, measured (ms)", "启动一个 CPython 进程，实测（毫秒）"),
];
