//! Texts of the `stealing` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("stealing.title", "Work stealing made visible", "看得见的工作窃取"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.heavy", "heavy tail", "重尾"),
    ("num.static_ms", "fixed blocks", "固定分块"),
    ("num.stealing_ms", "work stealing", "工作窃取"),
    ("num.static_idle_ms", "idle worker time, fixed blocks", "工作线程空闲时间（固定分块）"),
    ("num.stealing_idle_ms", "idle worker time, stealing", "工作线程空闲时间（工作窃取）"),
    ("num.steals", "steals", "窃取次数"),
    ("event.stealing_blocks", "one fixed block per worker", "每个工作线程一块固定任务"),
    ("event.stealing_join", "rayon::join with stealing", "rayon::join 与工作窃取"),
    ("stealing.notice", "Tasks of uneven sizes run twice on every worker of the pool. Cut into one fixed block per worker, the worker that drew the heavy tasks is still busy while the others sit idle (the empty ends of the lanes). With rayon::join, each worker keeps its own queue of halves and an idle worker steals from a busy one: the lanes end together. Hover a task to see which worker queued it and which ran it; the steals count the halves that moved.", "大小不一的任务在线程池的所有工作线程上运行两次。预先给每个工作线程切一块固定的任务时，分到重任务的线程还在忙，其他线程却已空闲（泳道末尾的空白）。使用 rayon::join 时，每个工作线程维护自己的任务队列，空闲线程会从忙碌线程那里窃取任务：各泳道几乎同时结束。把鼠标悬停在任务上，可以看到它由哪个线程排队、由哪个线程执行；窃取次数统计被转移的任务块。"),
    ("stealing.tasks", "tasks", "任务数"),
    ("stealing.size", "mean task size (k rounds)", "平均任务大小（千轮）"),
    ("stealing.skew", "task sizes", "任务大小分布"),
    ("stealing.seed", "seed", "随机种子"),
];
