"""Example 003-69 as written, without NumPy: a nested function sent to a process pool.

The worker summing squares of random numbers is defined inside main(), so it
cannot be pickled: CPython 3.11 raises AttributeError: Can't pickle local
object. (With NumPy, threads would do: most array operations release the GIL.)
"""
import random
from concurrent.futures import ProcessPoolExecutor


def main(size=40_000):
    def sum_squares(n):  # nested: no importable name
        return sum(random.random() ** 2 for _ in range(n))

    with ProcessPoolExecutor(max_workers=4) as pool:
        parts = list(pool.map(sum_squares, [size // 4] * 4))
    print(sum(parts))


if __name__ == "__main__":
    main()
