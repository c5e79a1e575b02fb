# --- harness: set-up: notes, how to run it, imports
"""The Mandelbrot set in bands of rows: sequential, threads or processes.

Run:  python3 mandelbrot.py --width 160 --height 120 --mode processes
Same window and pixel centres as the playground, so the escape counts agree
exactly. Bands through the set cost far more than bands outside it.
"""
import argparse, json, os, time
# --- end harness
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

RE, IM = (-2.2, 0.8), (-1.2, 1.2)


def band(job):
    width, height, max_iter, y0, y1 = job
    out = []
    for py in range(y0, y1):
        im = IM[1] - (py + 0.5) * (IM[1] - IM[0]) / height
        for px in range(width):
            re = RE[0] + (px + 0.5) * (RE[1] - RE[0]) / width
            x = y = 0.0
            i = 0
            while i < max_iter:
                x2, y2 = x * x, y * y
                if x2 + y2 > 4.0:
                    break
                y = 2.0 * x * y + im
                x = x2 - y2 + re
                i += 1
            out.append(i)
    return out


# --- harness: argument parsing
def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--width", type=int, default=160)
    p.add_argument("--height", type=int, default=120)
    p.add_argument("--max_iter", type=int, default=500)
    p.add_argument("--rows", type=int, default=8, help="rows per chunk")
    p.add_argument("--mode", choices=["sequential", "seq", "threads", "processes"], default="processes")
    p.add_argument("--workers", "--threads", dest="workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--no-sweep", action="store_true", help="accepted for scripts/bench.sh; one run either way")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    if min(a.width, a.height, a.max_iter, a.rows, a.workers) < 1:
        p.error("every size must be at least 1")
    return a
# --- end harness


def compute(a, mode, workers):
    """Every pixel's escape count, row by row, one way: a plain loop, or bands given to a pool."""
    jobs = [(a.width, a.height, a.max_iter, y, min(y + a.rows, a.height)) for y in range(0, a.height, a.rows)]
    if mode in ("sequential", "seq"):
        bands = list(map(band, jobs))
    else:
        Pool = ThreadPoolExecutor if mode == "threads" else ProcessPoolExecutor
        with Pool(max_workers=workers) as pool:
            bands = list(pool.map(band, jobs))  # map keeps band order
    return [c for b in bands for c in b]


def main():
    a = parse_args()
    start = time.perf_counter()
    counts = compute(a, a.mode, a.workers)
    ms = (time.perf_counter() - start) * 1000
    inside = sum(1 for c in counts if c >= a.max_iter)
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps({"mode": a.mode, "workers": a.workers, "ms": ms,
                          "points_inside": inside, "iterations_total": sum(counts)}))
    else:
        shades = " .:-=+*#%@"
        for y in range(0, a.height, max(1, a.height // 24)):
            row = counts[y * a.width:(y + 1) * a.width:max(1, a.width // 72)]
            print("".join(shades[min(9, c * 10 // (a.max_iter + 1))] for c in row))
        print(f"{a.mode} ({a.workers} workers): {inside} points inside, {sum(counts)} steps in {ms:.0f} ms")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
