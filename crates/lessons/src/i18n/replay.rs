//! Strings of replay, trace import and the clock choice.

use super::Entry;

pub(super) static TABLE: &[Entry] = &[
    // ---- UI: replay, import, clock ----
    ("app.clock", "Clock", "时钟"),
    ("app.clock.browser", "browser (real)", "浏览器（真实）"),
    ("app.clock.virtual", "virtual (instant)", "虚拟（瞬时）"),
    (
        "app.clock_hint",
        "Browser: the real event loop and real fetch(). Virtual: deterministic and instant; the same seed always gives the same trace.",
        "浏览器：真实的事件循环和真实的 fetch()。虚拟：确定性且瞬时完成；相同的随机种子总是得到相同的跟踪。",
    ),
    ("app.run_clock.virtual", "Ran on the virtual clock (deterministic, instant).", "在虚拟时钟上运行（确定性、瞬时）。"),
    ("app.run_clock.browser", "Ran in the browser (real event loop, real time).", "在浏览器中运行（真实事件循环、真实时间）。"),
    ("app.download_playground", "Trace (playground JSON)", "跟踪（演练场 JSON）"),
    ("app.import", "Import trace…", "导入跟踪…"),
    ("app.import_hint", "A playground JSON trace saved from this page.", "从本页面保存的演练场 JSON 跟踪文件。"),
    ("replay.title", "Replay", "回放"),
    ("replay.scrubber", "Replay position", "回放位置"),
    ("replay.back", "◀ Step back", "◀ 上一步"),
    ("replay.forward", "Step forward ▶", "下一步 ▶"),
    ("replay.play", "▶ Play", "▶ 播放"),
    ("replay.hint", "Drag the slider or use ← → to step through what happened.", "拖动滑块或用 ← → 键逐步查看发生了什么。"),
    (
        "replay.at",
        "at {t}: {running} running · {waiting} waiting · {io} in I/O · {done} done · {failed} failed",
        "{t} 时：{running} 个运行 · {waiting} 个等待 · {io} 个 I/O 中 · {done} 个完成 · {failed} 个失败",
    ),
    ("replay.caption", "{t} · {who}: {what}", "时刻 {t} · {who}：{what}"),
    ("replay.finish", "finished: {outcome}", "结束：{outcome}"),
];

/// Not in the wasm: fetched as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("app.run_clock.native", "Ran natively (real time).", "本机运行（真实时间）。"),
    ("app.imported", "Imported from {file}", "导入自 {file}"),
    ("replay.pause", "❚❚ Pause", "❚❚ 暂停"),
    ("replay.start", "Start of the run: nothing has happened yet.", "运行开始：还什么都没有发生。"),
    ("replay.run", "run", "整个运行"),
    ("replay.enter", "now {state}", "进入“{state}”状态"),
    ("replay.enter_on", "now {state} on {resource}", "进入“{state}”状态（{resource}）"),
    ("replay.ev.acquired", "acquired {n}", "获得 {n}"),
    ("replay.ev.released", "released {n}", "释放 {n}"),
    ("replay.ev.timed_out", "timed out {n}", "超时 {n}"),
    ("replay.ev.cancelled", "cancelled {n}", "被取消 {n}"),
    ("replay.ev.http_error", "got HTTP {n}", "收到 HTTP {n}"),
    ("replay.ev.fetch_error", "request error: {n}", "请求出错：{n}"),
    ("import.err.too_large", "The file is {mb} MB; traces up to {max} MB can be imported.", "文件大小为 {mb} MB；只能导入不超过 {max} MB 的跟踪。"),
    ("import.err.not_json", "The file is not valid JSON (line {line}, column {column}).", "文件不是有效的 JSON（第 {line} 行，第 {column} 列）。"),
    ("import.err.not_a_trace", "This JSON is not a playground trace (no version and meta). Use “Trace (playground JSON)”; Chrome JSON and CSV exports cannot be imported.", "这个 JSON 不是演练场跟踪（缺少 version 和 meta）。请使用“跟踪（演练场 JSON）”；Chrome JSON 和 CSV 导出无法导入。"),
    ("import.err.version", "Trace format version {found} is not supported; this page reads version {supported}.", "不支持跟踪格式版本 {found}；本页面读取版本 {supported}。"),
    ("import.err.invalid", "The trace is damaged: {msg}", "跟踪已损坏：{msg}"),
    ("import.err.too_many", "The trace has {n} {what}; at most {max} can be shown.", "跟踪包含 {n} 个{what}；最多只能显示 {max} 个。"),
    ("import.err.out_of_range", "The trace has impossible {what}.", "跟踪中的{what}不合理。"),
    ("import.err.unknown_scenario", "The trace is from a lesson “{id}” this page does not have.", "跟踪来自本页面没有的课程“{id}”。"),
    ("import.err.read", "The file could not be read: {msg}", "无法读取文件：{msg}"),
    ("import.what.lanes", "lanes", "泳道"),
    ("import.what.spans", "spans", "区间"),
    ("import.what.events", "events", "事件"),
    ("import.what.samples", "track samples", "资源曲线采样点"),
    ("import.what.sweep", "sweep points", "扫描点"),
    ("import.what.times", "times (negative, or longer than 11 days)", "时间（为负，或超过 11 天）"),
    ("import.what.values", "values", "数值"),
    ("import.what.threads", "thread counts", "线程数"),
    ("import.what.lane_ids", "lane ids", "泳道编号"),
    ("err.bad_clock", "Unknown clock “{input}”; use browser or virtual.", "未知时钟“{input}”，请使用 browser 或 virtual。"),
];
