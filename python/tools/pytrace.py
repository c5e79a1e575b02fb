"""Traces an asyncio program's tasks on CPython's own event loop, on a virtual clock.

Usage:  python3 pytrace.py <listing.py> [its arguments…]          the event log, one line an event
        python3 pytrace.py --trace <listing.py> [its arguments…]  the playground trace (JSON)

The same file runs the learner's program in the browser (Pyodide's CPython 3.14
in a Web Worker, static/py/py-worker.js) and in CI, where the event log of every
async listing under Pyodide must equal CPython 3.11's (tests/pyodide/compare.mjs).

The clock: the program runs on asyncio's stock SelectorEventLoop whose selector
adds the timeout to a virtual clock instead of waiting (diffprog.VirtualLoop, as
virtual_run.py), so every scheduling decision is CPython's and a run takes no
real time; time.perf_counter() and time.monotonic() read that clock.

The tracing: a task factory wraps each task's coroutine in `Traced`, which records
each step the Task makes it take, and what it then waits on (pytrace_wait.py).
sys.monitoring would be cheaper still but CPython 3.11, the reference, lacks it.
The browser clock (Pyodide's WebLoop, real time) is pyreal.py, with the same tracing.
"""
import ast
import asyncio
import json
import linecache
import os
import sys
import time
import traceback

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.dirname(here))
import diffprog  # noqa: E402
from pytrace_hang import Hang, HangSelector, stuck, unwind  # noqa: E402
from pytrace_wait import ASYNCIO_DIR, WAITS, Recorder, Traced  # noqa: E402,F401 (WAITS: pytrace's public names)

# This harness's other files: their frames are not the learner's (error_info).
HARNESS = ("diffprog.py", "pytrace_hang.py", "pytrace_wait.py", "pyreal.py")
# Virtual time past which a run is stopped (a loop that never ends, on virtual time).
HORIZON_S = 24 * 3600.0
# What the browser's CPython cannot start: (module or call, why).
NO_THREADS = {"threading": "threads", "concurrent.futures": "threads or processes",
              "multiprocessing": "processes", "to_thread": "threads", "run_in_executor": "threads"}


def scope(source):
    """[(line, what)] of the program's uses of threads or processes (empty: it can run)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Attribute) and node.attr in ("to_thread", "run_in_executor"):
            names = [node.attr]
        for n in names:
            for key in NO_THREADS:
                if n == key or n.startswith(key + "."):
                    found.append((node.lineno, key))
    return sorted(set(found))


def short(v):
    if isinstance(v, (bool, int, float)):
        return repr(v)
    if isinstance(v, str):
        return repr(v[:16])
    return type(v).__name__


def lane_name(coro, lane):
    try:
        code = coro.cr_code
        args = [coro.cr_frame.f_locals.get(a) for a in code.co_varnames[:code.co_argcount] if a != "self"]
        return f"task {code.co_name}({', '.join(short(v) for v in args[:3])})"
    except Exception:
        return f"task {lane}"


class Loop(diffprog.VirtualLoop):
    """diffprog's virtual-clock loop (in seconds here), stopped past HORIZON_S.

    Without the self-pipe (a socketpair, which Emscripten cannot make): it only
    wakes a loop blocked in select() from another thread, and this one never
    blocks; on both CPythons alike, so scheduling is unchanged."""

    def __init__(self):
        super().__init__()
        self._selector = HangSelector(self._selector._real, self)

    def _make_self_pipe(self):
        self._ssock = self._csock = None

    def _close_self_pipe(self):
        pass

    def _run_once(self):
        if self._vtime > HORIZON_S:
            raise RuntimeError(f"virtual time passed {HORIZON_S:.0f} s: stopped (a loop that never ends?)")
        super()._run_once()


def task_factory(rec, task=asyncio.Task, made=None):
    """The loop's task factory: each task a lane of `rec`, its coroutine Traced (and put in `made`)."""

    def factory(loop, coro, **kw):
        lane = len(rec.lanes)
        parent = asyncio.current_task(loop)
        rec.lanes.append(lane_name(coro, lane))
        by = f"T{parent.get_coro().lane}" if parent and isinstance(parent.get_coro(), Traced) else "main"
        rec.add(lane, f"created by {by} as {rec.lanes[-1]}")
        t = task(Traced(coro, lane, rec), loop=loop, **kw)
        if made is not None:
            made.append(t)
        return t

    return factory


def install(loop, traced=True):
    """Virtual clock and (unless not `traced`) task tracing for what runs next: the Recorder."""
    rec = Recorder(loop)
    if traced:
        loop.set_task_factory(task_factory(rec))
    time.perf_counter = time.monotonic = loop.time
    asyncio.set_event_loop(loop)
    asyncio.run = lambda coro, **_: loop.run_until_complete(coro)
    return rec


def log_lines(rec):
    return [f"{t * 1000:.3f} T{lane} {what}" for t, lane, what in rec.log]


def error_info(e, filename):
    """The exception as the learner should see it: type, message, traceback, line in their file.

    The traceback leaves out this harness's frames and asyncio's own (how the
    loop called the program), as `python3 main.py` would show fewer of them."""
    line = getattr(e, "lineno", None) if isinstance(e, SyntaxError) and e.filename == filename else None
    for fs in traceback.extract_tb(e.__traceback__):
        if fs.filename == filename:
            line = fs.lineno
    te = traceback.TracebackException(type(e), e, e.__traceback__)
    mine = (os.path.abspath(__file__), *(os.path.join(here, f) for f in HARNESS))
    # Pyodide's own (its WebLoop's asyncio.run, on the browser clock): how the program was run.
    theirs = {ASYNCIO_DIR, os.path.dirname(sys.modules["pyodide"].__file__) if "pyodide" in sys.modules else None}
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if f.filename not in mine and os.path.dirname(f.filename) not in theirs])
    return {"type": type(e).__name__, "message": str(e), "traceback": "".join(te.format()), "line": line}


def run_source(source, filename="main.py", argv=(), traced=True):
    """Runs the program as __main__ on a fresh virtual loop: (recorder, error or None)."""
    loop = Loop()
    rec = install(loop, traced)
    sys.argv = [filename, *argv]
    # Its lines for tracebacks (the program is a string, not a file).
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    err = None
    # Pyodide marks its own WebLoop as running; this run's loop must be the only one.
    outer = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        code = compile(source, filename, "exec")
        exec(code, {"__name__": "__main__", "__file__": filename})
    except SystemExit as e:
        if e.code not in (None, 0):
            err = error_info(e, filename)
    except BaseException as e:  # KeyboardInterrupt too: Stop pressed, or the time limit
        err = error_info(e, filename)
        if isinstance(e, Hang):
            err["hang"] = {"at_ms": loop.time() * 1000, "waiting": stuck(rec)}
            unwind(loop)
    finally:
        asyncio.set_event_loop(None)
        asyncio.events._set_running_loop(outer)
    return rec, err


def run_py(source, lesson):
    """The browser worker's entry: runs `source`, returns {trace (JSON text), error, events}."""
    from totrace import to_trace

    rec, err = run_source(source, "main.py")
    stopped = bool(err) and err["type"] == "KeyboardInterrupt"
    params = {"runner": f"CPython {sys.version.split()[0]} ({sys.platform})", "clock": "virtual"}
    return {"trace": json.dumps(to_trace(rec, lesson, params, stopped)), "error": err, "events": len(rec.log)}


def main():
    args = sys.argv[1:]
    as_trace = bool(args) and args[0] == "--trace"
    if as_trace:
        args = args[1:]
    path, argv = args[0], args[1:]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    with open(path) as f:
        source = f.read()
    out = sys.stdout
    sys.stdout = open(os.devnull, "w")  # the listing's own output is not the log
    rec, err = run_source(source, os.path.basename(path), argv)
    sys.stdout = out
    if as_trace:
        from totrace import to_trace

        print(json.dumps(to_trace(rec, os.path.basename(path)[:-3], {"runner": "CPython " + sys.version.split()[0]})))
    else:
        print("\n".join(log_lines(rec)))
        if err:
            print(f"ERROR {err['type']}: {err['message']}")
            for name, what in err.get("hang", {}).get("waiting", []):
                print(f"WAITING {name}: {what}")


if __name__ == "__main__":
    main()
