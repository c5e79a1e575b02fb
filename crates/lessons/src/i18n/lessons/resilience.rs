//! Texts of the `resilience` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("resilience.title", "Resilience: timeout, retry with backoff, circuit breaker", "弹性：超时、退避重试与熔断器"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.attempts", "attempts", "尝试次数"),
    ("num.successes", "successful calls", "成功的调用"),
    ("num.timeouts", "timeouts", "超时次数"),
    ("num.rejected_by_breaker", "rejected by the breaker", "被熔断器拒绝"),
    ("num.breaker_opens", "times the breaker opened", "熔断器打开次数"),
    ("resilience.notice", "Calls arrive one after another against a flaky service. Each attempt is cut off at the timeout; a failed attempt is retried after a random backoff that doubles each time up to a cap (full jitter spreads retries so they don't arrive in bursts). After a run of consecutive failures the circuit breaker opens: calls are rejected at once without touching the service, which gets time to recover; after the open time one trial call goes through (half-open) and decides whether the breaker closes again. Watch the breaker track and the sleeping (backoff) spans.", "调用一个接一个地到达一个不稳定的服务。每次尝试在超时时被中止；失败的尝试在随机退避后重试，退避上限每次翻倍直到封顶（完全抖动让重试分散开，不会成批涌来）。连续失败达到阈值后熔断器打开：调用被立即拒绝，不再打扰服务，让它有时间恢复；打开时间过后放行一个试探调用（半开），由它决定熔断器是否重新闭合。请观察熔断器轨道和休眠（退避）区段。"),
    ("resilience.n", "calls (N)", "调用数（N）"),
    ("resilience.interval", "one call every (ms)", "调用间隔（毫秒）"),
    ("resilience.latency", "latency model", "延迟模型"),
    ("resilience.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("resilience.fail", "failure rate (%)", "失败率（%）"),
    ("resilience.timeout", "timeout per attempt (ms)", "每次尝试的超时（毫秒）"),
    ("resilience.attempts", "attempts per call", "每次调用的最多尝试次数"),
    ("resilience.base", "backoff base (ms)", "退避基数（毫秒）"),
    ("resilience.cap", "backoff cap (ms)", "退避上限（毫秒）"),
    ("resilience.threshold", "failures that open the breaker", "打开熔断器的连续失败次数"),
    ("resilience.open_ms", "breaker open for (ms)", "熔断器打开时长（毫秒）"),
    ("resilience.seed", "seed", "随机种子"),
];
