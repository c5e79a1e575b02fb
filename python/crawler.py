"""A crawler that keeps at most K requests in flight (asyncio.Semaphore).

Run:  python3 crawler.py --n 20 --k 5 --latency uniform --ms 200
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


async def fetch(i, latency_ms, status):
    await asyncio.sleep(latency_ms / 1000)  # stands in for: await session.get(url)
    if status >= 400:
        raise RuntimeError(f"request {i}: HTTP {status}")
    return status


async def crawl(args):
    rng = SplitMix64(args.seed)
    plan = []
    for _ in range(args.n):
        lat = latency(args.latency, args.ms, rng)
        plan.append((lat, 500 if rng.next_f64() * 100 < args.fail else 200))

    sem = asyncio.Semaphore(args.k)
    start = time.perf_counter()
    now = lambda: (time.perf_counter() - start) * 1000
    events, in_flight, max_in_flight = [], 0, 0

    async def one(i, lat, status):
        nonlocal in_flight, max_in_flight
        async with sem:  # wait here while K requests are in flight
            in_flight += 1
            max_in_flight = max(max_in_flight, in_flight)
            events.append({"t": now(), "id": i, "ev": "start"})
            try:
                await fetch(i, lat, status)
                ok = True
            except RuntimeError:
                ok = False
            finally:
                in_flight -= 1
            events.append({"t": now(), "id": i, "ev": "done" if ok else "failed"})

    await asyncio.gather(*(one(i, lat, st) for i, (lat, st) in enumerate(plan)))
    return {"makespan_ms": now(), "max_in_flight": max_in_flight, "events": events}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=20)
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--latency", choices=["fixed", "uniform", "longtail"], default="uniform")
    p.add_argument("--ms", type=float, default=200)
    p.add_argument("--fail", type=float, default=0, help="percent of requests that fail")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true", help="print the events as JSON")
    args = p.parse_args()
    if not (1 <= args.k and 1 <= args.n):
        p.error("n and k must be at least 1")
    result = asyncio.run(crawl(args))
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.n} requests, at most {args.k} in flight (seen: {result['max_in_flight']}), "
              f"makespan {result['makespan_ms']:.0f} ms")


if __name__ == "__main__":
    main()
