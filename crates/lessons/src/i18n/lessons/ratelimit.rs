//! Texts of the `ratelimit` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("ratelimit.title", "Rate limiting: token bucket and sliding window", "限流：令牌桶与滑动窗口"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.token_bucket", "token bucket", "令牌桶"),
    ("choice.sliding_window", "sliding window", "滑动窗口"),
    ("choice.delay", "delay (wait for a turn)", "延迟（排队等待）"),
    ("choice.reject", "reject (HTTP 429)", "拒绝（HTTP 429）"),
    ("num.delayed", "delayed", "延迟放行"),
    ("num.configured_rate", "configured rate (/s)", "配置速率（每秒）"),
    ("num.achieved_rate", "achieved rate (/s)", "实际速率（每秒）"),
    ("ratelimit.notice", "Requests arrive faster than the limiter allows. A token bucket lets a burst of b through at once, then one request per 1/r seconds as tokens refill: the tokens track falls to zero and stays there while requests queue. A sliding window admits at most M in any W ms, so admissions come in clumps of M. With delay, waiting requests pass in arrival order and the achieved rate settles at the configured one; with reject, the extra requests fail at once (like HTTP 429) and nobody waits.", "请求到达的速度超过限流器允许的速度。令牌桶先一次放行 b 个（突发），之后随令牌补充每 1/r 秒放行一个：令牌曲线降到零并保持，请求在排队。滑动窗口在任意 W 毫秒内最多放行 M 个，所以放行成批出现。选择“延迟”时，等待的请求按到达顺序通过，实际速率稳定在配置速率；选择“拒绝”时，多出的请求立即失败（类似 HTTP 429），没有人等待。"),
    ("ratelimit.n", "requests (N)", "请求数（N）"),
    ("ratelimit.limiter", "limiter", "限流器"),
    ("ratelimit.overflow", "when full", "超限时"),
    ("ratelimit.rate", "bucket rate (tokens/s)", "令牌桶速率（令牌/秒）"),
    ("ratelimit.burst", "bucket size (burst b)", "令牌桶容量（突发 b）"),
    ("ratelimit.limit", "window limit (M)", "窗口上限（M）"),
    ("ratelimit.window", "window (W, ms)", "窗口长度（W，毫秒）"),
    ("ratelimit.arrive", "arrivals per second", "每秒到达请求数"),
    ("ratelimit.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("ratelimit.seed", "seed", "随机种子"),
];
