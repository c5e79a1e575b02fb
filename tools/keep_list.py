"""The first-load keep-list (`tools/first-lesson.funcs`): which of the release
wasm's functions the primary module keeps (tools/split_wasm.py), matched on
names without what a build or a refactor changes."""

from __future__ import annotations

import os
import re

KEEP_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "first-lesson.funcs")
HASH = re.compile(r"::h[0-9a-f]{16}$")
CRATE = re.compile(r"\[[0-9a-f]+\]")


SHIM = re.compile(r"shim_idx: \d+")
# This workspace's crates (Cargo.toml [workspace] members: the app and playground-*).
OURS = re.compile(r"\b(?:concurrency_playground|playground_[a-z]+)::")
CLOSURE = re.compile(r"\{closure#\d+\}")


def normalize(name: str) -> str:
    """A function's name without what changes between builds or with unrelated
    edits: the symbol hash, the crate disambiguators (`yew[92b7…]` is `yew`), the
    linker's numbering of twins (`drop_in_place::<T>[1]`), wasm-bindgen's shim
    numbers and the closures' numbers within their function (all of one
    function's closures count as one name: a new closure elsewhere in a first
    lesson's component does not make the list stale), and which of this
    workspace's crates a path starts in (`playground_lessons::scenarios::…` is
    `crate::scenarios::…`: a module moved between the workspace's crates keeps
    its names; of the 64 names the move of the lessons into their own crate
    took from the list, 41 would have stayed)."""
    name = OURS.sub("crate::", CRATE.sub("", HASH.sub("", name)))
    return CLOSURE.sub("{closure}", SHIM.sub("shim_idx: _", name))


# A path in this workspace's crates, its modules left out: `crate::recorder::sort::sort_spans`
# is `crate::sort_spans` (a module segment is a snake_case name followed by `::` and an item).
MODULES = re.compile(r"crate::(?:[a-z_][a-z0-9_]*::)+(?=[A-Za-z_<])")


def item_key(name: str) -> str:
    """A normalized name without this workspace's module paths: what a function
    keeps when a refactor moves it to another module, file or crate."""
    return MODULES.sub("crate::", name)


def select_keep(names: list[str], keep_list: set[str]) -> tuple[list[str], int, int]:
    """The functions the primary module keeps: each whose normalized name is in
    the list, and, for the list's names this build does not have (a function
    moved to another module, file or crate since the list was made), each
    function with the same item key. So a pure move keeps the first lesson's
    code in the first load; a name that only a move explains may match more
    functions than it did (all `run`s, if a lesson's `run` moved), which the
    first-load budget e2e bounds. Returns the kept names, how many of the
    list's names are not in this build, and how many functions only the item
    key kept. `SPLIT_NO_MOVES=1` turns the item keys off (exact names only)."""
    normalized = [normalize(n) if n else "" for n in names]
    present = set(normalized)
    missing = {k for k in keep_list if k not in present}
    moved_keys = set() if os.environ.get("SPLIT_NO_MOVES") else {item_key(k) for k in missing}
    keep, by_key = [], 0
    for n, m in zip(names, normalized):
        if not n:
            continue
        if m in keep_list:
            keep.append(n)
        elif moved_keys and item_key(m) in moved_keys:
            keep.append(n)
            by_key += 1
    return keep, len(missing), by_key


def read_keep() -> tuple[list[str], set[str]]:
    lessons: list[str] = []
    keep: set[str] = set()
    with open(KEEP_FILE, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# lessons:"):
                lessons = line.split(":", 1)[1].split()
            elif line and not line.startswith("#"):
                keep.add(normalize(line))
    if not lessons or not keep:
        raise SystemExit(f"split_wasm: {KEEP_FILE} names no lessons or no functions")
    return lessons, keep
