"""Example 003-92 as written, in asyncio: a semaphore-capped pool that keeps one "current" connection.

The semaphore caps the clients at 2, and that part holds. But the connection a
client took is kept on the shared pool (self.current), so every acquire
overwrites the previous client's: clients release the wrong connection, and
the last one finds its connection no longer in the list: ValueError. The fix:
return the connection to the client and have it hand that one back.
"""
import asyncio


class ConnectionPool:
    def __init__(self, size):
        self.slots = asyncio.Semaphore(size)
        self.free = [f"conn-{i}" for i in range(size)]
        self.in_use = []

    async def acquire(self):
        await self.slots.acquire()
        self.current = self.free.pop()  # shared by every client
        self.in_use.append(self.current)

    def release(self):
        self.in_use.remove(self.current)  # whoever acquired last
        self.free.append(self.current)
        self.slots.release()

START = 0.0  # the loop's time when main() starts


def clock():
    """Seconds since main() started."""
    return asyncio.get_running_loop().time() - START


async def client(pool, i, hold):
    await pool.acquire()
    print(f"t={clock():.1f}s client {i} got {pool.current}", flush=True)
    await asyncio.sleep(hold)
    pool.release()
    print(f"t={clock():.1f}s client {i} released", flush=True)


async def main():
    global START
    START = asyncio.get_running_loop().time()
    pool = ConnectionPool(2)
    await asyncio.gather(*(client(pool, i, 0.5 * (i + 1)) for i in range(5)))


asyncio.run(main())
