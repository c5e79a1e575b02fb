"""What an asyncio task waits on, and the log its steps make (pytrace.py's tracing).

A task factory (pytrace.task_factory) wraps each task's coroutine in `Traced`,
which the Task drives with send()/throw() exactly as it drives the coroutine
itself. Each step appends (time, lane, what) to the Recorder's list: no call
out of Python, and no string or dict made per event (each "waits …" text is
made once). What a task waits on is read from its suspended await chain
(cr_await): the innermost asyncio coroutine names it (Semaphore.acquire:
semaphore, sleep: sleep, …); a frame of simnet.py, the stand-in HTTP modules
or realnet.py makes it a request (I/O). Each code's file is classified once.
"""
import asyncio
import collections.abc
import os
from functools import partial
from types import CoroutineType, GeneratorType

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

# (state, resource) → its event's text.
_TEXT = {}
# A code's file → 1: asyncio's own, 2: a request's (IO_MODULES), 0: other; worked out once a file.
_WHERE = {}


def _where(filename):
    if os.path.dirname(filename) == ASYNCIO_DIR:
        return 1
    return 2 if filename.endswith(IO_MODULES) else 0


class Recorder:
    """The run's log, (time, lane, what) a line; `now` reads the clock (a virtual loop's
    time read without a Python call: the tracing's cost is mostly per event)."""

    def __init__(self, loop):
        self.loop, self.log, self.lanes = loop, [], []
        self.now = partial(getattr, loop, "_vtime") if hasattr(loop, "_vtime") else loop.time

    def add(self, lane, what):
        self.log.append((self.now(), lane, what))

    def waits_text(self, coro, fut):
        """The event of a task suspended in `coro` on `fut`: "waits STATE RESOURCE", made once each."""
        key = self.waits_on(coro, fut)
        text = _TEXT.get(key)
        if text is None:
            text = _TEXT[key] = "waits %s %s" % key
        return text

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

    __slots__ = ("_c", "lane", "_rec", "_log", "_now")

    def __init__(self, coro, lane, rec):
        self._c, self.lane, self._rec = coro, lane, rec
        self._log, self._now = rec.log.append, rec.now

    def _step(self, method, *args):
        log, now, lane = self._log, self._now, self.lane
        log((now(), lane, "resumed"))
        try:
            fut = method(*args)
        except StopIteration:
            log((now(), lane, "done"))
            raise
        except asyncio.CancelledError:
            log((now(), lane, "cancelled"))
            raise
        except BaseException as e:
            log((now(), lane, "failed " + type(e).__name__))
            raise
        log((now(), lane, self._rec.waits_text(self._c, fut)))
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
