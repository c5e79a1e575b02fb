//! Texts of the `chooser` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("chooser.title", "One job, every model: threads, processes or asyncio?", "同一任务，所有模型：线程、进程还是 asyncio？"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("num.cpython_copy_ms", "pickling one CPython job in and out, measured (ms)", "一个 CPython 任务的序列化进出，实测（毫秒）"),
    ("err.chooser_copy_budget", "On the browser clock the chooser really copies every job's input to the processes, n of them at once: n × kb must be at most 65,536 KB (64 MB) here. Lower n or kb, or use the virtual clock, which models the copies.", "在浏览器时钟上，选择器会把每个任务的输入真正复制给进程，且 n 个同时进行：此处 n × kb 不得超过 65,536 KB（64 MB）。请减小 n 或 kb，或使用虚拟时钟（它对复制进行建模）。"),
    ("choice.io_bound", "I/O-bound", "I/O 密集型"),
    ("num.pickling_ms", "pickling in and out (all processes)", "序列化进出（全部进程）"),
    ("event.chooser_io_bound", "I/O-bound · {n}", "I/O 密集型 · {n}"),
    ("event.chooser_cpu_bound", "CPU-bound · {n}", "CPU 密集型 · {n}"),
    ("event.chooser_io_then_cpu", "mixed · {n}", "混合型 · {n}"),
    ("chooser.notice", "The same batch of jobs, I/O-bound, CPU-bound and mixed (fetch, then compute), under six of Python's models. Waiting on I/O overlaps under threads and asyncio; computing overlaps only on several cores: in processes, or in free-threaded threads (CPython 3.13t). Processes pay to start (each is started in turn) and to pickle every input and result (the start-up and copy spans). Modelled (solid bars, on both clocks): all six models, as CPython's schedule computed with costs measured from CPython 3.11 on the project's machine, not yours (data/cpython_costs.json, written by python3 python/tools/cpython_costs.py). The verdict, what CPython would do, is computed from these bars alone: every model within 10% of the fastest. Measured (hatched bars, browser clock only): the process pool and asyncio + process pool also run in this browser on real processes (Web Workers with their own memory; inputs and answers copied by postMessage). Their makespans, start-up and copies are this browser's, not CPython's: they are listed beside the verdict, never in it. The browser's threads are not used. Pick a job and a model to see that run's timeline and numbers; on the browser clock the two pool models show their measured run.", "同一批任务：I/O 密集型、CPU 密集型和混合型（先获取、再计算），在 Python 的六种模型下运行。I/O 等待在线程和 asyncio 下相互重叠；计算只有在多个核心上才能重叠：多进程，或自由线程（CPython 3.13t）。进程需要付出启动开销（逐个启动）以及每份输入和结果的序列化开销（启动与复制区间）。模型（实心柱，两种时钟下都有）：全部六种模型，按 CPython 的调度计算，开销取自本项目机器上（而非你的机器）CPython 3.11 的实测（data/cpython_costs.json，由 python3 python/tools/cpython_costs.py 写出）。结论，即 CPython 会怎样，只由这些柱得出：与最快者相差不超过 10% 的所有模型。实测（斜纹柱，仅浏览器时钟）：进程池和 asyncio + 进程池还会在本浏览器的真实进程上运行（拥有自己内存的 Web Worker；输入和结果由 postMessage 复制）。它们的用时、启动和复制开销属于这个浏览器，而不是 CPython：列在结论旁边，从不计入结论。这里不使用浏览器的线程。选择任务和模型，即可查看那次运行的时间线和数据；在浏览器时钟下，两种进程池模型显示的是实测运行。"),
    ("chooser.n", "jobs", "任务数"),
    ("chooser.io", "I/O wait per job (ms)", "每个任务的 I/O 等待（毫秒）"),
    ("chooser.cpu", "computing per job (ms)", "每个任务的计算（毫秒）"),
    ("chooser.kb", "input per job (KB, pickled to a process)", "每个任务的输入（KB，序列化后发给进程）"),
    ("chooser.threads", "threads (ThreadPoolExecutor max_workers)", "线程数（ThreadPoolExecutor 的 max_workers）"),
    ("chooser.processes", "processes (ProcessPoolExecutor max_workers)", "进程数（ProcessPoolExecutor 的 max_workers）"),
    ("chooser.cores", "CPU cores", "CPU 核心数"),
    ("chooser.job", "timeline: job", "时间线：任务类型"),
    ("chooser.model", "timeline: model", "时间线：模型"),
];
