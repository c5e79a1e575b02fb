"""Example 000-49 as written, in asyncio: a priority queue of plain dataclass jobs.

A priority queue is a heap: putting an item compares it with the ones already
queued. The Job dataclass is not orderable (no order=True, no tuple around it),
so the first put that finds another job waiting raises TypeError and the
producer dies. The fix: queue (priority, sequence, job) tuples.
"""
import asyncio
from dataclasses import dataclass


@dataclass
class Job:
    priority: int
    name: str

START = 0.0  # the loop's time when main() starts


def clock():
    """Seconds since main() started."""
    return asyncio.get_running_loop().time() - START


async def producer(queue, n, consumers):
    for i in range(n):
        await queue.put(Job(priority=i % 3, name=f"job-{i}"))  # compares with the queued jobs
        print(f"t={clock():.1f}s queued job-{i}", flush=True)
        await asyncio.sleep(0.1)
    for _ in range(consumers):
        await queue.put(None)


async def consumer(queue, done):
    while (job := await queue.get()) is not None:
        await asyncio.sleep(0.5)
        done.append(job.name)


async def main():
    global START
    START = asyncio.get_running_loop().time()
    queue, done = asyncio.PriorityQueue(maxsize=100), []
    await asyncio.gather(producer(queue, 20, 3), *(consumer(queue, done) for _ in range(3)))
    print(f"{len(done)} of 20 done")


asyncio.run(main())
