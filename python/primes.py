# --- harness: set-up: notes, how to run it, imports
"""Count primes below a bound with 1..N worker processes and compare the times.

Run:  python3 primes.py --bound 2000000              (processes, 1..N)
      python3 primes.py --mode threads               (threads: they take turns holding the GIL)
      python3 primes.py --mode seq                   (one plain loop, no pool)
Processes each have their own interpreter, so the chunks really run in parallel.
"""
import argparse, json, os, time
# --- end harness
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

POOLS = {"threads": ThreadPoolExecutor, "processes": ProcessPoolExecutor}


def is_prime(n):
    if n < 4:
        return n >= 2
    if n % 2 == 0 or n % 3 == 0:
        return False
    d = 5
    while d * d <= n:
        if n % d == 0 or n % (d + 2) == 0:
            return False
        d += 6
    return True


def count_range(lo_hi):
    lo, hi = lo_hi
    return sum(1 for n in range(lo, hi) if is_prime(n))


# --- harness: argument parsing
def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bound", type=int, default=2_000_000)
    p.add_argument("--chunk", type=int, default=50_000)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="most workers to try")
    p.add_argument("--mode", choices=["seq", "threads", "processes"], default="processes")
    p.add_argument("--no-sweep", action="store_true", help="only --threads workers, not 1..N")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    if args.bound < 10 or args.chunk < 1 or args.threads < 1:
        p.error("bound >= 10, chunk >= 1 and threads >= 1")
    return args
# --- end harness


def compute(args, mode, workers):
    """The count, one way: a plain loop, or chunks given to a pool of `workers`."""
    chunks = [(lo, min(lo + args.chunk, args.bound)) for lo in range(0, args.bound, args.chunk)]
    if mode == "seq":
        return sum(map(count_range, chunks))
    with POOLS[mode](max_workers=workers) as pool:  # chunks go to free workers
        return sum(pool.map(count_range, chunks))


def main():
    args = parse_args()
    sweep = []
    counts = [1] if args.mode == "seq" else [args.threads] if args.no_sweep else range(1, args.threads + 1)
    for workers in counts:
        start = time.perf_counter()
        total = compute(args, args.mode, workers)
        sweep.append({"threads": workers, "ms": (time.perf_counter() - start) * 1000, "primes": total})
    # --- harness: the report (--json for the playground's checks, else printed)
    if args.json:
        print(json.dumps(sweep))
    else:
        base = sweep[0]["ms"]
        for s in sweep:
            print(f"{s['threads']} {args.mode}: {s['primes']} primes in {s['ms']:.0f} ms, speedup {base / s['ms']:.2f}")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
