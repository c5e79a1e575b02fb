//! Strings of Python's choice: the GIL during I/O (`gilio`), the chooser and
//! the "what would Python do" view of the speedup lessons.

use super::Entry;

pub(super) static TABLE: &[Entry] = &[
    // ---- gilio ----
    ("gilio.title", "The GIL is released during I/O", "I/O 期间 GIL 会被释放"),
    ("num.io_1_ms", "I/O-bound, 1 thread", "I/O 密集型，1 个线程"),
    ("num.io_ms", "I/O-bound, the pool", "I/O 密集型，线程池"),
    ("num.io_x", "I/O-bound speedup", "I/O 密集型加速比"),
    ("num.cpu_1_ms", "CPU-bound, 1 thread", "CPU 密集型，1 个线程"),
    ("num.cpu_ms", "CPU-bound, the pool", "CPU 密集型，线程池"),
    ("num.cpu_x", "CPU-bound speedup", "CPU 密集型加速比"),
    ("num.mixed_1_ms", "mixed, 1 thread", "混合型，1 个线程"),
    ("num.mixed_ms", "mixed, the pool", "混合型，线程池"),
    ("num.mixed_x", "mixed speedup", "混合型加速比"),
    ("event.gilio_io", "I/O-bound", "I/O 密集型"),
    ("event.gilio_cpu", "CPU-bound", "CPU 密集型"),
    ("event.gilio_mixed", "mixed: fetch, then compute", "混合型：先获取，再计算"),
    ("bar.io", "I/O-bound", "I/O 密集型"),
    ("bar.cpu", "CPU-bound", "CPU 密集型"),
    ("bar.mixed", "mixed", "混合型"),
    ("bar.threads_1", "1 thread", "1 个线程"),
    ("bar.threads_n", "the pool's threads", "线程池的全部线程"),
    // ---- chooser ----
    ("chooser.title", "One job, every model: threads, processes or asyncio?", "同一任务，所有模型：线程、进程还是 asyncio？"),
    ("choice.io_bound", "I/O-bound", "I/O 密集型"),
    ("choice.cpu_bound", "CPU-bound", "CPU 密集型"),
    ("choice.io_then_cpu", "mixed (fetch, then compute)", "混合型（先获取，再计算）"),
    ("choice.sequential", "sequential", "顺序执行"),
    ("choice.threads_gil", "threads (GIL)", "线程（GIL）"),
    ("choice.free_threaded", "threads (free-threaded)", "线程（自由线程）"),
    ("choice.process_pool", "processes", "多进程"),
    ("choice.asyncio_loop", "asyncio", "asyncio（单个事件循环）"),
    ("choice.asyncio_procs", "asyncio + process pool", "asyncio + 进程池"),
    ("num.start_up_ms", "process start-up (all processes)", "进程启动（全部进程）"),
    ("num.pickling_ms", "pickling in and out (all processes)", "序列化进出（全部进程）"),
    ("event.chooser_io_bound", "I/O-bound · {n}", "I/O 密集型 · {n}"),
    ("event.chooser_cpu_bound", "CPU-bound · {n}", "CPU 密集型 · {n}"),
    ("event.chooser_io_then_cpu", "mixed · {n}", "混合型 · {n}"),
    ("bars.title", "Makespan by model", "各模型用时"),
    ("bars.note", "Click a bar to see its run on the timeline.", "点击柱形，即可在时间线上查看那次运行。"),
    ("verdict.title", "Verdict, from the bars above", "结论（由上方柱状图得出）"),
    ("verdict.job", "job", "任务类型"),
    ("verdict.fastest", "fastest (within 10% of the best)", "最快（与最佳相差不超过 10%）"),
    ("verdict.best", "best", "最佳"),
    // ---- the Python view of speedup lessons ----
    ("pyview.title", "What would Python do?", "换成 Python 会怎样？"),
    ("pyview.wasm", "browser threads here ({n} threads)", "这里的浏览器线程（{n} 个线程）"),
    ("pyview.threads", "CPython threads ({n}, the GIL)", "CPython 线程（{n} 个，有 GIL）"),
    ("pyview.processes", "CPython processes ({n}, start-up and pickling included)", "CPython 进程（{n} 个，含启动和序列化）"),
    ("pyview.gil_notice", "Browser threads have no GIL: they compute at the same time, as free-threaded Python (3.13t) or Rust threads do. CPython's threads do have one: only one of them computes at a time, so on CPU work they give about 1× and you reach for processes.", "浏览器线程没有 GIL：它们同时计算，就像自由线程 Python（3.13t）或 Rust 线程那样。CPython 的线程有 GIL：同一时刻只有一个线程在计算，所以在 CPU 任务上它们大约只有 1×，需要改用多进程。"),
    ("pyview.basis_measured", "CPython's time for this work: {ms}, {k}× the wasm 1-thread time (ratio measured for this workload, BENCHMARKS.md), cut into {tasks} tasks.", "CPython 完成这项工作的用时：{ms}，是 wasm 单线程用时的 {k} 倍（该工作负载的实测比值，见 BENCHMARKS.md），切成 {tasks} 个任务。"),
    ("pyview.basis_same", "CPython's slowdown was not measured for this lesson: the work is taken as fast as here ({ms}, {tasks} tasks). Real CPython is 12–190× slower on the measured workloads, which makes start-up and pickling weigh less.", "本课未实测 CPython 的慢速比：按与这里一样快计算（{ms}，{tasks} 个任务）。在已实测的工作负载上，真实 CPython 要慢 12–190 倍，启动和序列化的占比会更小。"),
    ("pyview.costs", "Process costs measured from CPython 3.11 on this machine (python3 python/chooser.py --measure): {spawn} ms to start each process, one after another; {item} ms to pickle and pass each task and its result. Here: {spawn_total} of start-up, {copy_total} of pickling.", "进程开销取自本机 CPython 3.11 实测（python3 python/chooser.py --measure）：每个进程启动 {spawn} 毫秒，逐个启动；每个任务及其结果的序列化与传递 {item} 毫秒。本次：启动共 {spawn_total}，序列化共 {copy_total}。"),
];

/// This part's texts of the lessons other than the first ones, except their
/// titles: not in the wasm, which fetches them as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("gilio.notice", "The same pool of threads runs three batches, as CPython would: I/O-bound jobs (each waits on I/O), CPU-bound jobs (each computes) and mixed jobs (each fetches, then computes). A thread waiting on I/O drops the GIL (green spans), so the waits overlap and I/O-bound threads scale: n jobs of io ms on T threads take ⌈n/T⌉ × io. A thread computing holds the GIL (blue) and hands it over every switch interval when another waits (orange = waiting for the GIL): CPU-bound threads take n × cpu however many there are. The mix scales until the computing alone fills the one GIL. The schedule is CPython's, modelled on the run's clock; python/gilio.py runs the same batches with real threads (time.sleep releases the GIL).", "同一个线程池依次运行三批任务，与 CPython 一样：I/O 密集型（每个任务等待 I/O）、CPU 密集型（每个任务计算）和混合型（先获取、再计算）。等待 I/O 的线程会释放 GIL（绿色区间），于是等待相互重叠，I/O 密集型线程能扩展：n 个 io 毫秒的任务在 T 个线程上耗时 ⌈n/T⌉ × io。计算中的线程持有 GIL（蓝色），并在有其他线程等待时每个切换间隔交出一次（橙色 = 等待 GIL）：CPU 密集型线程无论多少个都要 n × cpu。混合型能扩展，直到计算本身占满唯一的 GIL。调度按 CPython 的方式在本次运行的时钟上建模；python/gilio.py 用真实线程运行同样的批次（time.sleep 会释放 GIL）。"),
    ("gilio.n", "jobs per batch", "每批任务数"),
    ("gilio.threads", "threads in the pool", "线程池中的线程数"),
    ("gilio.io", "I/O wait per job (ms)", "每个任务的 I/O 等待（毫秒）"),
    ("gilio.cpu", "computing per job (ms)", "每个任务的计算（毫秒）"),
    ("gilio.switch", "switch interval (µs)", "切换间隔（微秒）"),
    ("chooser.notice", "The same batch of jobs, I/O-bound, CPU-bound and mixed (fetch, then compute), under six of Python's models. Waiting on I/O overlaps under threads and asyncio; computing overlaps only on several cores: in processes, or in free-threaded threads (CPython 3.13t). Processes pay to start (each is started in turn) and to pickle every input and result (the start-up and copy spans). The makespans are CPython's schedules modelled exactly, with start-up and pickling costs measured from CPython 3.11 on this machine (python3 python/chooser.py --measure); the browser's threads are not used here. The verdict is computed from the bars: every model within 10% of the fastest. Pick a job and a model to see that run's timeline. On the browser clock the process pool and asyncio + process pool bars are not modelled: they ran on real processes (Web Workers with their own memory; inputs and answers copied by postMessage). Their start-up and copy per job are in the numbers, next to what CPython's ProcessPoolExecutor pays on this machine (python3 python/chooser.py --measure). On the virtual clock every bar is modelled.", "同一批任务：I/O 密集型、CPU 密集型和混合型（先获取、再计算），在 Python 的六种模型下运行。I/O 等待在线程和 asyncio 下相互重叠；计算只有在多个核心上才能重叠：多进程，或自由线程（CPython 3.13t）。进程需要付出启动开销（逐个启动）以及每份输入和结果的序列化开销（启动与复制区间）。用时是对 CPython 调度的精确建模，启动和序列化开销取自本机 CPython 3.11 的实测（python3 python/chooser.py --measure）；这里不使用浏览器的线程。结论由柱状图计算得出：与最快者相差不超过 10% 的所有模型。选择任务和模型，即可查看那次运行的时间线。在浏览器时钟下，进程池和 asyncio + 进程池两组柱子不是模型：它们在真实的进程上运行（拥有自己内存的 Web Worker；输入和结果由 postMessage 复制）。它们的启动和每个任务的复制开销列在数据中，旁边是 CPython 的 ProcessPoolExecutor 在本机的实测开销（python3 python/chooser.py --measure）。在虚拟时钟下，所有柱子都是模型。"),
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
