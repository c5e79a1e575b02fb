//! Texts of the `results` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("results.title", "Results: gather, return_exceptions, as_completed", "结果：gather、return_exceptions 与 as_completed"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.failfast_ms", "gather raised after", "gather 抛出异常用时"),
    ("num.finished_after_raise", "still running after the raise", "抛出异常后仍在运行"),
    ("num.failures_seen", "exceptions in the results", "结果中的异常数"),
    ("num.first_completed_id", "first to complete (request id)", "最先完成的请求编号"),
    ("lane.failfast", "gather", "gather 快速失败"),
    ("lane.settled", "return_exceptions", "return_exceptions 收集"),
    ("lane.stream", "as_completed", "as_completed 按完成顺序"),
    ("event.phase_failfast", "gather (fail-fast)", "gather（快速失败）"),
    ("event.phase_return_exceptions", "gather(return_exceptions=True)", "gather(return_exceptions=True) 收集全部"),
    ("event.phase_as_completed", "as_completed", "as_completed 按完成顺序"),
    ("results.notice", "The same N requests, some of which fail, run three times. With plain gather the first exception reaches the caller at once, yet the other requests are not cancelled: they keep running and their results are lost. With return_exceptions=True the caller waits for all of them and gets every result, exceptions included, in submission order. With as_completed results arrive in the order the requests finish, not the order they were started.", "同样的 N 个请求（其中一些会失败）运行三次。普通的 gather 在第一个异常发生时立即把它抛给调用方，但其余请求并没有被取消：它们继续运行，结果却丢失了。使用 return_exceptions=True 时，调用方等待全部完成，按提交顺序拿到每个结果，异常也在其中。使用 as_completed 时，结果按请求完成的先后到达，而不是按启动顺序。"),
    ("results.n", "requests (N)", "请求数（N）"),
    ("results.latency", "latency model", "延迟模型"),
    ("results.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("results.fail", "failure rate (%)", "失败率（%）"),
    ("results.seed", "seed", "随机种子"),
];
