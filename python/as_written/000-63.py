"""Example 000-63 as written: a process pool handed a function defined inside another.

Everything sent to a worker process is pickled, and a function is pickled by
its qualified name, which the worker imports: a nested function's name
(main.<locals>.mapper) cannot be imported, so CPython 3.11 raises
AttributeError: Can't pickle local object. The fix: define the mapper at
module level (and guard the start with if __name__ == "__main__").
"""
from concurrent.futures import ProcessPoolExecutor

SALES = [("Guangdong", 100), ("Guangdong", 150), ("Beijing", 200), ("Beijing", 250), ("Shanghai", 300)]


def main():
    def mapper(row):  # nested: no importable name
        region, amount = row
        return region, amount

    with ProcessPoolExecutor(max_workers=2) as pool:
        totals = {}
        for region, amount in pool.map(mapper, SALES):
            totals[region] = totals.get(region, 0) + amount
    print(totals)


if __name__ == "__main__":
    main()
