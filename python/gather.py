"""The same requests awaited one by one, then all at once with asyncio.gather.

Run:  python3 gather.py --n 8 --latency uniform --ms 150
The "server" is simulated by asyncio.sleep, with latencies drawn from the same
seeded generator the playground uses, so both draw the same timeline.
"""
import argparse, asyncio, json, math, time

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.s = seed & MASK

    def next_f64(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return ((z ^ (z >> 31)) >> 11) / float(1 << 53)


def latency(model, ms, rng):
    u1, u2 = rng.next_f64(), rng.next_f64()
    if model == "fixed":
        v = ms
    elif model == "uniform":
        v = ms * (0.5 + u1)
    else:  # longtail: log-normal with mean ms, capped at 20 * ms
        z = math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)
        v = min(ms * math.exp(0.8 * z - 0.32), 20.0 * ms)
    return round(v * 10.0) / 10.0


async def fetch(latency_ms):
    await asyncio.sleep(latency_ms / 1000)  # stands in for: await session.get(url)


async def main_async(args):
    rng = SplitMix64(args.seed)
    plan = []
    for _ in range(args.n):
        plan.append(latency(args.latency, args.ms, rng))
        rng.next_f64()  # the playground's failure draw (unused here), kept in step

    start = time.perf_counter()
    for lat in plan:  # one after another: each await waits for the previous one
        await fetch(lat)
    sequential = (time.perf_counter() - start) * 1000

    start = time.perf_counter()
    await asyncio.gather(*(fetch(lat) for lat in plan))  # all in flight at once
    gathered = (time.perf_counter() - start) * 1000
    return {"await_loop_ms": sequential, "gather_ms": gathered, "plan_ms": plan}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=8)
    p.add_argument("--latency", choices=["fixed", "uniform", "longtail"], default="uniform")
    p.add_argument("--ms", type=float, default=150)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    if args.n < 1:
        p.error("n must be at least 1")
    r = asyncio.run(main_async(args))
    if args.json:
        print(json.dumps(r))
    else:
        print(f"await in a loop: {r['await_loop_ms']:.0f} ms (sum of latencies {sum(r['plan_ms']):.0f} ms)")
        print(f"asyncio.gather:  {r['gather_ms']:.0f} ms (slowest request {max(r['plan_ms']):.0f} ms)")


if __name__ == "__main__":
    main()
