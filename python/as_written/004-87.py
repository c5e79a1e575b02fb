"""Example 004-87 as written: worker processes whose target is a nested function.

On Linux up to Python 3.13 processes are forked, and this works: the child is
a copy of the parent and needs nothing pickled. Where they are spawned
(Windows, macOS; and forkserver, Linux's default from 3.14) the Process
object, target included, is pickled at start(): CPython 3.11 raises
AttributeError: Can't pickle local object. This program asks for spawn, as
those platforms do. The fix: a module-level target and a __main__ guard.
"""
import multiprocessing


def main():
    ctx = multiprocessing.get_context("spawn")  # the default on Windows and macOS
    tasks, results = ctx.Queue(), ctx.Queue()

    def worker(tasks, results):  # nested: no importable name
        while (x := tasks.get()) is not None:
            results.put(x * x)

    for x in range(1, 11):
        tasks.put(x)
    procs = [ctx.Process(target=worker, args=(tasks, results)) for _ in range(3)]
    for p in procs:
        p.start()
    for _ in procs:
        tasks.put(None)
    print(sum(results.get() for _ in range(10)))
    for p in procs:
        p.join()


if __name__ == "__main__":
    main()
