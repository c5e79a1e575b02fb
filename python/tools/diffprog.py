"""Runs the differential test's random programs on CPython asyncio, on virtual time.

Reads programs as JSON, one per line, on stdin (see tests/differential/diffprog/mod.rs
for the format) and prints each program's event log followed by a line "END".
The event loop is CPython's own (SelectorEventLoop: its ready queue, timers and
_run_once unchanged); only its clock is virtual: time() returns a number of
milliseconds, and select(timeout) adds the timeout to it and reports no I/O.
So a run is deterministic and takes no real time, and every scheduling
decision is asyncio's. Times are in milliseconds (the loop's unit here).

Run:  echo '{"sems":[1],"locks":1,"events":1,"conds":1,"queues":[1],"tasks":[[{"op":"sleep","ms":1.5}]]}' | python3 diffprog.py
"""
import asyncio
import heapq
import itertools
import json
import sys

HORIZON_MS = 50_000.0  # as the engine's HORIZON_MS: what is blocked then hangs


class VirtualSelector:
    """The real selector, except that waiting takes no time: it advances the clock."""

    def __init__(self, real, loop):
        self._real, self._loop = real, loop

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("nothing scheduled: the loop would wait forever")
        self._loop._vtime += timeout
        return []

    def __getattr__(self, name):
        return getattr(self._real, name)


class SeqTimer(asyncio.TimerHandle):
    """A timer handle that breaks a tie in `when` by creation order.

    On real time two timers never tie: time() moves between two call_later
    calls, so the one created first is due first. On a virtual clock they can
    tie exactly, and heapq (not a stable sort) would then pick either; the
    engine fires ties in creation order, as real time would."""

    __slots__ = ("_seq",)

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._vtime = 0.0
        self._selector = VirtualSelector(self._selector, self)
        self._seq = itertools.count()

    def time(self):
        return self._vtime

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at with SeqTimer in place of TimerHandle.
        self._check_closed()
        timer = SeqTimer(when, callback, args, self, context)
        timer._seq = next(self._seq)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


def run(prog):
    log, at = [], [0] * len(prog["tasks"])
    loop = VirtualLoop()

    def say(k, what):
        log.append(f"{loop.time():.3f} T{k} {what}")

    async def task(k, steps, r):
        sems, locks, events, conds, queues, barriers = r
        for idx, s in enumerate(steps):
            at[k] = idx
            op, i = s["op"], s.get("i")
            if op == "sleep":
                await asyncio.sleep(s["ms"])
                what = "slept"
            elif op == "sem_acquire":
                await sems[i].acquire()
                what = f"acquired sem{i}"
            elif op == "sem_release":
                sems[i].release()
                what = f"released sem{i}"
            elif op == "lock_acquire":
                await locks[i].acquire()
                what = f"acquired lock{i}"
            elif op == "lock_release":
                locks[i].release()
                what = f"released lock{i}"
            elif op == "set":
                events[i].set()
                what = f"set ev{i}"
            elif op == "clear":
                events[i].clear()
                what = f"cleared ev{i}"
            elif op == "wait":
                await events[i].wait()
                what = f"waited ev{i}"
            elif op == "cond_wait":
                async with conds[i]:
                    await conds[i].wait()
                what = f"woken cond{i}"
            elif op == "notify":
                async with conds[i]:
                    if s["n"] == 0:
                        conds[i].notify_all()
                    else:
                        conds[i].notify(s["n"])
                what = f"notified cond{i} n={s['n']}"
            elif op == "put":
                await queues[i].put(s["item"])
                what = f"put q{i} {s['item']}"
            elif op == "get":
                what = f"got q{i} {await queues[i].get()}"
            elif op == "barrier_wait":
                last = await barriers[i].wait() == barriers[i].parties - 1
                what = f"passed bar{i}" + (" last" if last else "")
            else:
                raise ValueError(f"unknown step {s}")
            say(k, what)
        at[k] = None
        say(k, "done")

    async def main():
        r = ([asyncio.Semaphore(v) for v in prog["sems"]], [asyncio.Lock() for _ in range(prog["locks"])],
             [asyncio.Event() for _ in range(prog["events"])], [asyncio.Condition() for _ in range(prog["conds"])],
             [asyncio.Queue(m) for m in prog["queues"]], [asyncio.Barrier(n) for n in prog.get("barriers", [])])
        tasks = [asyncio.create_task(task(k, steps, r)) for k, steps in enumerate(prog["tasks"])]
        if tasks:
            await asyncio.wait(tasks, timeout=HORIZON_MS)
        log.extend(f"hang T{k} step {a}" for k, a in enumerate(at) if a is not None)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
    return log


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"diffprog.py compares with CPython 3.11's asyncio, this is {sys.version.split()[0]}")
    out = sys.stdout
    for line in sys.stdin:
        if line.strip():
            for entry in run(json.loads(line)):
                out.write(entry + "\n")
            out.write("END\n")
    out.flush()


if __name__ == "__main__":
    main()
