"""Puts `# --- harness: …` / `# --- end harness` around a listing's argument parsing,
its --json/printed report and its __main__ guard (the listing view folds them).
Usage: python3 tools/fold_markers.py python/<id>.py …  (files that have markers are skipped)"""
import re, sys, pathlib
OPEN, CLOSE = "# --- harness", "# --- end harness"

def indent(l): return len(l) - len(l.lstrip())

def block_end(lines, i):
    """Last line of the compound statement starting at i (its deeper-indented body, plus elif/else)."""
    base = indent(lines[i]); j = i + 1; last = i
    while j < len(lines):
        l = lines[j]
        if l.strip() == "":
            j += 1; continue
        if indent(l) > base or (indent(l) == base and re.match(r"\s*(elif\b|else\s*:)", l)):
            last = j; j += 1; continue
        break
    return last

def regions(lines):
    out = []
    n = len(lines); i = 0
    while i < n:
        l = lines[i]
        if l.startswith("def parse_args("):
            j = block_end(lines, i); out.append((i, j, "argument parsing")); i = j + 1; continue
        if re.match(r"\s*\w+ = argparse\.ArgumentParser\(", l):
            j = i
            while j < n and ".parse_args(" not in lines[j]: j += 1
            # validation right after: `if …:` blocks that call .error(
            while j + 1 < n and re.match(r"\s*if\b", lines[j + 1]):
                k = block_end(lines, j + 1)
                if any(".error(" in x for x in lines[j + 1:k + 1]): j = k
                else: break
            out.append((i, j, "argument parsing")); i = j + 1; continue
        if re.match(r"\s*if \w+\.json\s*:", l):
            j = block_end(lines, i); out.append((i, j, "the report (--json for the playground's checks, else printed)")); i = j + 1; continue
        if l.startswith("if __name__ == "):
            j = block_end(lines, i); out.append((i, j, "run as a script")); i = j + 1; continue
        i += 1
    return out

for path in sys.argv[1:]:
    p = pathlib.Path(path); lines = p.read_text().split("\n")
    if any(OPEN in l for l in lines): continue
    regs = regions(lines)
    for (a, b, what) in reversed(regs):
        ind = " " * indent(lines[a])
        lines.insert(b + 1, f"{ind}{CLOSE}")
        lines.insert(a, f"{ind}{OPEN}: {what}")
    p.write_text("\n".join(lines))
    print(path, len(regs))
