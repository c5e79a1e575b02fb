"""A crawler that keeps at most K requests in flight (asyncio.Semaphore).

Run:  python3 crawler.py --n 20 --k 5 --latency uniform --ms 200
simnet.py (next to this file) simulates the server with the playground's own
seeded latencies, so both run exactly the same requests.
"""
import argparse, asyncio, json, time

from simnet import fetch, plan


async def crawl(args):
    requests = plan(args.n, args.latency, args.ms, args.fail, args.seed)
    sem = asyncio.Semaphore(args.k)
    start = time.perf_counter()
    now = lambda: (time.perf_counter() - start) * 1000
    events, tasks, in_flight, max_in_flight = [], [], 0, 0

    async def one(i, latency_ms, status):
        nonlocal in_flight, max_in_flight
        async with sem:  # wait here while K requests are in flight
            in_flight += 1
            max_in_flight = max(max_in_flight, in_flight)
            events.append({"t": now(), "id": i, "ev": "start"})
            try:
                await fetch(latency_ms, status)
                ok = True
            except RuntimeError:
                ok = False
            finally:
                in_flight -= 1
            events.append({"t": now(), "id": i, "ev": "done" if ok else "failed"})
            tasks.append({"name": f"request {i}", "end_ms": now(), "outcome": "done" if ok else "failed"})

    await asyncio.gather(*(one(i, lat, st) for i, (lat, st) in enumerate(requests)))
    return {"makespan_ms": now(), "max_in_flight": max_in_flight, "events": events, "tasks": tasks}


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
