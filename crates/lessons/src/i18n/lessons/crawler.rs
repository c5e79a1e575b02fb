//! Texts of the `crawler` lesson, English and 简体中文, one file.
//! A first lesson (`crate::i18n::later::FIRST_LESSONS`): what its page draws
//! is in `TABLE`, compiled into the wasm; `LATER` only what it shows off that
//! path, fetched with `i18n-later.json`.

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("crawler.title", "Semaphore-bounded crawler", "信号量限流爬虫"),
    ("crawler.notice", "N requests share K permits. With K = 1 the makespan is the sum of all latencies; each step up in K divides it, until K ≥ N and it is just the slowest request. Lanes that start orange waited for a permit: the waiters track shows the queue draining in order (FIFO, like asyncio.Semaphore), and permits in use never exceeds K. With server = overloadable the other side has limits too: it serves C requests at full speed, each request beyond C makes every new one slower ((n/C)² as long with n in service) and past C + queue it answers 503 at once. Then more in flight is slower, not faster: the chart's best K is near C, and K = N overloads the server and gets errors. A semaphore protects the server as much as the client: set K to what the other side can take.", "N 个请求共享 K 个许可。K = 1 时总耗时等于所有延迟之和；K 每增大一步，总耗时随之缩短，直到 K ≥ N 时只取决于最慢的请求。开头是橙色的泳道在等待许可：等待者曲线显示队列按顺序（先进先出，与 asyncio.Semaphore 相同）清空，已占用许可永远不超过 K。选择 server = 可过载时，对方也有上限：服务器以全速同时处理 C 个请求，超过 C 后每个新请求都更慢（服务中有 n 个请求时耗时为 (n/C)² 倍），超过 C + 队列时立即返回 503。这时并发越多反而越慢：图中最好的 K 在 C 附近，K = N 会压垮服务器并招致错误。信号量既保护客户端，也保护服务器：把 K 设为对方承受得了的数值。"),
    ("crawler.n", "requests (N)", "请求数（N）"),
    ("crawler.k", "max in flight (K)", "最大并发（K）"),
    ("crawler.latency", "latency model", "延迟模型"),
    ("crawler.ms", "mean latency (ms)", "平均延迟（毫秒）"),
    ("crawler.fail", "failure rate (%)", "失败率（%）"),
    ("crawler.seed", "seed", "随机种子"),
    ("crawler.url", "your own URL (optional; empty = built-in endpoint)", "自定义 URL（可选；留空 = 内置端点）"),
    ("crawler.server", "server", "服务器"),
    ("crawler.capacity", "server capacity (C)", "服务器容量（C）"),
    ("crawler.queue", "server queue (503 beyond C + queue)", "服务器队列（超过 C + 队列即返回 503）"),
    ("choice.unlimited", "unlimited: answers as planned", "不限：按计划响应"),
    ("choice.capacity", "overloadable: slower past C, 503 past C + queue", "可过载：超过 C 变慢，超过 C + 队列返回 503"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("event.url_unreachable", "Every request to {n} failed with a network error. The browser could not reach that server, or refused to hand over its answer: a cross-origin server must send Access-Control-Allow-Origin (CORS), the name must resolve (DNS), and an https page cannot fetch http addresses. Check the address, or leave the URL empty to use the built-in endpoint.", "对 {n} 的每个请求都因网络错误而失败。浏览器无法连接该服务器，或拒绝交出其响应：跨源服务器必须发送 Access-Control-Allow-Origin（CORS）响应头，域名必须能够解析（DNS），且 https 页面不能请求 http 地址。请检查地址，或将 URL 留空以使用内置端点。"),
];
