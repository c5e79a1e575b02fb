//! Texts of the `mpqueue` lesson (moving data between processes: Queue, Pipe,
//! Pool, start methods, the pickling error), English and 简体中文: the title in
//! `TABLE` (first load), the rest in `LATER` (`super::super::later`).

use crate::i18n::Entry;

pub static TABLE: &[Entry] = &[
    ("mpqueue.title", "Between processes: Queue, Pipe, Pool", "进程之间：Queue、Pipe、Pool"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub static LATER: &[Entry] = &[
    ("choice.queue", "Queue: long-lived processes take the next item", "Queue：常驻进程取下一个任务"),
    ("choice.pipe", "Pipe: one process, send then recv", "Pipe：一个进程，先 send 再 recv"),
    ("choice.pool_map", "Pool.map: items sent in chunks", "Pool.map：任务分块发送"),
    ("choice.spawn", "spawn: a fresh interpreter", "spawn：全新的解释器"),
    ("choice.fork", "fork: a copy of the parent", "fork：父进程的副本"),
    ("choice.forkserver", "forkserver: forked from a server process", "forkserver：从服务进程 fork"),
    ("choice.def", "a def function (picklable by name)", "def 函数（可按名字 pickle）"),
    ("choice.lambda", "a lambda (no name to pickle)", "lambda（没有可 pickle 的名字）"),
    ("choice.inner", "a def inside run() (a local object)", "run() 内部的 def（局部对象）"),
    ("choice.set", "set: Pool(initializer=init, initargs=(2,))", "设置：Pool(initializer=init, initargs=(2,))"),
    ("choice.none", "none: MULT = 2 in the parent only", "无：只在父进程里设置 MULT = 2"),
    ("num.init_calls", "initializer calls (one per process)", "initializer 调用次数（每个进程一次）"),
    ("num.results", "results received", "收到的结果"),
    ("num.processes", "processes started", "启动的进程"),
    ("num.chunksize", "items per message (chunksize)", "每条消息的任务数（chunksize）"),
    ("num.per_message_ms", "copying one message in and out (ms)", "一条消息的复制进出（毫秒）"),
    ("num.cpython_message_ms", "one CPython message in and out, measured (ms)", "一条 CPython 消息的进出，实测（毫秒）"),
    ("num.init_total", "Σ i × MULT computed in the processes", "进程中算出的 Σ i × MULT"),
    (
        "err.mpqueue_pickle",
        "_pickle.PicklingError: Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed. What goes to another process is pickled, and a function is pickled by its name: a lambda has none. A Pool pickles its function with every task; a Process target is pickled by spawn and forkserver (fork copies the parent and runs it). Use a def at module level.",
        "_pickle.PicklingError：Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed。发往另一个进程的东西都要 pickle，而函数是按名字 pickle 的：lambda 没有名字。Pool 每个任务都会 pickle 函数；Process 的 target 在 spawn 和 forkserver 下会被 pickle（fork 复制父进程直接运行）。请改用模块顶层的 def 函数。",
    ),
    (
        "err.mpqueue_local",
        "AttributeError: Can't pickle local object 'run.<locals>.local_work'. A function is pickled by its module and name, and one defined inside another function (here inside run()) cannot be found that way. A Pool pickles its function with every task; a Process target is pickled by spawn and forkserver (fork copies the parent and runs it). Move the def to module level.",
        "AttributeError：Can't pickle local object 'run.<locals>.local_work'。函数按模块和名字 pickle，而定义在另一个函数内部的函数（这里在 run() 里）无法这样找到。Pool 每个任务都会 pickle 函数；Process 的 target 在 spawn 和 forkserver 下会被 pickle（fork 复制父进程直接运行）。请把 def 移到模块顶层。",
    ),
    (
        "err.mpqueue_name",
        "NameError: name 'MULT' is not defined. The pool's processes read the global MULT, which only the parent set: a spawn or forkserver process starts a fresh interpreter and imports the module, so it never had it (fork would have copied it). Set what the processes need in the pool's initializer (initializer = set), which runs once in each new process.",
        "NameError：name 'MULT' is not defined。进程池的进程读取全局变量 MULT，而只有父进程设置了它：spawn 或 forkserver 的进程启动全新的解释器并导入模块，所以从来没有这个变量（fork 会把它复制过去）。请在进程池的 initializer 里设置进程需要的东西（initializer = set），它在每个新进程里运行一次。",
    ),
    (
        "mpqueue.notice",
        "Processes share nothing: every item goes to a process as a message (pickled, copied through a pipe) and every result comes back the same way. queue: procs long-lived processes take items from one multiprocessing.Queue, a free process taking the next, so items of work ms take about ⌈items / procs⌉ × work after start-up. pipe: one process at the other end of a Pipe, one item at a time: items × work, plus every round trip. Pool.map: the pool sends items in chunks of ⌈items / (4 × procs)⌉, fewer messages for the same work, and its initializer runs once in each process (the listing sets a constant there). Start-up is its own span: spawn starts a fresh interpreter that imports your module (slowest), fork copies the parent (fastest, Linux only), forkserver forks from a clean server process (Linux's default from Python 3.14). On the virtual clock the schedule is exact and its costs are CPython's measured on the project's machine (python/mpqueue.py --measure); on the browser clock each process is a real Web Worker with its own memory, whose start-up (always a fresh instance, as spawn) and copies are measured here and listed beside CPython's. func = lambda stops the run where CPython raises PicklingError, func = inner (a def inside run()) where it raises AttributeError: Can't pickle local object. Pool.map's processes compute i × MULT, a module-level global: initializer = set runs init(2) once in each new process (initializer calls = processes; on the browser clock each Web Worker really runs it as it starts, in its own memory); none sets MULT = 2 in the parent only: fork copies it, spawn and forkserver processes never have it, and the run stops where CPython raises NameError.",
        "进程之间不共享任何东西：每个任务都作为消息发给进程（pickle 后经管道复制），每个结果也同样传回。queue：procs 个常驻进程从同一个 multiprocessing.Queue 取任务，空闲的进程取下一个，因此每个耗时 work 毫秒的任务，启动之后总共约需 ⌈items / procs⌉ × work。pipe：Pipe 另一端只有一个进程，一次一个任务：items × work，再加上每次往返。Pool.map：进程池按 ⌈items / (4 × procs)⌉ 分块发送任务，同样的工作消息更少；它的 initializer 在每个进程里只运行一次（示例代码在那里设置一个常量）。启动是单独的一段：spawn 启动全新的解释器并导入你的模块（最慢），fork 复制父进程（最快，仅限 Linux），forkserver 从一个干净的服务进程 fork（Python 3.14 起为 Linux 默认）。在虚拟时钟上，调度是精确的，成本取自本项目机器上 CPython 的实测（python/mpqueue.py --measure）；在浏览器时钟上，每个进程都是拥有独立内存的真实 Web Worker，其启动（总是全新实例，如 spawn）和复制在此实测，并与 CPython 的数值并列显示。func = lambda 会在 CPython 抛出 PicklingError 的地方结束运行，func = inner（run() 内部的 def）会在它抛出 AttributeError: Can't pickle local object 的地方结束。Pool.map 的进程计算 i × MULT，MULT 是模块级全局变量：initializer = set 在每个新进程里运行一次 init(2)（initializer 调用次数 = 进程数；在浏览器时钟上每个 Web Worker 启动时都在自己的内存里真正运行它）；none 只在父进程里设置 MULT = 2：fork 会复制它，spawn 和 forkserver 的进程则根本没有它，运行会在 CPython 抛出 NameError 的地方结束。",
    ),
    ("mpqueue.mode", "how the items travel", "任务的传递方式"),
    ("mpqueue.method", "start method", "启动方式"),
    ("mpqueue.procs", "processes", "进程数"),
    ("mpqueue.items", "items", "任务数"),
    ("mpqueue.work", "work per item (ms)", "每个任务的工作（毫秒）"),
    ("mpqueue.kb", "data per item (KB)", "每个任务的数据（KB）"),
    ("mpqueue.func", "the function sent", "发送的函数"),
    ("mpqueue.initializer", "the pool's initializer (Pool.map)", "进程池的 initializer（Pool.map）"),
];
