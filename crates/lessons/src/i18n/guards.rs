//! Strings of the safety rails: the request endpoint's fallback, runs of a
//! user's own URL (only from the visitor's click, capped), the embed API's
//! refusals, and rejected input.

#[cfg(not(target_arch = "wasm32"))]
use super::Entry;

/// All of them wait for `i18n-later.json` (`super::later`): no first lesson draws
/// one on its way (e2e checks), and an error drawn before they arrive is redrawn.
/// (The refusal of a link that would run against a user's URL is drawn at once,
/// by a first-lesson page: it is in `page.rs`'s first-load table.)
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    (
        "err.user_url_cap",
        "{param} = {value}: a run against your own URL sends at most {max} requests (at most 5 per second), so that a shared link cannot flood someone's server. Lower it, or clear the URL to use the built-in endpoint.",
        "{param} = {value}：对你自己的 URL 运行时最多发送 {max} 个请求（每秒最多 5 个），以免分享的链接对他人的服务器造成请求洪泛。请调小该值，或清空 URL 以使用内置端点。",
    ),
    (
        "err.user_url_too_many",
        "A run against your own URL sends at most 20 requests.",
        "对你自己的 URL 运行时最多发送 20 个请求。",
    ),
    (
        "err.bad_origins",
        "origins = “{input}” is not a list of origins such as https://tutorial.example,http://localhost:8000. Until it is fixed, no page may drive this app.",
        "origins = “{input}” 不是形如 https://tutorial.example,http://localhost:8000 的源列表。修正之前，任何页面都不能控制本应用。",
    ),
    ("embed.err.not_for_us", "Not a playground message.", "不是演练场消息。"),
    ("embed.err.too_large", "The message is {bytes} bytes; at most {max} are read.", "消息有 {bytes} 字节；最多读取 {max} 字节。"),
    ("embed.err.unknown_type", "Unknown command playground:{kind} (known: run, stop, set).", "未知命令 playground:{kind}（已知：run、stop、set）。"),
    ("embed.err.bad_field", "The field “{field}” of playground:set has the wrong type or value.", "playground:set 的字段“{field}”类型或取值错误。"),
    ("embed.err.too_many_params", "{count} parameters in one message; at most {max}.", "一条消息中有 {count} 个参数；最多 {max} 个。"),
    ("embed.err.origin", "Messages from {origin} may not drive this app (it was embedded with origins=…).", "来自 {origin} 的消息不能控制本应用（嵌入时指定了 origins=…）。"),
    ("app.run_target", "Requests go to {host}", "请求将发往 {host}"),
    (
        "event.endpoint_fallback",
        "These requests did not go through the built-in endpoint (the service worker was not available: {n}). Each was answered in the page by a timer and a fetch of a data: URL, so the timings are the page's own, not a network's.",
        "这些请求没有经过内置端点（Service Worker 不可用：{n}）。每个请求都在页面内由定时器加一次 data: URL 的 fetch 应答，因此时间是页面自身的，而非网络的。",
    ),
];
