"""Runs an async listing on real time and measures how late CPython's loop ran.

Usage:  python3 real_run.py <listing> [its arguments…] --json   (e.g. crawler --seed 7 --json)

The listing runs unchanged on asyncio's own SelectorEventLoop, on real time.
Its JSON report gets one more key, "loop_slack_ms": the part of the run in
which the loop was neither waiting for a timer that was not yet due nor for
I/O, i.e. the time it spent late (a select() that returned after its timeout,
epoll's rounding up to whole milliseconds, time.sleep() overshooting) or
running Python code (which the virtual clock counts as no time at all), plus,
for worker threads, how late each time.sleep() woke up (the GIL taken back
included), how late each job of a thread pool started, and how long each
thread waited for a CPU (Linux schedstat: a busy machine). A listing with
no event loop (plain threads) has no loop to measure: its slack is its
threads' lateness plus the CPU time they all spent running code from the
first Thread.start on (the code a loop's slack would have counted).

On the virtual clock (python/tools/virtual_run.py) the same listing is exactly
on time; on real time every delay comes out of this slack, so a finish time
can be later than the virtual clock's by at most the slack, and never earlier
(by more than the clock's resolution): the one-sided bound that
crates/fidelity/src/lib.rs applies to real-time runs, measured in the run itself instead
of a fixed percentage.

A listing whose work runs in other processes adds what it measured there
beyond their sleeps as "process_slack_ms" (start-up, each message's copy in
and out, a sleep overshooting): the engine models those costs by CPython's
least measured ones, so a run is late by at most what it really paid.

Work the engine counts itself is not slack: a listing names, in
ENGINE_TIMED, its functions whose first argument is a duration in ms that the
lesson's engine models as that many ms on the calling thread (blocking.py's
`spin(ms)`, the engine's `Runtime::block`). On the loop's thread such a call
counts as waiting for its ms, as a time.sleep() there does; only its overrun
is slack. Without this, a loop that never blocked (an engine whose job did not
block) would fit in a slack that holds the very job it left out.
"""
import asyncio
import concurrent.futures
import contextlib
import importlib
import io
import json
import os
import queue
import sys
import threading
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))

clock = time.perf_counter
real_sleep = time.sleep
lock = threading.Lock()
stats = {"run_s": 0.0, "waited_s": 0.0, "thread_late_s": 0.0, "queued_s": 0.0, "main_late_s": 0.0}
# Process CPU time (every thread's) when the listing started its first thread:
# with no event loop, the code its threads run is slack (see main()).
first_start_cpu = []


def queued():
    """Seconds this thread has spent runnable but waiting for a CPU (Linux
    schedstat: the machine was busy)."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


real_thread_run = threading.Thread.run


def thread_run(self):
    """Thread.run: adds the time the thread waited for a CPU."""
    q0 = queued()
    try:
        real_thread_run(self)
    finally:
        add("queued_s", queued() - q0)
        self._real_run_ended = clock()


def add(key, s):
    with lock:
        stats[key] += s


class MeasuredSelector:
    """The real selector; records how long select() waited within its timeout."""

    def __init__(self, real):
        self._real = real

    def select(self, timeout=None):
        t0 = clock()
        events = self._real.select(timeout)
        dt = clock() - t0
        # Waiting for I/O (a thread's result, a pipe) is waiting; past a
        # timeout with nothing ready, the loop is late.
        add("waited_s", dt if (events or timeout is None) else min(dt, max(timeout, 0.0)))
        return events

    def __getattr__(self, name):
        return getattr(self._real, name)


class MeasuredLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = MeasuredSelector(self._selector)


def sleep(seconds):
    """time.sleep: on the loop's thread the requested time is waiting (a
    listing that blocks its loop on purpose); in a worker, only lateness counts
    (on the main thread too, when the listing has no event loop: main_late_s)."""
    t0 = clock()
    real_sleep(seconds)
    late = max(0.0, clock() - t0 - seconds)
    if threading.current_thread() is threading.main_thread():
        add("waited_s", max(seconds, 0.0))
        add("main_late_s", late)
    else:
        add("thread_late_s", late)


def late(key, s):
    """Lateness of a plain thread (no event loop) on whichever thread it was."""
    add("main_late_s" if threading.current_thread() is threading.main_thread() else "thread_late_s", max(0.0, s))


def timed_out_late(wait, timed_out):
    """A blocking wait with a timeout (Thread.join, Event.wait, Queue.get):
    when it gives up, how long after its timeout it returned."""

    def measured(self, *args, **kwargs):
        timeout = kwargs.get("timeout", args[-1] if args else None)
        t0 = clock()
        try:
            out = wait(self, *args, **kwargs)
        except Exception:
            if timeout is not None:
                late(None, clock() - t0 - timeout)
            raise
        if timeout is not None and timed_out(self, out):
            late(None, clock() - t0 - timeout)
        return out

    return measured


def woken_late(wait, since):
    """A blocking wait that ended because what it waited for happened (a
    thread ended, an event was set): how long after that it returned, a
    thread's wake-up (the GIL handed over, the OS scheduling it) that the
    engine, which wakes a waiter at once, does not have."""

    def measured(self, *args, **kwargs):
        t0 = clock()
        out = wait(self, *args, **kwargs)
        happened = since(self, out)
        if happened is not None:
            late(None, clock() - max(t0, happened))
        return out

    return measured


def thread_ended(t, _):
    ended = None if t.is_alive() else getattr(t, "_real_run_ended", None)
    t._real_run_ended = None  # counted once, by the first join that sees it
    return ended


real_event_set = threading.Event.set


def event_set(self):
    self._real_run_set = clock()
    real_event_set(self)


real_queue_put = queue.Queue.put


def queue_put(self, *args, **kwargs):
    real_queue_put(self, *args, **kwargs)
    self._real_run_put = clock()


real_thread_start = threading.Thread.start


def thread_start(self):
    """Thread.start waits until the new thread runs: on a virtual clock that is
    no time, on a busy machine it is lateness."""
    if not first_start_cpu:
        first_start_cpu.append(time.process_time())
    t0 = clock()
    real_thread_start(self)
    late(None, clock() - t0)


def engine_timed(fn):
    """A listing's function the engine times itself (see ENGINE_TIMED): on the
    loop's thread its requested ms are waiting, only the overrun is slack."""

    def timed(ms, *args, **kwargs):
        try:
            return fn(ms, *args, **kwargs)
        finally:
            if threading.current_thread() is threading.main_thread():
                add("waited_s", max(ms, 0.0) / 1000)

    return timed


real_submit = concurrent.futures.ThreadPoolExecutor.submit
free_since = threading.local()


def submit(self, fn, /, *args, **kwargs):
    """ThreadPoolExecutor.submit: how late a worker started the job after it
    could have (after the submit, or after that worker's previous job: waiting
    in the queue for a busy pool is part of the schedule, not lateness)."""
    submitted = clock()

    def job(*a, **k):
        add("thread_late_s", max(0.0, clock() - max(submitted, getattr(free_since, "t", 0.0))))
        try:
            return fn(*a, **k)
        finally:
            free_since.t = clock()

    return real_submit(self, job, *args, **kwargs)


def run(main, *, debug=None):
    # From before the loop is made to after it is closed: a listing may start
    # its clock first and read it after asyncio.run returns, and closing
    # (async generators, the default executor's threads) takes time too.
    t0 = clock()
    try:
        with asyncio.Runner(debug=debug, loop_factory=MeasuredLoop) as runner:
            return runner.run(main)
    finally:
        add("run_s", clock() - t0)


def main():
    name, sys.argv = sys.argv[1], [sys.argv[1] + ".py"] + sys.argv[2:]
    listing = importlib.import_module(name)
    asyncio.run = run
    time.sleep = sleep
    concurrent.futures.ThreadPoolExecutor.submit = submit
    threading.Thread.run = thread_run
    threading.Thread.start = thread_start
    threading.Thread.join = woken_late(timed_out_late(threading.Thread.join, lambda t, _: t.is_alive()), thread_ended)
    threading.Event.set = event_set
    threading.Event.wait = woken_late(
        timed_out_late(threading.Event.wait, lambda _, got: not got), lambda e, got: getattr(e, "_real_run_set", None) if got else None
    )
    queue.Queue.put = queue_put
    queue.Queue.get = woken_late(timed_out_late(queue.Queue.get, lambda _q, _: False), lambda q, _: getattr(q, "_real_run_put", None))
    for fn in getattr(listing, "ENGINE_TIMED", ()):
        setattr(listing, fn, engine_timed(getattr(listing, fn)))
    out = io.StringIO()
    q0 = queued()
    with contextlib.redirect_stdout(out):
        listing.main()
    main_queued = queued() - q0
    threads_cpu = time.process_time() - first_start_cpu[0] if first_start_cpu else 0.0
    report = json.loads(out.getvalue())
    # The loop's own slack already holds the main thread's waits for a CPU;
    # a listing with no event loop (threads only) adds them here.
    slack = stats["run_s"] - stats["waited_s"] + stats["thread_late_s"] + stats["queued_s"]
    if stats["run_s"] == 0.0:
        # No loop: the main thread is one more thread, whose sleeps are
        # waiting (not to be taken off) and whose lateness is slack. So is
        # the code every thread runs (the virtual clock counts it as no time,
        # as the loop's slack counts a loop's): the process's CPU time from
        # the first Thread.start on, all threads together (an upper bound on
        # what of it lay on the run's critical path).
        slack = stats["thread_late_s"] + stats["queued_s"] + main_queued + stats["main_late_s"] + threads_cpu
    # A listing with processes measures what they spent beyond their sleeps
    # (start-up, every message's copy, a sleep overshooting): another
    # process's lateness, which this process cannot see (python/mpqueue.py).
    slack += report.pop("process_slack_ms", 0.0) / 1000
    report["loop_slack_ms"] = max(slack, 0.0) * 1000
    print(json.dumps(report))


if __name__ == "__main__":
    main()
