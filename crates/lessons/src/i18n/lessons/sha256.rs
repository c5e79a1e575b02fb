//! Texts of the `sha256` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("sha256.title", "Speedup: SHA-256 over many blocks on N threads", "加速比：在 N 个线程上对大量数据块做 SHA-256"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.digest_head48", "XOR of digests, first 48 bits", "摘要异或值的前 48 位"),
    ("num.mib_hashed", "MiB hashed per step", "每步哈希的 MiB 数"),
    ("sha256.notice", "Every 4 KiB block is generated from a seed and hashed on its own; the block digests are combined with XOR, which does not care about order. So 1, 2, … N threads produce the very same digest and only the time changes. Hashing is pure computation on data each thread makes itself: nothing is shared, and the speedup follows the cores.", "每个 4 KiB 数据块由种子生成并单独计算哈希；各块摘要用异或合并，与顺序无关。因此 1、2……N 个线程得到完全相同的摘要，只有用时不同。哈希是纯计算，每个线程处理自己生成的数据：没有共享，加速比随核数增长。"),
    ("sha256.blocks", "4 KiB blocks", "4 KiB 数据块数"),
    ("sha256.chunk", "blocks per chunk", "每个分块的数据块数"),
    ("sha256.threads", "most threads (0 = all)", "最多线程数（0 = 全部）"),
    ("sha256.reps", "repetitions (best counts)", "重复次数（取最佳）"),
    ("sha256.seed", "seed", "随机种子"),
];
