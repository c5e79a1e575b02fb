# --- harness: set-up: notes, how to run it, imports
"""Map-reduce: sales totals per region over generated records, in chunks.

Run:  python3 mapreduce.py --records 200000 --mode processes
Record j draws (region, amount 1..1000) from its own SplitMix64 stream, as in
the playground. Map: each chunk counts into a Counter; reduce: add the Counters.
"""
import argparse, json, os, time
# --- end harness
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
REGIONS = ["north", "south", "east", "west", "online"]


def splitmix(s):
    s = (s + GOLDEN) & MASK
    z = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return s, z ^ (z >> 31)


def map_chunk(job):
    seed, lo, hi = job
    totals = Counter()
    for j in range(lo, hi):
        s, r = splitmix(seed ^ ((j * GOLDEN) & MASK))
        _, a = splitmix(s)
        totals[REGIONS[r % len(REGIONS)]] += 1 + a % 1000
    return totals


# --- harness: argument parsing
def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, default=200_000)
    p.add_argument("--chunk", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--mode", choices=["sequential", "seq", "threads", "processes"], default="processes")
    p.add_argument("--workers", "--threads", dest="workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--no-sweep", action="store_true", help="accepted for scripts/bench.sh; one run either way")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    if a.records < 1 or a.chunk < 1 or a.workers < 1:
        p.error("records, chunk and workers must be at least 1")
    return a
# --- end harness


def compute(a, mode, workers):
    """Sales per region, one way: map the chunks in a plain loop or on a pool, then reduce."""
    jobs = [(a.seed, lo, min(lo + a.chunk, a.records)) for lo in range(0, a.records, a.chunk)]
    if mode in ("sequential", "seq"):
        parts = list(map(map_chunk, jobs))
    else:
        Pool = ThreadPoolExecutor if mode == "threads" else ProcessPoolExecutor
        with Pool(max_workers=workers) as pool:
            parts = list(pool.map(map_chunk, jobs))
    return sum(parts, Counter())  # reduce: merge the maps


def main():
    a = parse_args()
    start = time.perf_counter()
    totals = compute(a, a.mode, a.workers)
    ms = (time.perf_counter() - start) * 1000
    results = {f"sales_{r}": totals[r] for r in REGIONS}
    results["sales_total"] = sum(totals.values())
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps({"mode": a.mode, "workers": a.workers, "ms": ms, **results}))
    else:
        for r in REGIONS:
            print(f"{r:>7}: {totals[r]:>12,}")
        print(f"{a.mode} ({a.workers} workers): {a.records:,} records in {ms:.0f} ms")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
