#!/usr/bin/env python3
"""How many SIMD (v128) instructions the CPU workloads' code holds (BENCHMARKS.md,
"CPU workloads at about a second per step").

    python3 tools/wasm_simd.py FILE.wasm [FILE2.wasm]

FILE is a release wasm that still has its name section: the linker's output in
the target dir, before wasm-bindgen and tools/split_wasm.py strip the names
(`$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/concurrency_playground.wasm`
after `trunk build --release`). The module is disassembled with binaryen's
wasm-dis (npm, tools/node_modules; scripts/setup.sh installs it) and every
instruction of the 128-bit SIMD proposal (`v128.*`, `i8x16.*` … `f64x2.*`) is
counted in the functions each workload's hot loop runs: its chunk function and
what that calls by name (a called function that was inlined is counted where it
was inlined). With two files, their counts side by side (e.g. before / after).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WASM_DIS = os.path.join(HERE, "node_modules", ".bin", "wasm-dis")
SIMD_OP = re.compile(r"\((?:v128|i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)\.[a-z0-9_.]+")
FUNC = re.compile(r"^ \(func \$(\S+)")
CALL = re.compile(r"\(call \$(\S+)")
# Each workload's chunk function (the `#[inline(never)]` hot loop, see
# src/engine/workloads/mod.rs): its path under `engine::workloads`, matched on
# the v0-mangled name (`_R…`, each identifier prefixed by its length).
PREFIX = r"^_RNvNtNtNtCs[0-9A-Za-z]+_22concurrency_playground6engine9workloads"
WORKLOADS = [
    ("primes", "6primes11count_range"),
    ("pi", "10montecarlo4hits"),
    ("sumsq", "5sumsq9sum_range"),
    ("sha256", "6sha25611hash_blocks"),
    ("mandelbrot", "10mandelbrot4rows"),
    ("fib", "3fib7fib_seq"),
    ("mapreduce", "9mapreduce9map_range"),
]


def functions(path):
    """{name: (simd ops, total instructions, callees)} of every defined function."""
    text = subprocess.run([WASM_DIS, "--all-features", path], check=True, capture_output=True, text=True).stdout
    return parse(text)


def parse(text):
    out, name, body = {}, None, []
    for line in text.splitlines() + [" (func $__end"]:
        m = FUNC.match(line)
        if m:
            if name is not None:
                joined = "\n".join(body)
                ops = len(SIMD_OP.findall(joined))
                instrs = sum(1 for ln in body if ln.lstrip().startswith("("))
                out[name] = (ops, instrs, set(CALL.findall(joined)))
            name, body = m.group(1), []
        elif name is not None:
            body.append(line)
    return out


# Callees followed from a chunk function: the workloads' own functions and the
# sha2 crate's (not allocation, panics, formatting or sorting, which run once a
# chunk at most). The crate of a v0 name is its first `Cs<hash>_<len><name>`.
FIRST_CRATE = re.compile(r"Cs[0-9A-Za-z]+_(\d+)")


def hot_callee(name):
    m = FIRST_CRATE.search(name)
    crate = name[m.end():m.end() + int(m.group(1))] if m else ""
    return bool(re.match(PREFIX, name)) or crate == "sha2"


def closure(funcs, roots):
    """The roots and the workload or sha2 functions they reach by direct calls."""
    seen, todo = set(), list(roots)
    while todo:
        f = todo.pop()
        if f in seen or f not in funcs or (f not in roots and not hot_callee(f)):
            continue
        seen.add(f)
        todo.extend(funcs[f][2])
    return seen


def report(path):
    funcs = functions(path)
    rows = {}
    for wid, pat in WORKLOADS:
        roots = [n for n in funcs if re.fullmatch(PREFIX + pat, n)]
        reach = closure(funcs, roots)
        rows[wid] = (len(roots), len(reach), sum(funcs[f][0] for f in reach), sum(funcs[f][1] for f in reach))
    total = sum(ops for ops, _, _ in funcs.values())
    return rows, total


def main():
    paths = sys.argv[1:]
    if not paths or not os.path.exists(WASM_DIS):
        sys.exit(__doc__ if paths else "usage: tools/wasm_simd.py FILE.wasm [FILE2.wasm]")
    reports = [report(p) for p in paths]
    head = " | ".join(f"{os.path.basename(p)}: v128 ops / instructions" for p in paths)
    print(f"| workload (chunk function + what it calls) | {head} |")
    print("|---|" + "---:|" * len(paths))
    for wid, _ in WORKLOADS:
        cells = []
        for rows, _ in reports:
            roots, reach, ops, instrs = rows[wid]
            cells.append(f"{ops} / {instrs} ({reach} functions)" if roots else "not found")
        print(f"| {wid} | " + " | ".join(cells) + " |")
    print("| whole module | " + " | ".join(str(total) for _, total in reports) + " |")


if __name__ == "__main__":
    main()
