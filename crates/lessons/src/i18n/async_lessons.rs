//! Strings several async lessons share (the engine's primitives' lanes,
//! tracks, events and numbers: gather, timeouts, breakers, queues, pools) and
//! the own-URL field and its errors. Each lesson's own texts are in
//! `lessons/<id>.rs`.

use super::Entry;

pub(super) static TABLE: &[Entry] = &[
    ("app.url_placeholder", "https://… (empty: the built-in endpoint)", "https://…（留空：内置端点）"),
    ("app.url_hint", "real GET on the browser clock; the virtual clock simulates", "浏览器时钟下真实 GET；虚拟时钟下为模拟"),
];

/// Not in the wasm: fetched as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("event.gather_raised", "gather raised (request {n} failed)", "gather 抛出异常（请求 {n} 失败）"),
    ("event.gather_returned", "gather returned", "gather 返回"),
    ("lane.child", "child", "子任务"),
    ("lane.inner", "inner", "内层子任务"),
    ("event.group_raised", "TaskGroup raised an ExceptionGroup ({n})", "TaskGroup 抛出 ExceptionGroup（{n}）"),
    ("track.breaker_state", "breaker (0 closed, 1 open, 2 half-open)", "熔断器（0 闭合，1 打开，2 半开）"),
    ("lane.call", "call", "调用"),
    ("event.timed_out", "timed out after {n} ms", "{n} 毫秒后超时"),
    ("event.rejected", "rejected: breaker open", "被拒绝：熔断器打开"),
    ("event.backoff", "backoff {n} ms", "退避 {n} 毫秒"),
    ("event.retry", "retry {n}", "第 {n} 次重试"),
    ("event.breaker_open", "breaker opens", "熔断器打开"),
    ("event.breaker_half_open", "breaker half-open (trial call)", "熔断器半开（试探调用）"),
    ("event.breaker_closed", "breaker closes", "熔断器闭合"),
    ("event.cancelled", "cancelled", "已取消"),
    ("event.task_failed", "raised an exception", "抛出异常"),
    ("event.yielded", "as_completed yields it as #{n}", "as_completed 第 #{n} 个产出"),
    ("err.bad_url_scheme", "{param}: “{input}” is not an http:// or https:// address.", "{param}：“{input}”不是 http:// 或 https:// 地址。"),
    ("err.bad_url_space", "{param}: the address must not contain spaces or control characters.", "{param}：地址中不能包含空格或控制字符。"),
    ("err.bad_url_long", "{param}: the address is longer than {max} characters.", "{param}：地址超过 {max} 个字符。"),
    ("err.bad_url_host", "{param}: “{input}” has no host name after the scheme.", "{param}：“{input}”在协议之后没有主机名。"),
    ("num.admitted", "admitted at once", "立即放行"),
    ("num.rejected", "rejected", "被拒绝"),
    ("track.tokens", "tokens", "令牌"),
    ("track.window_count", "requests in window", "窗口内请求数"),
    ("num.items", "items handled", "已处理物品"),
    ("lane.producer", "producer", "生产者"),
    ("lane.consumer", "consumer", "消费者"),
    ("event.queue_closed", "{n} closed", "{n} 已关闭"),
    ("num.produce_mean_ms", "mean produce time", "平均生产时间"),
    ("num.stored", "stored", "已存储"),
    ("lane.processor", "processor", "处理者"),
    ("choice.shared", "shared balance (no actor)", "共享余额（无 Actor）"),
    ("num.messages", "messages handled", "已处理消息"),
    ("track.balance", "balance", "余额"),
    ("lane.account", "account actor", "账户 Actor"),
    ("lane.client", "client", "客户端"),
    ("num.max_loop_lag_ms", "worst event-loop lag", "最大事件循环延迟"),
    ("track.loop_lag_ms", "event-loop lag (ms)", "事件循环延迟（毫秒）"),
    ("lane.job", "CPU job", "CPU 任务"),
    ("err.offload_not_isolated", "offload mode needs the worker pool, and this page is not cross-origin isolated, so Web Workers cannot share its memory. Use mode = block here, or open the playground in its own tab.", "offload 模式需要工作线程池，而此页面未启用跨源隔离，Web Worker 无法共享其内存。请在此使用 mode = block，或在单独的标签页中打开演练场。"),
    ("choice.lock", "Lock", "锁（Lock）"),
    ("choice.event", "Event", "事件（Event）"),
    ("num.counter", "counter after all tasks", "所有任务后的计数器"),
    ("track.connections_in_use", "connections in use", "使用中的连接"),
    ("lane.setter", "setter", "设置者"),
    ("event.event_set", "{n} set", "{n} 已设置"),
    ("event.barrier_open", "{n} opens", "{n} 打开"),
    ("choice.opposite", "opposite (deadlocks)", "相反顺序（会死锁）"),
    ("event.deadlock", "Deadlock: {n}", "死锁：{n}"),
];
