"""Example 004-74 as written: Fibonacci in a process pool, nested and without a __main__ guard.

fib is defined inside the function that starts the pool, so it cannot be
pickled for the workers: CPython 3.11 raises AttributeError: Can't pickle
local object. The script also starts its pool at import time (no
if __name__ == "__main__"), which fails again where workers are spawned
(Windows, macOS): they import the script and would start pools of their own.
"""
from concurrent.futures import ProcessPoolExecutor


def run():
    def fib(n):  # nested: no importable name
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    with ProcessPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(fib, [10, 11, 12, 13])))


run()  # no __main__ guard
