//! Strings of the Python views: the bars, measured and verdict panels of
//! `gilio` and the chooser, the "what would Python do" view of the speedup
//! lessons, and the numbers and choices they share. Each lesson's own texts
//! are in `lessons/<id>.rs`.

use super::Entry;

pub(super) static TABLE: &[Entry] = &[
    ("bars.title", "Makespan by model", "各模型用时"),
    ("measured.title", "Measured in this browser (not part of the verdict)", "本浏览器实测（不计入结论）"),
    ("verdict.title", "What CPython would do: the verdict from the modelled bars", "CPython 会怎样：由模型柱得出的结论"),
    ("pyview.title", "What would Python do?", "换成 Python 会怎样？"),
];

/// Not in the wasm: fetched as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("num.io_1_ms", "I/O-bound, 1 thread", "I/O 密集型，1 个线程"),
    ("num.io_ms", "I/O-bound, the pool", "I/O 密集型，线程池"),
    ("num.io_x", "I/O-bound speedup", "I/O 密集型加速比"),
    ("num.cpu_1_ms", "CPU-bound, 1 thread", "CPU 密集型，1 个线程"),
    ("num.cpu_ms", "CPU-bound, the pool", "CPU 密集型，线程池"),
    ("num.cpu_x", "CPU-bound speedup", "CPU 密集型加速比"),
    ("num.mixed_1_ms", "mixed, 1 thread", "混合型，1 个线程"),
    ("num.mixed_ms", "mixed, the pool", "混合型，线程池"),
    ("num.mixed_x", "mixed speedup", "混合型加速比"),
    ("bar.io", "I/O-bound", "I/O 密集型"),
    ("bar.cpu", "CPU-bound", "CPU 密集型"),
    ("choice.cpu_bound", "CPU-bound", "CPU 密集型"),
    ("choice.io_then_cpu", "mixed (fetch, then compute)", "混合型（先获取，再计算）"),
    ("choice.sequential", "sequential", "顺序执行"),
    ("choice.threads_gil", "threads (GIL)", "线程（GIL）"),
    ("choice.free_threaded", "threads (free-threaded)", "线程（自由线程）"),
    ("choice.process_pool", "processes", "多进程"),
    ("choice.asyncio_loop", "asyncio", "asyncio（单个事件循环）"),
    ("choice.asyncio_procs", "asyncio + process pool", "asyncio + 进程池"),
    ("num.start_up_ms", "process start-up (all processes)", "进程启动（全部进程）"),
    ("bars.note", "Click a bar to see its run on the timeline.", "点击柱形，即可在时间线上查看那次运行。"),
    ("bars.star", "★ = in the verdict: a modelled bar within 10% of the fastest modelled bar.", "★ = 计入结论：与最快的模型柱相差不超过 10% 的模型柱。"),
    ("bars.source.modelled", "modelled: CPython's schedule, with CPython's measured costs", "模型：CPython 的调度，采用 CPython 实测开销"),
    ("bars.source.measured", "measured: in this browser, this run (Web Worker processes)", "实测：本浏览器、本次运行（Web Worker 进程）"),
    ("measured.note", "The process pool and asyncio + process pool run again on this page's real processes (Web Workers): the browser's start-up and copies, not CPython's. Beside each, the CPython model's makespan for the same job.", "进程池和 asyncio + 进程池在本页的真实进程（Web Worker）上再运行一次：这是浏览器的启动和复制开销，不是 CPython 的。每行旁边是同一任务在 CPython 模型下的用时。"),
    ("measured.model", "model", "模型"),
    ("measured.ms", "measured here", "本浏览器实测"),
    ("measured.cpython", "CPython model", "CPython 模型"),
    ("num.makespan_ms", "makespan of the shown run", "所示运行的总耗时"),
    ("verdict.job", "job", "任务类型"),
    ("verdict.fastest", "fastest (within 10% of the best)", "最快（与最佳相差不超过 10%）"),
    ("verdict.best", "best", "最佳"),
    ("pyview.wasm", "browser threads here ({n} threads), measured in this run", "这里的浏览器线程（{n} 个线程），本次运行实测"),
    ("pyview.threads", "CPython threads ({n}, the GIL), modelled", "CPython 线程（{n} 个，有 GIL），模型估算"),
    ("pyview.processes", "CPython processes ({n}, start-up and pickling included), modelled", "CPython 进程（{n} 个，含启动和序列化），模型估算"),
    ("pyview.gil_notice", "Browser threads have no GIL: they compute at the same time, as free-threaded Python (3.13t) or Rust threads do. CPython's threads do have one: only one of them computes at a time, so on CPU work they give about 1× and you reach for processes.", "浏览器线程没有 GIL：它们同时计算，就像自由线程 Python（3.13t）或 Rust 线程那样。CPython 的线程有 GIL：同一时刻只有一个线程在计算，所以在 CPU 任务上它们大约只有 1×，需要改用多进程。"),
    ("pyview.basis_measured", "Modelled: CPython's time for this work is taken as {ms}, {k}× the wasm 1-thread time here, cut into {tasks} tasks. {k} is CPython's time on this workload measured on the project's machine ({date}) over a wasm time derived from native Rust measured beside it (data/cpython_costs.json; BENCHMARKS.md).", "模型估算：CPython 完成这项工作的用时取为 {ms}，即这里 wasm 单线程用时的 {k} 倍，切成 {tasks} 个任务。{k} 是 CPython 在本项目机器上实测的用时（{date}）与由同时实测的原生 Rust 推得的 wasm 用时之比（data/cpython_costs.json；见 BENCHMARKS.md）。"),
    ("pyview.basis_same", "Modelled: CPython's slowdown was not measured for this lesson, so the work is taken as fast as here ({ms}, {tasks} tasks). On the workloads where it was measured, real CPython is {lo}–{hi}× slower, which makes start-up and pickling weigh less.", "模型估算：本课未实测 CPython 的慢速比，按与这里一样快计算（{ms}，{tasks} 个任务）。在已实测的工作负载上，真实 CPython 要慢 {lo}–{hi} 倍，启动和序列化的占比会更小。"),
    ("pyview.costs", "Process costs measured with CPython 3.11 on the project's machine, not yours ({date}, python3 python/tools/cpython_costs.py): {spawn} ms to start each process, one after another; {item} ms to pickle and pass each task and its result. Here: {spawn_total} of start-up, {copy_total} of pickling.", "进程开销取自本项目机器上的 CPython 3.11 实测，而非你的机器（{date}，python3 python/tools/cpython_costs.py）：每个进程启动 {spawn} 毫秒，逐个启动；每个任务及其结果的序列化与传递 {item} 毫秒。本次：启动共 {spawn_total}，序列化共 {copy_total}。"),
];
