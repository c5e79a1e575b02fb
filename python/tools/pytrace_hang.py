"""A program that waits forever, told at once on the virtual clock (pytrace.py's loop).

On real time, CPython's loop would block in select() for good when nothing is
ready and no timer is set: the program hangs. The virtual clock knows it the
moment it happens; the run ends with Hang, and the runner says which tasks wait
on what (the preset cards' "Run it as written" for the examples that deadlock).
"""
import asyncio

import diffprog


class Hang(Exception):
    """Nothing is ready and no timer is set: no task can ever wake again.

    CPython's loop would block in select() for good (the program hangs); on the
    virtual clock it is known at once, so the run ends here and says so."""


class HangSelector(diffprog.VirtualSelector):
    def select(self, timeout=None):
        if timeout is None:
            t = self._loop.time()
            raise Hang(f"at {t:.3f} s nothing is ready and no timer is set: no task can ever wake (CPython would wait forever)")
        return super().select(timeout)


def stuck(rec):
    """[(lane name, what it waits on)] of the tasks that never finished, by their last event."""
    last = {}
    for _, lane, what in rec.log:
        last[lane] = what
    return [(rec.lanes[lane], what.split(" ", 2)[2]) for lane, what in sorted(last.items()) if what.startswith("waits ")]


def unwind(loop):
    """Closes the coroutines of the tasks that wait forever, while their loop is open.

    Left to the garbage collector, each would unwind once the loop is closed and
    print "Exception ignored … Event loop is closed" into the next run's output."""
    for task in asyncio.all_tasks(loop):
        task._log_destroy_pending = False  # asyncio's own switch: no "Task was destroyed but it is pending!"
        task.get_coro().close()
