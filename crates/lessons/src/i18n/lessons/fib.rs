//! Texts of the `fib` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("fib.title", "Fork-join: recursive Fibonacci on N threads", "分叉-合并：在 N 个线程上递归计算斐波那契数"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.fib", "fib(n)", "fib(n) 的值"),
    ("num.subtrees", "subtrees", "子树数"),
    ("num.join_ms", "rayon::join on the whole pool", "整个线程池上的 rayon::join"),
    ("num.join_speedup_x", "join speedup over 1 thread", "join 相对 1 线程的加速比"),
    ("event.fork_join", "rayon::join, cutoff {n}", "rayon::join，阈值 {n}"),
    ("fib.notice", "fib(n) calls fib(n−1) and fib(n−2): a tree of independent calls. The sweep cuts the tree depth levels down into subtrees that 1, 2, … N threads pull, so each step really uses that many threads. Uneven subtrees show as uneven spans. Then rayon::join computes the same fib(n) once on the whole pool: work stealing splits the tree by itself, down to the cutoff. Join cannot be limited to k threads here, since idle pool threads steal its halves; that is why the sweep splits by hand.", "fib(n) 调用 fib(n−1) 和 fib(n−2)：一棵相互独立的调用树。扫描在第 depth 层把树切成子树，由 1、2……N 个线程领取，因此每一步确实只用那么多线程。子树大小不一，时间段长短也不一。随后 rayon::join 在整个线程池上再算一次同一个 fib(n)：工作窃取自行拆分调用树，直到阈值。这里无法把 join 限制在 k 个线程，因为空闲线程会窃取它的另一半；所以扫描改为手动拆分。"),
    ("fib.n", "n", "项数 n"),
    ("fib.depth", "split depth (2^depth subtrees)", "拆分深度（2^depth 棵子树）"),
    ("fib.cutoff", "join down to n =", "join 拆分直到 n ="),
    ("fib.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("fib.reps", "repetitions (best counts)", "重复次数（取最佳）"),
];
