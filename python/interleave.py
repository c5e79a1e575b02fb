"""Interleavings: runs every model's listing in python/interleave/ under CPython.

Each listing is a small threaded program whose bug depends on the schedule;
CPython picks one schedule per run, so most runs look fine. The playground's
interleaving lesson steps the same code by hand and searches every schedule.
Run: python3 interleave.py
"""
import pathlib, subprocess, sys

HERE = pathlib.Path(__file__).parent / "interleave"


def main():
    for path in sorted(HERE.glob("*.py")):
        out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=30)
        print(f"{path.stem:24} {out.stdout.strip() or out.stderr.strip()}")


if __name__ == "__main__":
    main()
