# --- harness: set-up: notes, how to run it, imports
"""Uneven tasks: fixed blocks per worker vs handing out work as workers free up.

Run:  python3 stealing.py --tasks 200 --skew heavy
With one block per worker up front, whoever drew the heavy tasks finishes last
while the others idle. Giving each free worker the next task (chunksize=1, the
pool's shared queue) balances the load; rayon does the same by stealing from
busy workers' queues.
"""
import argparse, json, os, random, time
# --- end harness
from concurrent.futures import ProcessPoolExecutor

MASK = (1 << 64) - 1


def task(args):
    i, rounds = args
    h = i
    for _ in range(rounds):
        h = (h * 6364136223846793005 + 1442695040888963407) & MASK
        h ^= h >> 29
    return os.getpid()


def block(items):
    return [task(t) for t in items]


def sizes(n, mean, skew, seed):
    rng = random.Random(seed)
    f = (lambda u: 5.5 if u < 0.1 else 0.5) if skew == "heavy" else (lambda u: 0.5 + u)
    return [max(1, round(mean * f(rng.random()))) for _ in range(n)]


def main():
    # --- harness: argument parsing
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tasks", type=int, default=200)
    p.add_argument("--size", type=int, default=2, help="mean task size, thousands of rounds")
    p.add_argument("--skew", choices=["uniform", "heavy"], default="heavy")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if a.tasks < 1 or a.size < 1 or a.workers < 1:
        p.error("tasks, size and workers must be >= 1")
    # --- end harness
    jobs = list(enumerate(sizes(a.tasks, a.size * 1000, a.skew, a.seed)))
    w = a.workers
    with ProcessPoolExecutor(w) as ex:
        list(ex.map(task, [(0, 1)] * w))  # start the workers before timing
        t0 = time.perf_counter()
        list(ex.map(block, [jobs[len(jobs) * i // w: len(jobs) * (i + 1) // w] for i in range(w)]))
        static_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        ran_on = list(ex.map(task, jobs, chunksize=1))
        dynamic_ms = (time.perf_counter() - t0) * 1000
    out = {"static_ms": static_ms, "stealing_ms": dynamic_ms, "workers_used": len(set(ran_on))}
    # --- harness: the report (--json for the playground's checks, else printed)
    print(json.dumps(out) if a.json else "\n".join(f"{k:12} {v:,.1f}" for k, v in out.items()))
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
