# --- harness: set-up: notes, how to run it, imports
"""Countdowns under asyncio.gather: each prints a line and sleeps one tick per count.

Run:  python3 countdown.py --counts 3,5,2 --tick 1000
The waits overlap: the run takes the longest countdown, not the sum, and the
lines interleave in a fixed order (A, B, C at every tick).
"""
import argparse, asyncio, contextlib, io, json, time
# Lines ending in "# rec" only record what the playground draws (its timeline, its report).
# --- end harness


async def main_async(args):
    counts = [int(c) for c in args.counts.split(",")]
    names = "ABCDEFGH"[:len(counts)]
    start = time.perf_counter()
    now = lambda: (time.perf_counter() - start) * 1000
    tasks = []  # rec

    async def countdown(name, n):
        while n > 0:
            print(f"{name}{n}")
            await asyncio.sleep(args.tick / 1000)
            n -= 1
        tasks.append({"name": f"countdown {name}", "end_ms": now(), "outcome": "done"})  # rec

    await asyncio.gather(*(countdown(name, n) for name, n in zip(names, counts)))
    return {"makespan_ms": now(), "max_in_flight": 0, "tasks": tasks,  # rec
            "results": {"sequential_ms": sum(counts) * args.tick}}  # rec


def main():
    # --- harness: argument parsing
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--counts", default="3,5,2", help="where each countdown starts, comma-separated (A, B, C, …)")
    p.add_argument("--tick", type=float, default=1000, help="ms per tick")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    counts = args.counts.split(",")
    if not 1 <= len(counts) <= 8 or not all(c.strip().isdigit() and 1 <= int(c) <= 20 for c in counts):
        p.error("counts: 1 to 8 whole numbers, each 1 to 20, separated by commas")
    if not 10 <= args.tick <= 5000:
        p.error("tick: 10 to 5000 ms")
    # --- end harness
    if not args.json:
        r = asyncio.run(main_async(args))
        # --- harness: the report (printed)
        took, summed = r["makespan_ms"] / 1000, r["results"]["sequential_ms"] / 1000
        print(f"took {took:.2f} s; one after another: {summed:.2f} s")
        # --- end harness
        return
    # --- harness: the report for the playground's checks (--json): the lines print() printed, in order
    with contextlib.redirect_stdout(io.StringIO()) as out:
        r = asyncio.run(main_async(args))
    r["lines"] = out.getvalue().split()
    r["results"]["lines_printed"] = len(r["lines"])
    print(json.dumps(r))
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
