//! Texts of the thread-basics lesson (`threadbasics`), both languages, one
//! file. `TABLE` is compiled into the wasm: the title (the picker shows every
//! title). `LATER` is the rest, the shared keys (`choice.`, `num.`, …) too,
//! fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    (
        "threadbasics.title",
        "Thread basics: join, daemon, local, stop flag, get(timeout)",
        "线程基础：join、守护线程、local、停止标志、get(timeout)",
    ),
];

#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.join_timeout", "t.join(timeout)", "t.join(timeout)（超时等待）"),
    ("choice.daemon_exit", "daemon vs non-daemon at exit", "退出时：守护线程与非守护线程"),
    ("choice.thread_local", "threading.local", "threading.local（线程局部）"),
    ("choice.stop_event", "Event as a stop flag", "用 Event 作停止标志"),
    ("choice.get_timeout", "queue.get(timeout) → Empty", "queue.get(timeout) → Empty（超时）"),
    ("choice.local", "threading.local()", "threading.local()（每线程一份）"),
    ("choice.global", "one shared object (wrong)", "一个共享对象（错误）"),
    ("lane.daemon", "daemon", "守护线程"),
    ("num.exit_ms", "interpreter exit at", "解释器退出于"),
    ("num.join_returned_ms", "join(timeout) returned at", "join(timeout) 返回于"),
    ("num.alive_after_join", "is_alive() after join (1 = yes)", "join 之后 is_alive()（1 = 是）"),
    ("num.beats", "heartbeats printed", "打印的心跳数"),
    ("num.own_values", "threads that read their own value", "读到自己值的线程"),
    ("num.mixed_values", "threads that read another's value", "读到别人值的线程"),
    ("num.ticks", "work steps done", "完成的工作步数"),
    ("num.ticks_after_stop", "steps ending after stop.set()", "stop.set() 之后结束的步数"),
    ("num.stop_set_ms", "stop.set() at", "stop.set() 于"),
    ("num.stopped_ms", "worker ended at", "工作线程结束于"),
    ("num.stop_latency_ms", "set → worker ended", "set → 工作线程结束"),
    ("num.empty_ms", "queue.Empty raised at", "queue.Empty 抛出于"),
    ("num.get_waited_ms", "last get() waited", "最后一次 get() 等待"),
    ("num.got", "items got", "取到的条目"),
    ("num.start_handoff_ms", "t.start() → thread running (measured)", "t.start() → 线程开始运行（实测）"),
    ("event.start", "start {n}", "启动 {n}"),
    ("event.exit", "exit at {n} ms: non-daemon threads joined", "{n} 毫秒退出：已等待非守护线程"),
    ("event.join_timed_out", "join returned at {n} ms, thread alive", "join 于 {n} 毫秒返回，线程仍在运行"),
    ("event.join_done", "join returned at {n} ms, thread done", "join 于 {n} 毫秒返回，线程已结束"),
    ("event.beat", "heartbeat {n}", "心跳 {n}"),
    ("event.stored", "stored {n}", "存入 {n}"),
    ("event.read_own", "read {n}: its own", "读到 {n}：自己的"),
    ("event.read_other", "read {n}: another thread's!", "读到 {n}：别的线程的！"),
    ("event.working", "step {n} done", "第 {n} 步完成"),
    ("event.go_set", "go.set() at {n} ms", "{n} 毫秒 go.set()"),
    ("event.stop_set", "stop.set() at {n} ms", "{n} 毫秒 stop.set()"),
    ("event.put", "put {n}", "放入 {n}"),
    ("event.got", "got {n}", "取到 {n}"),
    ("event.empty", "queue.Empty at {n} ms", "{n} 毫秒 queue.Empty"),
    ("threadbasics.notice", "Five things CPython's threading does, one part at a time; each thread's work is a blocking request on one of this page's real I/O threads (Web Workers), and the joins, events and queue are awaited on the page, which never blocks. join(timeout): join returns after the timeout even though the thread is still working (is_alive() is True); a timeout stops the waiting, never the thread, and at exit the interpreter still waits for it. Daemon vs non-daemon: at exit CPython joins every non-daemon thread and then ends the process; a daemon thread is cut off where it is, so its next lines are never printed (here its worker is terminated mid-request). threading.local: every thread reads back the value it stored; with one shared object every thread reads the last value written. Event as a stop flag: a worker that checks stop.is_set() between steps ends at the first check after the set, within one step. queue.get(timeout): raises queue.Empty once nothing arrived for the timeout. What differs in the browser: Web Workers have no GIL, but a CPython thread blocked in I/O or sleeping does not hold the GIL either, so these timelines are the same; only the start of a thread costs more (a Web Worker).", "CPython 的 threading 的五个要点，每次演示一个；每个线程的工作是本页面一个真实 I/O 线程（Web Worker）上的阻塞请求，join、事件和队列都在页面上以 await 等待，页面从不阻塞。join(timeout)：超时后 join 返回，但线程仍在工作（is_alive() 为 True）；超时只结束等待，不会结束线程，退出时解释器仍会等它。守护与非守护：退出时 CPython 先 join 所有非守护线程再结束进程；守护线程在原地被切断，后面的输出永远不会打印（这里它的 Worker 在请求途中被终止）。threading.local：每个线程读回自己存的值；若用一个共享对象，所有线程读到的都是最后写入的值。用 Event 作停止标志：每步之间检查 stop.is_set() 的工作线程在 set 之后的第一次检查时结束，最多晚一步。queue.get(timeout)：在超时时间内没有新条目就抛出 queue.Empty。浏览器中的不同：Web Worker 没有 GIL，但 CPython 线程在 I/O 或 sleep 中也不持有 GIL，所以时间线相同；只是启动一个线程更贵（一个 Web Worker）。"),
    ("threadbasics.part", "part", "演示内容"),
    ("threadbasics.work", "thread's work, ms (stop flag: main's initialising)", "线程工作时长，毫秒（停止标志：主线程初始化时长）"),
    ("threadbasics.timeout", "timeout of join() / get(), ms", "join() / get() 的超时，毫秒"),
    ("threadbasics.tick", "step / heartbeat / item every, ms", "每步 / 每次心跳 / 每个条目间隔，毫秒"),
    ("threadbasics.main", "main's own work before exit / stop, ms", "主线程退出 / 停止前自己的工作，毫秒"),
    ("threadbasics.threads", "threads (threading.local)", "线程数（threading.local）"),
    ("threadbasics.items", "items put on the queue", "放入队列的条目数"),
    ("threadbasics.storage", "where each thread stores its id", "每个线程把自己的 id 存在哪里"),
];
