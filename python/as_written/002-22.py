"""Example 002-22 as written: a blocking query moved to a thread that asks for the event loop.

asyncio.to_thread runs the function in a worker thread, and an event loop runs
in one thread only: the one that called asyncio.run. In the worker,
get_running_loop() finds none and raises RuntimeError: no running event loop.
The fix: log something the thread has (threading.get_ident(), time.monotonic()).
"""
import asyncio
import time


def slow_query(sql):
    started = asyncio.get_running_loop().time()  # in the worker thread: no loop runs here
    print(f"{started:.2f} running {sql}")
    time.sleep(0.2)  # the blocking database call
    return [("alice",), ("bob",)]


async def main():
    rows = await asyncio.to_thread(slow_query, "SELECT name FROM users")
    print(rows)


asyncio.run(main())
