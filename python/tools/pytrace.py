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

The tracing: a task factory wraps each task's coroutine in `Traced`, which the
Task drives with send()/throw() exactly as it drives the coroutine itself. Each
step records (time, lane, what) into a list; nothing calls out per event. What a
task waits on is read from its suspended await chain (cr_await): the innermost
asyncio coroutine names it (Semaphore.acquire: semaphore, sleep: sleep, …); a
frame of simnet.py or of the stand-in HTTP modules makes it a request (I/O).
sys.monitoring would be cheaper still but CPython 3.11, the reference, lacks it.
"""
import ast
import asyncio
import collections.abc
import json
import linecache
import os
import sys
import time
import traceback
from types import CoroutineType, GeneratorType

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.dirname(here))
import diffprog  # noqa: E402
from pytrace_hang import Hang, HangSelector, stuck, unwind  # noqa: E402

ASYNCIO_DIR = os.path.dirname(asyncio.__file__)
# Modules whose frames mean "a request is in flight" (the simulated network).
IO_MODULES = ("simnet.py", "aiohttp.py", "requests.py", "realnet.py")
# Innermost asyncio coroutine → (state, resource); anything else: waiting on its name.
WAITS = {
    "sleep": ("sleeping", "sleep"),
    "__sleep0": ("sleeping", "sleep"),
    "Semaphore.acquire": ("waiting", "semaphore"),
    "Lock.acquire": ("waiting", "lock"),
    "Event.wait": ("waiting", "event"),
    "Condition.wait": ("waiting", "condition"),
    "Queue.get": ("waiting", "queue"),
    "Queue.put": ("waiting", "queue"),
    "Queue.join": ("waiting", "queue"),
    "Barrier.wait": ("waiting", "barrier"),
    "Barrier._block": ("waiting", "barrier"),
    "Barrier._wait": ("waiting", "barrier"),
    "TaskGroup.__aexit__": ("waiting", "task group"),  # 3.11
    "TaskGroup._aexit": ("waiting", "task group"),  # 3.14 (__aexit__ calls it)
}
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


# A code's file → 1: asyncio's own, 2: a request's (IO_MODULES), 0: other; worked out once a file.
_WHERE = {}


def _where(filename):
    if os.path.dirname(filename) == ASYNCIO_DIR:
        return 1
    return 2 if filename.endswith(IO_MODULES) else 0


class Recorder:
    def __init__(self, loop):
        self.loop, self.log, self.lanes = loop, [], []

    def add(self, lane, what):
        self.log.append((self.loop.time(), lane, what))

    def waits_on(self, coro, fut):
        """(state, resource) of a task suspended in `coro` on the future `fut`."""
        inner, io, a = None, False, coro.cr_await
        while a is not None:
            t = type(a)
            if t is CoroutineType:
                code, nxt = a.cr_code, a.cr_await
            elif t is GeneratorType:
                code, nxt = a.gi_code, a.gi_yieldfrom
            elif isinstance(a, asyncio.Future):
                break
            else:  # another awaitable: as it says
                code = getattr(a, "cr_code", None) or getattr(a, "gi_code", None)
                if code is None:
                    break
                nxt = getattr(a, "cr_await", None) or getattr(a, "gi_yieldfrom", None)
            f = code.co_filename
            where = _WHERE.get(f)
            if where is None:
                where = _WHERE[f] = _where(f)
            if where == 1:
                inner = code.co_qualname
            elif where == 2:
                io = True
            a = nxt
        if io and inner in (None, "sleep", "__sleep0"):
            return ("io", "request")
        if io and inner == "Semaphore.acquire":
            return ("waiting", "connection limit")
        if inner is not None:
            return WAITS.get(inner, ("waiting", inner))
        if isinstance(fut, asyncio.Task):
            lane = getattr(fut.get_coro(), "lane", None)
            return ("waiting", f"task T{lane}" if lane is not None else "task")
        if fut is None:
            return ("sleeping", "sleep")
        return ("waiting", "gather" if type(fut).__name__ == "_GatheringFuture" else "future")


class Traced(collections.abc.Coroutine):
    """A task's coroutine, recording each step the Task makes it take."""

    __slots__ = ("_c", "lane", "_rec")

    def __init__(self, coro, lane, rec):
        self._c, self.lane, self._rec = coro, lane, rec

    def _step(self, method, *args):
        rec, lane = self._rec, self.lane
        rec.add(lane, "resumed")
        try:
            fut = method(*args)
        except StopIteration:
            rec.add(lane, "done")
            raise
        except asyncio.CancelledError:
            rec.add(lane, "cancelled")
            raise
        except BaseException as e:
            rec.add(lane, "failed " + type(e).__name__)
            raise
        state, res = rec.waits_on(self._c, fut)
        rec.add(lane, f"waits {state} {res}")
        return fut

    def send(self, value):
        return self._step(self._c.send, value)

    def throw(self, *args):
        return self._step(self._c.throw, *args)

    def close(self):
        return self._c.close()

    def __await__(self):
        return self._c.__await__()

    def __getattr__(self, name):  # cr_frame, cr_code, __qualname__ … (repr, debugging)
        return getattr(self._c, name)


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
    mine = (os.path.abspath(__file__), os.path.join(here, "diffprog.py"), os.path.join(here, "pytrace_hang.py"))
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if f.filename not in mine and os.path.dirname(f.filename) != ASYNCIO_DIR])
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
