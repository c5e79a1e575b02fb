"""Runs the learner's program on Pyodide's WebLoop in real time (the browser clock), tracing its tasks.

The virtual clock (pytrace.py) runs CPython's own asyncio loop and is exact.
This is the other clock of the lessons, real time: Pyodide's WebLoop, which
hands every callback to the browser's timers (setTimeout), so asyncio.sleep
waits for real and a request (realnet.py) is a real one to the built-in
endpoint. asyncio.run blocks on the WebLoop only through JSPI (WebAssembly
stack switching, pyodide.ffi.run_sync): the worker calls run() with
callPromising where the browser has it, and says so where it has not.

It is a measurement, not CPython's schedule: the WebLoop runs callbacks due at
the same time in an undefined order (its call_later), and the browser's timers
are late by its own amounts. The tasks are traced as on the virtual clock (the
same task factory and Traced steps, pytrace.py), times in seconds from the start.
"""
import asyncio
import json
import linecache
import sys
import time

import pytrace
import realnet
import simnet
from pyodide.ffi import can_run_sync, run_sync
from pyodide.webloop import PyodideTask, _orig_sleep
from pyodide.webloop import _run as webloop_run

# As Pyodide set them up, before a virtual run (pytrace.install) replaced them:
# this module is imported when the worker starts, before any run.
PERF_COUNTER, MONOTONIC = time.perf_counter, time.monotonic
# Seconds a run's leftover tasks get to finish once cancelled (as asyncio.run cancels them).
UNWIND_S = 1.0

_run = None  # the run under way: {"tasks": [...], "stopped": bool}


class Clock(pytrace.Recorder):
    """The Recorder on real time: seconds since the run started, on the loop's clock."""

    def __init__(self, loop):
        super().__init__(loop)
        t0 = loop.time()
        self.now = lambda: loop.time() - t0


def available():
    """Whether a run can block on the WebLoop here (JSPI); call it as run() is called."""
    return bool(can_run_sync())


def stop():
    """Stop (or the time limit): cancels every task of the run (the worker calls it while the run waits)."""
    if _run is not None:
        _run["stopped"] = True
        for t in _run["tasks"]:
            t.cancel()


def _answered(reset=False):
    """The endpoint's count (realnet.answered), 0 without one: a program that makes no request needs none."""
    try:
        return run_sync(realnet.answered(reset))
    except realnet.EndpointMissing:
        return 0


def _unwind(tasks):
    """Cancels the tasks still running when the program returned, and lets them finish, as asyncio.run does."""
    left = [t for t in tasks if not t.done()]
    for t in left:
        t.cancel()
    if left:
        run_sync(asyncio.wait(left, timeout=UNWIND_S))


def run(source, lesson, filename="main.py"):
    """The worker's entry on the browser clock: {trace (JSON text), error, events}, as pytrace.run_py."""
    global _run
    from totrace import to_trace

    loop = asyncio.get_event_loop()  # Pyodide's WebLoop
    saved = (time.perf_counter, time.monotonic, time.sleep, asyncio.run)
    # Real time; time.sleep holds the loop, as CPython's does (Pyodide's own lets other tasks run).
    time.perf_counter, time.monotonic, time.sleep, asyncio.run = PERF_COUNTER, MONOTONIC, _orig_sleep, webloop_run
    simnet_fetch, simnet.fetch = simnet.fetch, realnet.fetch
    realnet.ON, realnet.made = True, 0
    _answered(reset=True)
    rec = Clock(loop)  # time 0: the program starts
    _run = {"tasks": [], "stopped": False}
    loop.set_task_factory(pytrace.task_factory(rec, PyodideTask, _run["tasks"]))
    loop._keyboard_interrupt_handler = stop  # SIGINT inside a task: stop the rest too
    sys.argv = [filename]
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    err = None
    try:
        exec(compile(source, filename, "exec"), {"__name__": "__main__", "__file__": filename})
        _unwind(_run["tasks"])
    except SystemExit as e:
        if e.code not in (None, 0):
            err = pytrace.error_info(e, filename)
    except BaseException as e:
        err = pytrace.error_info(e, filename)
        if _run["stopped"] and isinstance(e, asyncio.CancelledError):
            err = {"type": "KeyboardInterrupt", "message": "", "traceback": "KeyboardInterrupt\n", "line": None}
        _unwind(_run["tasks"])
    finally:
        loop.set_task_factory(None)
        loop._keyboard_interrupt_handler = None
        time.perf_counter, time.monotonic, time.sleep, asyncio.run = saved
        simnet.fetch = simnet_fetch
        realnet.ON = False
        _run = None
    stopped = bool(err) and err["type"] == "KeyboardInterrupt"
    # Requests counted twice: answers this run read (realnet.made) and the endpoint's own count.
    params = {"runner": f"CPython {sys.version.split()[0]} ({sys.platform}), Pyodide's WebLoop", "clock": "browser",
              "requests": str(realnet.made), "endpoint_answered": str(_answered())}
    trace = to_trace(rec, lesson, params, stopped, clock="browser")
    return {"trace": json.dumps(trace), "error": err, "events": len(rec.log)}
