//! The one string of the Python runner in the first load: its button. The
//! panel's own strings (English and 简体中文) are in `static/py/strings.js`,
//! loaded with the panel, so the first load does not grow with them.

use super::Entry;

pub(super) static TABLE: &[Entry] = &[
    ("py.open", "Edit & run Python", "编辑并运行 Python"),
    (
        "py.open_hint",
        "Edit this lesson's listing or paste your own asyncio program and run it on real CPython (Pyodide, about 6 MB, downloaded on first use) in a Web Worker; its tasks appear on the timeline.",
        "编辑本课的代码清单，或粘贴你自己的 asyncio 程序，在 Web Worker 中用真正的 CPython（Pyodide，约 6 MB，首次使用时下载）运行；它的任务会显示在时间线上。",
    ),
];
