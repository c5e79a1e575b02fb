"""Benchmark partner of examples/engine_bench.rs: N tasks through an
asyncio.Semaphore(K), zero latency (each task takes a permit and yields once).

Run:  python3 bench_semaphore.py --n 10000 --k 100
"""
import argparse, asyncio, json, time


async def run(n, k):
    sem = asyncio.Semaphore(k)

    async def task():
        async with sem:
            await asyncio.sleep(0)

    await asyncio.gather(*(task() for _ in range(n)))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=10_000)
    p.add_argument("--k", type=int, default=100)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        asyncio.run(run(args.n, args.k))
        times.append((time.perf_counter() - t0) * 1000)
    if args.json:
        print(json.dumps({"best_ms": min(times), "times_ms": times}))
    else:
        print(f"{args.n} tasks through Semaphore({args.k}): best {min(times):.1f} ms")


if __name__ == "__main__":
    main()
