//! Texts of the `taskgroup` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("taskgroup.title", "Structured concurrency: TaskGroup and cancellation", "结构化并发：TaskGroup 与取消"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.flat", "one group", "单个任务组"),
    ("choice.nested", "nested groups", "嵌套任务组"),
    ("num.group_raised_ms", "group raised at", "任务组抛出异常时刻"),
    ("num.exceptions", "exceptions in the group", "异常组中的异常数"),
    ("num.children_cancelled", "children cancelled", "被取消的子任务"),
    ("taskgroup.notice", "One child of the group raises at the chosen time. The group cancels every sibling still running; each cancelled child runs its cleanup (which may itself await) before it ends, so the group ends only when every cleanup is done, and then raises an ExceptionGroup. Children that finished before the failure keep their results. Nested: the failing child is in an inner group; its exception group fails the outer group, which then cancels its own children, so the cancellation spreads outwards one cleanup later.", "组内一个子任务在选定时间抛出异常。任务组取消所有仍在运行的兄弟任务；每个被取消的子任务在结束前执行清理（清理本身也可以 await），因此任务组要等所有清理完成后才结束，然后抛出 ExceptionGroup。在失败之前已完成的子任务保留其结果。嵌套模式：失败的子任务位于内层任务组中；内层的异常组使外层任务组失败，外层随即取消自己的子任务，取消晚一次清理的时间向外扩散。"),
    ("taskgroup.n", "siblings (N)", "兄弟任务数（N）"),
    ("taskgroup.latency", "latency model", "延迟模型"),
    ("taskgroup.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("taskgroup.fail_at", "failing child raises at (ms)", "失败子任务抛出异常的时间（毫秒）"),
    ("taskgroup.cleanup", "cleanup after cancel (ms)", "取消后清理用时（毫秒）"),
    ("taskgroup.nested", "groups", "任务组结构"),
    ("taskgroup.seed", "seed", "随机种子"),
];
