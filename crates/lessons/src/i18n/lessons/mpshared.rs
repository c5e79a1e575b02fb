//! Texts of the `mpshared` lesson (state shared between processes: a Value in
//! shared memory vs a Manager proxy, the lost update and the lock), English
//! and 简体中文: the title in `TABLE` (first load), the rest in `LATER`
//! (`super::super::later`).

use crate::i18n::Entry;

pub static TABLE: &[Entry] = &[
    ("mpshared.title", "Shared between processes: Value vs Manager", "进程间共享：Value 与 Manager"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub static LATER: &[Entry] = &[
    ("choice.shared_memory", "Value / Array: memory both processes map", "Value / Array：双方都映射的内存"),
    ("choice.manager", "Manager proxy: a round trip per access", "Manager 代理：每次访问一个往返"),
    ("choice.plain", "plain global and dict: each process its own copy", "普通全局变量和字典：每个进程各有一份"),
    ("choice.unlocked", "no lock: v.value += 1", "不加锁：v.value += 1"),
    ("choice.locked", "with the lock around each += 1", "每次 += 1 都加锁"),
    ("num.final_value", "final value", "最终值"),
    ("num.expected", "expected (procs × increments)", "期望值（进程数 × 自增次数）"),
    ("num.access_us", "time per access a process saw (µs)", "进程看到的每次访问耗时（微秒）"),
    ("num.child_value", "COUNTER as a child read it at its end", "子进程结束时读到的 COUNTER"),
    ("num.parent_dict_keys", "keys in the parent's SEEN after join()", "join() 之后父进程 SEEN 中的键数"),
    ("num.cpython_access_us", "one CPython access alone, measured (µs)", "CPython 单独一次访问，实测（微秒）"),
    (
        "mpshared.notice",
        "Each process does v.value += 1 increments times: a read, then a write. Value / Array: the value is in memory every process maps, so an access is a load or a store (here a SharedArrayBuffer handed to every Web Worker process). Manager: the value lives in the manager's process and v is a proxy: every read and every write is a message there and back, about a hundred times slower (the time per access shows it). Without the lock another process can write between a read and its write, and its update is lost: the final value falls short of procs × increments, by how much depends on the timing. With the lock (v.get_lock(), or a Manager Lock: two more round trips) nothing is lost and the processes take turns. Plain: nothing is shared. Each process does COUNTER += 1 on a module-level global, then SEEN[\"x\"] = COUNTER in a plain dict, and changes only its own copy: a child reads increments at its end, while the parent's COUNTER is still 0 and its SEEN still empty after join(), with or without a lock (here each process is a Web Worker with its own wasm memory, and the global and the dict are statics in it). To get data back, send it (a Queue, a Pipe) or share it on purpose (Value, Manager). On the browser clock this is real and measured; on the virtual clock it is a model with CPython's costs measured on the project's machine (python/mpshared.py --measure), in which unlocked processes run in lockstep, the worst interleaving: (procs − 1) × increments lost.",
        "每个进程执行 increments 次 v.value += 1：先读，再写。Value / Array：值位于每个进程都映射的内存中，一次访问就是一次读或写（这里是交给每个 Web Worker 进程的同一个 SharedArrayBuffer）。Manager：值位于 manager 进程里，v 只是代理：每次读、每次写都是一次去 manager 再回来的消息，大约慢一百倍（每次访问耗时可以看出来）。不加锁时，另一个进程可能在读和写之间写入，它的更新就丢失了：最终值小于 进程数 × 自增次数，少多少取决于时序。加锁（v.get_lock()，或 Manager 的 Lock：多两次往返）则不会丢失，进程轮流执行。普通（plain）：什么都不共享。每个进程对模块级全局变量执行 COUNTER += 1，再在普通字典里设置 SEEN[\"x\"] = COUNTER，改的只是自己的副本：子进程结束时读到 increments，而 join() 之后父进程的 COUNTER 仍是 0，SEEN 仍为空，加不加锁都一样（这里每个进程都是拥有独立 wasm 内存的 Web Worker，全局变量和字典是其中的静态变量）。要把数据带回来，就得发送（Queue、Pipe），或者有意共享（Value、Manager）。在浏览器时钟上这是真实运行并实测的；在虚拟时钟上是用本项目机器上 CPython 实测成本（python/mpshared.py --measure）构建的模型，其中不加锁的进程步调一致，即最坏的交错：丢失 (进程数 − 1) × 自增次数 次更新。",
    ),
    ("mpshared.mode", "where the value lives", "值存放在哪里"),
    ("mpshared.lock", "lock", "锁"),
    ("mpshared.procs", "processes", "进程数"),
    ("mpshared.increments", "increments per process", "每个进程的自增次数"),
];
