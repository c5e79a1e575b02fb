"""Monte Carlo pi with 1..N worker processes (multiprocessing), compared.

Run:  python3 pi.py --samples 2000000
Each chunk draws from its own seeded stream (the playground's SplitMix64), so
every process count gives exactly the same estimate, and so does the playground.
"""
import argparse, json, math, os, time
from multiprocessing import Pool

from simnet import SplitMix64

MASK = (1 << 64) - 1


def hits(job):
    seed, samples, chunk, i = job
    n = min(chunk, max(0, samples - i * chunk))
    rng = SplitMix64(seed ^ ((i * 0x9E3779B97F4A7C15) & MASK))
    inside = 0
    for _ in range(n):
        x, y = rng.next_f64(), rng.next_f64()
        if x * x + y * y <= 1.0:
            inside += 1
    return inside


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--samples", type=int, default=2_000_000)
    p.add_argument("--chunk", type=int, default=250_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="most worker processes")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    if args.samples < 1 or args.chunk < 1 or args.threads < 1:
        p.error("samples, chunk and threads must be at least 1")
    jobs = [(args.seed, args.samples, args.chunk, i) for i in range(-(-args.samples // args.chunk))]
    sweep = []
    for workers in range(1, args.threads + 1):
        start = time.perf_counter()
        with Pool(workers) as pool:  # separate processes: no GIL between them
            inside = sum(pool.map(hits, jobs))
        sweep.append({"threads": workers, "ms": (time.perf_counter() - start) * 1000, "hits": inside,
                      "pi": 4 * inside / args.samples})
    if args.json:
        print(json.dumps(sweep))
    else:
        for s in sweep:
            print(f"{s['threads']} processes: pi ~ {s['pi']:.6f} (error {abs(s['pi'] - math.pi):.2e}) "
                  f"in {s['ms']:.0f} ms, speedup {sweep[0]['ms'] / s['ms']:.2f}")


if __name__ == "__main__":
    main()
