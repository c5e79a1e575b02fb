//! Texts of the `sharing` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("sharing.title", "Shared memory vs message passing", "共享内存与消息传递"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.shared_ms", "shared memory", "共享内存"),
    ("num.copy_ms", "message passing", "消息传递"),
    ("num.copy_x", "message passing / shared", "消息传递 / 共享内存"),
    ("num.bytes_shared", "bytes shared (never copied)", "共享的字节数（从不复制）"),
    ("event.sharing_shared", "shared memory", "共享内存"),
    ("event.sharing_messages", "message passing", "消息传递"),
    ("sharing.notice", "The same sum over the same buffer runs twice. With shared memory every worker reads its chunk where it lies: the lanes are solid compute. With message passing each chunk is pickled into bytes, copied and unpickled before any computing starts, and the result travels back the same way: the I/O-coloured copy spans dwarf the thin compute spans when the work per item is small. Raise the work per item and the copying matters less.", "同一个缓冲区上的同一个求和运行两次。使用共享内存时，每个工作线程直接在原处读取自己的分块：泳道上全是计算。使用消息传递时，每个分块先要序列化成字节、复制、再反序列化，然后才能开始计算，结果也要原路返回：当每项计算量很小时，I/O 颜色的复制区间远远长于细小的计算区间。增大每项计算量，复制的影响就会变小。"),
    ("sharing.threads", "threads (0 = all)", "线程数（0 = 全部）"),
    ("sharing.items", "items in the buffer", "缓冲区数据项数"),
    ("sharing.chunk", "chunk size", "分块大小"),
    ("sharing.rounds", "work per item (rounds)", "每项计算量（轮数）"),
];
