"""Example 001-66 as written: 100 items of "CPU work" (a 10 ms sleep) sent to a process pool as a nested function.

A process pool pickles the function with every task, by its qualified name;
process_item lives inside main(), so its name cannot be imported in a worker
and CPython 3.11 raises AttributeError: Can't pickle local object. Fixed, a
sleep is still not CPU work: a thread pool does the same without pickling.
"""
import time
from concurrent.futures import ProcessPoolExecutor


def main():
    def process_item(item):  # nested: no importable name
        time.sleep(0.01)
        return {"id": item, "ok": True}

    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(process_item, range(100)))
    print(len(results), "items")


if __name__ == "__main__":
    main()
