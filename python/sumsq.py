# --- harness: set-up: notes, how to run it, imports
"""Sum of squares 1^2 + ... + n^2 in chunks: sequential, threads or processes.

Run:  python3 sumsq.py --n 5000000 --mode processes
Python ints never overflow, and n(n+1)(2n+1)/6 checks the answer. Threads do
not speed this up (the GIL lets one run Python code at a time); processes do.
"""
import argparse, json, os, time
# --- end harness
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def sum_range(lo_hi):
    lo, hi = lo_hi
    return sum(i * i for i in range(lo, hi))


# --- harness: argument parsing
def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=5_000_000)
    p.add_argument("--chunk", type=int, default=250_000)
    p.add_argument("--mode", choices=["sequential", "seq", "threads", "processes"], default="processes")
    p.add_argument("--workers", "--threads", dest="workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--no-sweep", action="store_true", help="accepted for scripts/bench.sh; one run either way")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    if a.n < 1 or a.chunk < 1 or a.workers < 1:
        p.error("n, chunk and workers must be at least 1")
    return a
# --- end harness


def compute(a, mode, workers):
    """The sum, one way: a plain loop, or chunks given to a pool of `workers`."""
    chunks = [(lo, min(lo + a.chunk, a.n + 1)) for lo in range(1, a.n + 1, a.chunk)]
    if mode in ("sequential", "seq"):
        return sum(map(sum_range, chunks))
    Pool = ThreadPoolExecutor if mode == "threads" else ProcessPoolExecutor
    with Pool(max_workers=workers) as pool:
        return sum(pool.map(sum_range, chunks))


def main():
    a = parse_args()
    start = time.perf_counter()
    total = compute(a, a.mode, a.workers)
    ms = (time.perf_counter() - start) * 1000
    assert total == a.n * (a.n + 1) * (2 * a.n + 1) // 6
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps({"mode": a.mode, "workers": a.workers, "ms": ms, "sum_squares": total,
                          "sum_squares_last9": total % 10**9}))
    else:
        print(f"{a.mode} ({a.workers} workers): sum = {total} in {ms:.0f} ms")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
