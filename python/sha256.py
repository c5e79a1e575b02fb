# --- harness: set-up: notes, how to run it, imports
"""SHA-256 over generated 4 KiB blocks, digests XORed: sequential, threads or processes.

Run:  python3 sha256.py --blocks 2000 --mode threads
Block j is 512 SplitMix64 outputs (seed ^ j * golden ratio), little-endian, as
in the playground. hashlib releases the GIL while it hashes a large buffer, so
here threads overlap the hashing; generating the blocks is Python code and does not.
"""
import argparse, hashlib, json, os, struct, time
# --- end harness
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

MASK = (1 << 64) - 1


def block(seed, j):
    s = seed ^ ((j * 0x9E3779B97F4A7C15) & MASK)
    words = []
    for _ in range(512):  # SplitMix64
        s = (s + 0x9E3779B97F4A7C15) & MASK
        z = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        words.append(z ^ (z >> 31))
    return struct.pack("<512Q", *words)


def hash_blocks(job):
    seed, lo, hi = job
    acc = 0
    for j in range(lo, hi):
        acc ^= int.from_bytes(hashlib.sha256(block(seed, j)).digest(), "big")
    return acc


# --- harness: argument parsing
def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--blocks", type=int, default=2_000)
    p.add_argument("--chunk", type=int, default=128)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--mode", choices=["sequential", "seq", "threads", "processes"], default="processes")
    p.add_argument("--workers", "--threads", dest="workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--no-sweep", action="store_true", help="accepted for scripts/bench.sh; one run either way")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    if a.blocks < 1 or a.chunk < 1 or a.workers < 1:
        p.error("blocks, chunk and workers must be at least 1")
    return a
# --- end harness


def compute(a, mode, workers):
    """The XOR of every block's digest, one way: a plain loop, or chunks given to a pool."""
    jobs = [(a.seed, lo, min(lo + a.chunk, a.blocks)) for lo in range(0, a.blocks, a.chunk)]
    digest = 0
    if mode in ("sequential", "seq"):
        parts = map(hash_blocks, jobs)
    else:
        Pool = ThreadPoolExecutor if mode == "threads" else ProcessPoolExecutor
        with Pool(max_workers=workers) as pool:
            parts = list(pool.map(hash_blocks, jobs))
    for part in parts:
        digest ^= part
    return digest


def main():
    a = parse_args()
    start = time.perf_counter()
    digest = compute(a, a.mode, a.workers)
    ms = (time.perf_counter() - start) * 1000
    hexdigest = f"{digest:064x}"
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps({"mode": a.mode, "workers": a.workers, "ms": ms, "digest": hexdigest,
                          "digest_head48": digest >> 208}))
    else:
        print(f"{a.mode} ({a.workers} workers): {a.blocks * 4096 / 2**20:.1f} MiB, xor of digests {hexdigest} in {ms:.0f} ms")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
