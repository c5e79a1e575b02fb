"""Groups a callgrind profile's self cost by where it is spent (BENCHMARKS.md,
"Where the virtual clock's time goes").

    valgrind --tool=callgrind --toggle-collect='playground_lessons::scenarios::run_virtual' \
        --callgrind-out-file=cg.out target/release/examples/engine_bench
    python3 tools/callgrind_groups.py cg.out 5 47960   # file, runs, trace events per run

Prints a Markdown table: instructions per run and per trace event, by group
(by function name; the allocator row is glibc's malloc/free whoever calls it).
"""

import re
import subprocess
import sys

GROUPS = [
    ("allocator (malloc/free)", ("malloc.c", "arena.c", "__rust_alloc", "__rust_dealloc", "__rdl_")),
    ("memcpy (vector growth)", ("memmove", "memcpy", "memset", "memcmp")),
    ("primitives (semaphore, waiter lists, tracks)", ("FutQueue", "SemCore", "primitives::")),
    ("recorder (spans, events, samples; sort at the end)", ("recorder::", "sort::", "engine::trace::")),
    ("executor (steps, wakers, ready queue, timers)", ("virtual_clock", "TaskWaker", "raw_waker")),
    ("formatting (lane names, labels)", ("fmt", "format", "pad_integral", "_fmt_inner")),
]
OTHER = "lesson, futures, spawn, server model"


def group_of(function: str) -> str:
    for name, needles in GROUPS:
        if any(n in function for n in needles):
            return name
    return OTHER


def main() -> None:
    path, runs, events = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    out = subprocess.run(["callgrind_annotate", "--threshold=100", path], capture_output=True, text=True, check=True).stdout
    groups: dict[str, int] = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \([ \d.]+%\)\s+(.*)", line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        g = group_of(m.group(2))
        groups[g] = groups.get(g, 0) + int(m.group(1).replace(",", ""))
    total = sum(groups.values())
    print(f"total {total / runs / 1e6:.1f} M instructions per run, {total / runs / events:.0f} per trace event")
    print("| where | M instructions per run | per event | share |")
    print("|---|---|---|---|")
    for g, ir in sorted(groups.items(), key=lambda x: -x[1]):
        print(f"| {g} | {ir / runs / 1e6:.1f} | {ir / runs / events:.0f} | {100 * ir / total:.0f}% |")


if __name__ == "__main__":
    main()
