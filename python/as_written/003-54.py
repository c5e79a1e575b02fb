"""Example 003-54 as written, in asyncio: the producers are awaited before the consumers exist.

Queue(maxsize=5) takes 5 items, then put() waits for a consumer to make room.
The consumers' coroutines are created but only awaited after the producers
finish, so nothing ever takes an item: the producers wait forever (produced 5,
consumed 0). The fix: run producers and consumers together (one gather, or
tasks), and stop the consumers with a sentinel or queue.join().
"""
import asyncio

counts = {"produced": 0, "consumed": 0}

START = 0.0  # the loop's time when main() starts


def clock():
    """Seconds since main() started."""
    return asyncio.get_running_loop().time() - START


async def producer(queue, p, n):
    for i in range(n):
        await asyncio.sleep(0.05 + 0.05 * (i % 3))
        await queue.put((p, i))
        counts["produced"] += 1
        print(f"t={clock():.2f}s produced {counts['produced']}", flush=True)


async def consumer(queue, n):
    for _ in range(n):
        await queue.get()
        await asyncio.sleep(0.15)
        counts["consumed"] += 1
        print(f"consumed {counts['consumed']}", flush=True)


async def main():
    global START
    START = asyncio.get_running_loop().time()
    queue = asyncio.Queue(maxsize=5)
    producers = [producer(queue, p, 5) for p in range(2)]
    consumers = [consumer(queue, 5) for _ in range(2)]
    await asyncio.gather(*producers)  # the consumers have not started: this never ends
    await asyncio.gather(*consumers)
    print(counts)


asyncio.run(main())
