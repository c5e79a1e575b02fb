# --- harness: set-up: notes, how to run it, imports
"""Pool size and chunk size: time the same tiny work with 1..N processes, repeated,
then with chunksize 1, 10, 100, ... to see when tasks get too small to pay for themselves.

Run:  python3 poolsize.py --items 20000
The items are cut into tasks of c items each: with c = 1 every item is its own task
(pickled, queued, answered), and that overhead dwarfs the work.
--fail-at i makes chunk i raise: the exception comes back out of pool.map.
"""
import argparse, json, os, statistics, time
# --- end harness
from concurrent.futures import ProcessPoolExecutor

MASK = (1 << 64) - 1


def item(i, rounds):  # a few nanoseconds of work in Rust, a microsecond here
    z = i
    for _ in range(max(rounds, 1)):
        z = (z + 0x9E3779B97F4A7C15) & MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
    return z


def chunk_sum(job):
    lo, hi, rounds, fail = job
    if fail:
        raise RuntimeError(f"injected failure in chunk starting at item {lo}")
    return sum(item(i, rounds) for i in range(lo, hi)) & MASK


def timed(workers, items, rounds, chunk, fail_at=-1):
    jobs = [(lo, min(lo + chunk, items), rounds, n == fail_at) for n, lo in enumerate(range(0, items, chunk))]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        total = sum(pool.map(chunk_sum, jobs)) & MASK
    return (time.perf_counter() - start) * 1000, total


def main():
    # --- harness: argument parsing
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--items", type=int, default=20_000)
    p.add_argument("--work", type=int, default=10, help="mixing rounds per item")
    p.add_argument("--chunk", type=int, default=2_000)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="most worker processes")
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--fail-at", type=int, default=-1, help="chunk index that raises (-1 = none)")
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if min(a.items, a.work, a.chunk, a.threads, a.reps) < 1:
        p.error("items, work, chunk, threads and reps must be at least 1")
    # --- end harness
    try:
        timed(1, a.items, a.work, a.chunk, a.fail_at)
    except RuntimeError as e:
        # The with block shut the pool down cleanly; the error came out of pool.map.
        print(json.dumps({"error": str(e)}) if a.json else f"a task failed: {e}")
        return
    stats = []
    for workers in range(1, a.threads + 1):
        ms = [timed(workers, a.items, a.work, a.chunk)[0] for _ in range(a.reps)]
        stats.append({"threads": workers, "mean": statistics.mean(ms), "median": statistics.median(ms),
                      "stdev": statistics.stdev(ms) if len(ms) > 1 else 0.0, "best": min(ms)})
    sizes = [c for c in (10 ** k for k in range(8)) if c <= a.items]
    chunks = [{"chunk": c, "threads": a.threads, "ms": timed(a.threads, a.items, a.work, c)[0]} for c in sizes]
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps({"stats": stats, "chunks": chunks}))
        return
    best = min(stats, key=lambda s: s["best"])
    for s in stats:
        print(f"{s['threads']} processes: mean {s['mean']:.0f} ms, median {s['median']:.0f}, "
              f"stdev {s['stdev']:.1f}, best {s['best']:.0f}")
    print(f"best pool size: {best['threads']}")
    for c in chunks:
        print(f"chunksize {c['chunk']:>8}: {c['ms']:.0f} ms")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
