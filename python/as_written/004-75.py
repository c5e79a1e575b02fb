"""Example 004-75 as written: chunked sums of squares submitted to a process pool as a nested function.

Each submit pickles the function by its qualified name; square_sum lives
inside main(), so the worker could not import it and CPython 3.11 raises
AttributeError: Can't pickle local object (from future.result()). The 0.5 s
of "work" is a sleep, which threads would overlap as well.
"""
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def main():
    def square_sum(chunk):  # nested: no importable name
        time.sleep(0.5)
        return sum(x * x for x in chunk)

    chunks = [range(1, 6), range(6, 11), range(11, 16)]
    with ProcessPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(square_sum, c) for c in chunks]
        total = sum(f.result() for f in as_completed(futures))
    print("total", total)


if __name__ == "__main__":
    main()
