//! The strings of the Python runner in the app: its button (first load) and the
//! comparison with the lesson's run (`LATER`). The
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

/// A Python run shown beside the lesson's own run (`web::components::beside`):
/// never on the first lessons' way, so fetched with `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("py.beside.lesson", "The lesson's run (this page's engine)", "课程的运行（本页的引擎）"),
    ("py.beside.python", "Your Python run (CPython in Pyodide, virtual clock)", "你的 Python 运行（Pyodide 中的 CPython，虚拟时钟）"),
    (
        "py.beside.python_browser",
        "Your Python run (CPython in Pyodide, browser clock: measured on Pyodide's WebLoop)",
        "你的 Python 运行（Pyodide 中的 CPython，浏览器时钟：在 Pyodide 的 WebLoop 上实测）",
    ),
    (
        "py.beside.note",
        "One time axis for both: the lesson's run above, your Python run below, so a change you made shows as a shift. A new run of the lesson, another lesson or an imported file ends the comparison.",
        "两次运行共用一条时间轴：上面是课程的运行，下面是你的 Python 运行，你做的改动会显示为位移。再次运行课程、切换课程或导入文件会结束对比。",
    ),
];
