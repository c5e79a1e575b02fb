"""Example 004-76 as written: a batch processor handing a nested function to a process pool.

process_batch is defined inside main(), so it cannot be pickled for the
workers: CPython 3.11 raises AttributeError: Can't pickle local object. Its
"factorial" is n * (n - 1) as well (20 for 5, where 5! = 120).
"""
from concurrent.futures import ProcessPoolExecutor


def main():
    def process_batch(batch):  # nested: no importable name
        return [{"n": n, "square": n * n, "factorial": n * (n - 1)} for n in batch]

    batches = [list(range(1, 6)), list(range(6, 11)), list(range(11, 16))]
    with ProcessPoolExecutor(max_workers=3) as pool:
        items = [item for result in pool.map(process_batch, batches) for item in result]
    print(len(items), "processed")


if __name__ == "__main__":
    main()
