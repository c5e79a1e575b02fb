"""Example 003-55 as written, in asyncio: a three-stage pipeline whose stages are awaited in turn.

The producer puts 20 items into an input queue of 10 and is awaited before
the processors start: it fills the queue and waits forever (produced 10,
processed 0). Two more hangs wait behind it: the processors never learn that
the input has ended, and the collector waits for 20 results though about one
item in ten goes to the error queue instead. The fix: start every stage at
once and end each with a sentinel; expect stored + errors = produced.
"""
import asyncio
import random

counts = {"produced": 0, "processed": 0, "errors": 0, "stored": 0}


async def produce(inbox, n):
    for i in range(n):
        await asyncio.sleep(random.uniform(0.01, 0.05))
        await inbox.put(i)
        counts["produced"] += 1
        print(f"produced {counts['produced']}", flush=True)


async def process(inbox, outbox, errors):
    while True:  # no sentinel: never ends
        item = await inbox.get()
        await asyncio.sleep(random.uniform(0.02, 0.08))
        if random.random() < 0.1:
            await errors.put(item)
            counts["errors"] += 1
        else:
            await outbox.put(item * 2)
            counts["processed"] += 1


async def collect(outbox, n):
    for _ in range(n):  # all n, though some went to the error queue
        await outbox.get()
        counts["stored"] += 1


async def main():
    random.seed(1)
    inbox, outbox, errors = asyncio.Queue(10), asyncio.Queue(10), asyncio.Queue()
    await produce(inbox, 20)  # waits forever once the inbox holds 10
    await asyncio.gather(*(process(inbox, outbox, errors) for _ in range(3)), collect(outbox, 20))
    print(counts)


asyncio.run(main())
