//! Texts of the tutorials' presets (`crate::presets`): the links every page
//! shows and the link errors in the first load; the preset card and the
//! lesson's menu in the later texts (a preset link waits for them).

use super::Entry;

pub(super) static TABLE: &[Entry] = &[
    // The listing view's folds (`view::listing_fold`), on every lesson: closed (n lines, 1 line), open;
    // short, so that a phone shows a fold in a line or two.
    ("listing.harness", "▸ {what}: {n} lines folded", "▸ {what}：已折叠 {n} 行"),
    ("listing.harness.one", "▸ {what}: 1 line folded", "▸ {what}：已折叠 1 行"),
    ("listing.harness.open", "▾ {what}: shown", "▾ {what}：已展开"),
    ("listing.harness.setup", "set-up: notes, how to run it, imports", "准备：说明、运行方法、导入"),
    ("listing.harness.setup_net", "set-up: notes, how to run it, imports, the simulated network", "准备：说明、运行方法、导入、模拟网络"),
    ("listing.harness.sim", "the simulation, as the playground runs it", "模拟部分（与演练场一致）"),
    ("listing.harness.args", "argument parsing", "参数解析"),
    ("listing.harness.recording", "recording for the playground", "为演练场做的记录"),
    ("listing.harness.report", "the report (JSON for the playground's checks, or printed)", "结果报告（供演练场核对的 JSON，或打印输出）"),
    ("listing.harness.measure", "measuring this machine (--measure)", "测量本机（--measure）"),
    ("listing.harness.main", "run as a script", "作为脚本运行"),
    ("listing.harness.other", "harness", "辅助代码"),
    ("app.tutorial_link", "Tutorial", "教程"),
    ("app.examples_link", "From the tutorials", "教程中的示例"),
    // Every lesson's menu shows these before the later texts arrive.
    ("preset.menu", "From the tutorials", "教程中的示例"),
    ("preset.all", "All 99 examples", "全部 99 个示例"),
    // The closed menu holds this line (first load).
    ("preset.loading", "Loading the tutorials' examples…", "正在加载教程示例…"),
    (
        "err.unknown_example",
        "There is no tutorial example \"{id}\" (links look like ?example=000-14). All of them: From the tutorials.",
        "没有教程示例“{id}”（链接形如 ?example=000-14）。全部示例见“教程中的示例”。",
    ),
    (
        "err.presets_failed",
        "The tutorial example \"{id}\" could not be opened: the presets did not load ({error}).",
        "无法打开教程示例“{id}”：预设未能加载（{error}）。",
    ),
];

/// Not in the wasm: fetched as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("preset.heading", "From the tutorials: example {id}", "来自教程：示例 {id}"),
    ("preset.says", "The tutorial says", "教程的说法"),
    ("preset.run_virtual", "This run (virtual clock, exact)", "本次运行（虚拟时钟，精确）"),
    ("preset.run_measured", "This run (computed and timed in this browser)", "本次运行（在此浏览器中计算并计时）"),
    ("preset.run_first", "Press Run to see this run's number.", "按“运行”查看本次运行的数字。"),
    ("preset.changed", "The run on screen is not the preset's: its parameters differ.", "屏幕上的运行不是该预设的：参数不同。"),
    ("preset.why", "Why", "原因"),
    ("preset.verdict.holds", "Holds", "成立"),
    ("preset.verdict.wrong", "Wrong", "错误"),
    ("preset.verdict.misleading", "Misleading", "有误导性"),
    ("preset.verdict.broken", "Broken as written", "原样运行会出错"),
    ("preset.status.exact", "This lesson runs the example's own numbers.", "本课使用该示例自己的数字运行。"),
    (
        "preset.status.approx",
        "This lesson is the closest one: same idea, not every number the same.",
        "这是最接近的课：思路相同，数字不完全一样。",
    ),
    (
        "preset.status.pending",
        "Pending: the lesson \"{lesson}\" that reproduces it is being written.",
        "待完成：能重现它的课“{lesson}”正在编写中。",
    ),
    ("preset.status.none", "Not reproducible in a browser page. Open instead:", "无法在浏览器页面中重现。可改为打开："),
    ("preset.embed", "Embed this example", "嵌入此示例"),
    (
        "preset.embed_hint",
        "Paste into a tutorial page: the example opens in place, ready to run.",
        "粘贴到教程页面：示例就地打开，随时可运行。",
    ),
    ("preset.copy", "Copy", "复制"),
    ("preset.copied", "Copied", "已复制"),
    ("preset.as_written", "As written", "原样运行"),
    ("preset.as_written_raises", "CPython 3.11 raises", "CPython 3.11 抛出"),
    ("preset.as_written_hangs", "It hangs, and CPython would wait forever:", "它会卡住，CPython 会永远等下去："),
    ("preset.run_as_written", "Run it as written", "按原样运行"),
    ("preset.show_program", "Our program with the same mistake", "我们写的、犯同样错误的程序"),
    (
        "preset.as_written_python",
        "Opens the Python runner below with our short asyncio program that makes the same mistake, and runs it on CPython in this page. Reset there gives the lesson's listing, which does it right.",
        "在下方的 Python 运行器中打开我们写的、犯同样错误的简短 asyncio 程序，并在本页的 CPython 上运行它。在那里按“恢复”可得到本课的代码清单，它的写法是对的。",
    ),
    (
        "preset.as_written_query",
        "Opens the lesson's run that fails the same way, with the error it ends on.",
        "打开以同样方式失败的课程运行，并显示它结束时的错误。",
    ),
    ("preset.menu_hint", "Examples of the tutorials that this lesson reproduces:", "本课能重现的教程示例："),
    ("preset.menu_none", "No tutorial example uses this lesson.", "没有教程示例使用本课。"),
];
