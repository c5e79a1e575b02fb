"""Marks what a listing's reader would not write, for the listing view to fold
(src/view/listing_fold.rs): comments only, so CPython runs the file unchanged.
  - `# --- harness: set-up …` / `# --- end harness` around the module docstring and
    the imports up to the last one of a harness module (argparse, json, simnet, gilwork);
  - `# rec` at the end of each line of a statement that only records for the
    playground (tools/recording.patterns);
  - `# --- harness: …` blocks around the argument parsing, the --json/printed
    report and the __main__ guard (in a file that has none yet).
Usage: python3 tools/fold_markers.py python/<id>.py …  (what a file has already is kept)
Blocks a pattern cannot see (a class that only records, the simulated server) are
marked by hand: `# --- harness: recording …`, `# --- harness: the simulated …`."""
import io, pathlib, re, sys, tokenize
OPEN, CLOSE, REC = "# --- harness", "# --- end harness", "# rec"
HARNESS_MODULES = {"argparse", "json", "simnet", "gilwork"}
PATTERNS = [l.strip() for l in (pathlib.Path(__file__).parent / "recording.patterns").read_text().splitlines()
            if l.strip() and not l.startswith("#")]
REC_NOTE = '# Lines ending in "# rec" only record what the playground draws (its timeline, its report).'


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


def in_blocks(lines):
    """Indices of lines inside (or on) a harness block's markers."""
    inside, depth = set(), False
    for i, l in enumerate(lines):
        t = l.strip()
        if t.startswith(OPEN) and not t.startswith(CLOSE): depth = True
        if depth: inside.add(i)
        if t == CLOSE: depth = False
    return inside


def imported(line):
    m = re.match(r"\s*(?:from\s+([\w.]+)\s+import|import\s+(.+))", line)
    if not m: return set()
    names = [m.group(1)] if m.group(1) else [n.split()[0] for n in m.group(2).split("#")[0].split(",")]
    return {n.split(".")[0] for n in names}


def setup_region(lines):
    """(first, last) lines of the docstring and the imports through the last harness import, or None."""
    if not lines or lines[0].startswith(OPEN) or not lines[0].startswith('"""'): return None
    i = 0 if lines[0].count('"""') >= 2 and len(lines[0].strip()) > 3 else next(
        (k for k in range(1, len(lines)) if '"""' in lines[k]), 0)
    last = None
    for k in range(i + 1, len(lines)):
        t = lines[k].strip()
        if t == "" or t.startswith("#"): continue
        if not imported(lines[k]): break
        if imported(lines[k]) & HARNESS_MODULES: last = k
    return (0, last if last is not None else i)


def statements(text):
    """(first, last) physical lines (0-based) of each simple statement, and whether
    a comment may end each of its lines (no multi-line string, no backslash)."""
    out, start, ok = [], None, True
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING): continue
        if tok.type == tokenize.NEWLINE:
            if start is not None: out.append((start, tok.start[0] - 1, ok))
            start, ok = None, True; continue
        if start is None: start = tok.start[0] - 1
        if tok.type == tokenize.STRING and tok.start[0] != tok.end[0]: ok = False
    lines = text.split("\n")
    return [(a, b, ok and not any(lines[k].rstrip().endswith("\\") for k in range(a, b + 1))) for a, b, ok in out]


def mark_recording(lines):
    """Ends each line of a recording statement with `# rec`; returns the blocks
    (first, last, label) for statements of 3 lines or more, marked as blocks."""
    skip, n, blocks = in_blocks(lines), 0, []
    for a, b, ok in statements("\n".join(lines)):
        body = lines[a:b + 1]
        if any(k in skip for k in range(a, b + 1)) or body[0].rstrip().endswith(":"): continue
        if not any(p in l.split("  #")[0] for l in body for p in PATTERNS): continue
        if b - a >= 2 or not ok:
            blocks.append((a, b, "recording")); continue
        for k in range(a, b + 1):
            if not lines[k].rstrip().endswith(REC):
                lines[k] = lines[k].rstrip() + "  " + REC; n += 1
    return n, blocks


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
    regs = [] if any(OPEN in l for l in lines) else regions(lines)
    recs, blocks = mark_recording(lines)
    regs += blocks
    top = setup_region(lines)
    if top:
        net = any("simnet" in imported(l) for l in lines[top[0]:top[1] + 1])
        what = "set-up and the simulated network (simnet.py): notes, imports" if net else "set-up: notes, how to run it, imports"
        note = [REC_NOTE] if recs or any(l.rstrip().endswith(REC) for l in lines) else []
        regs.append((top[0], top[1], what, note))
    for (a, b, what, *note) in sorted(regs, reverse=True):
        ind = " " * indent(lines[a])
        lines[b + 1:b + 1] = (note[0] if note else []) + [f"{ind}{CLOSE}"]
        lines.insert(a, f"{ind}{OPEN}: {what}")
    p.write_text("\n".join(lines))
    print(path, f"{len(regs)} blocks, {recs} lines marked # rec")
