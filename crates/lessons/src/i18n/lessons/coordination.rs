//! Texts of the `coordination` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    (
        "coordination.title",
        "Coordination: Lock, Event, Condition, Barrier, pool, periodic",
        "协调原语：锁、事件、条件变量、屏障、连接池、定时任务",
    ),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.condition", "Condition", "条件变量（Condition）"),
    ("choice.barrier", "Barrier", "屏障（Barrier）"),
    ("choice.pool", "connection pool", "连接池"),
    ("choice.periodic", "periodic scheduler", "定时调度"),
    ("num.set_ms", "event set at", "事件设置时刻"),
    ("num.barrier_ms", "barrier opened at", "屏障打开时刻"),
    ("num.connections_reused", "connections reused", "连接复用次数"),
    ("num.loop_drift_ms", "sleep loop: last tick late by", "睡眠循环：最后一次触发延迟"),
    ("num.scheduler_drift_ms", "scheduler: last tick late by", "调度器：最后一次触发延迟"),
    ("track.arrived", "arrived at the barrier", "已到达屏障"),
    ("track.loop_lateness", "sleep loop: lateness (ms)", "睡眠循环：延迟（毫秒）"),
    ("track.scheduler_lateness", "scheduler: lateness (ms)", "调度器：延迟（毫秒）"),
    ("lane.task", "task", "任务"),
    ("lane.waiter", "waiter", "等待者"),
    ("lane.loop", "sleep loop", "睡眠循环"),
    ("lane.scheduler", "scheduler", "调度器"),
    ("coordination.notice", "Pick a primitive and watch who waits on what. Lock: tasks take turns in arrival order, and a read–await–write on the counter loses no update. Event: every waiter wakes at the very moment the setter sets it. Condition: each notify(1) wakes exactly one consumer, which re-checks the data before taking an item. Barrier: tasks finish phase 1 at different times, but all start phase 2 together, when the last one arrives. Pool: never more than K connections in use, and the same K connections are reused. Periodic: “work, then sleep P” drifts later by all the work done, while a schedule on deadlines (start + i·P) stays on time.", "选一个原语，看谁在等什么。锁：任务按到达顺序轮流进入，计数器的“读取–await–写入”不会丢失任何更新。事件：设置者一设置，所有等待者在同一时刻被唤醒。条件变量：每次 notify(1) 只唤醒一个消费者，它先重新检查数据再取走一项。屏障：各任务在不同时间完成第一阶段，但要等最后一个到达后才一起开始第二阶段。连接池：使用中的连接从不超过 K 个，而且反复复用同样的 K 个连接。定时任务：“先干活再睡 P 毫秒”会把所有干活时间累积成漂移，而按截止时间（起点 + i·P）调度则始终准时。"),
    ("coordination.primitive", "primitive", "原语"),
    ("coordination.n", "tasks (ticks for periodic)", "任务数（定时任务为触发次数）"),
    ("coordination.k", "connections in the pool", "连接池中的连接数"),
    ("coordination.ms", "request latency, ms (period for periodic)", "请求延迟，毫秒（定时任务为周期）"),
    ("coordination.seed", "seed", "随机种子"),
];
