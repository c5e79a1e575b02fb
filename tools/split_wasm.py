#!/usr/bin/env python3
"""Splits the release wasm in two, so that the first lesson loads only what it runs.

The primary module keeps the functions listed in `tools/first-lesson.funcs` (what
opening the page and running its first lessons called, recorded by
`node tests/e2e/split_profile.mjs`) plus all data; every other function moves to a
secondary module (`<stem>-<sha>.rest.wasm`) that the page fetches once it runs, or
before it starts when the link opens a lesson outside the list. Binaryen's
`wasm-split` (Debian's `binaryen`, installed by scripts/setup.sh) does the split:
each moved function leaves a placeholder in the table, and the loader added to
wasm-bindgen's JS glue (`split_loader.js`, next to this file) fills the table from
the secondary module. A placeholder called before that loads it synchronously
(workers, or a lesson switch before the background load finished), so a stale
list costs speed, never correctness; e2e checks that the first lesson's run calls
no placeholder.

Run by Trunk (Trunk.toml [[hooks]], post_build, release only; `SPLIT=0` skips it),
or by hand: `python3 tools/split_wasm.py DIR`. For the profile script:
`--names WASM` prints the defined functions' names (hash removed), one per line;
`--instrument IN OUT` writes a copy that records which functions ran.
"""

from __future__ import annotations

import base64
import glob
import gzip
import hashlib
import os
import re
import subprocess
import sys
import tempfile

from keep_list import KEEP_FILE, normalize, read_keep, select_keep
from wasm_module import assemble, custom_name, enc, function_names, leb, sections, table_types

HERE = os.path.dirname(os.path.abspath(__file__))
LOADER = os.path.join(HERE, "split_loader.js")
# What this build uses (rustc's wasm32 defaults plus threads, externref and SIMD).
FEATURES = [f"--enable-{f}" for f in (
    "threads", "bulk-memory", "mutable-globals", "sign-ext",
    "nontrapping-float-to-int", "reference-types", "multivalue", "simd")]
WASM_OPT = os.path.join(HERE, "node_modules", ".bin", "wasm-opt")
ESBUILD = os.path.join(HERE, "node_modules", ".bin", "esbuild")
def fix_table_exports(data: bytes) -> bytes:
    """Binaryen 108 writes every table export as table 0: point wasm-bindgen's
    externref table export back at the externref table."""
    secs = sections(data)
    externref = None
    for sid, body in secs:
        if sid == 4:
            externref = next((t for t, elem in enumerate(table_types(body)) if elem == 0x6F), None)
    out = []
    for sid, body in secs:
        if sid == 7 and externref is not None:
            n, k = leb(body, 0)
            nb = bytearray(enc(n))
            for _ in range(n):
                ln, k2 = leb(body, k)
                name = body[k2:k2 + ln]
                kind = body[k2 + ln]
                idx, k = leb(body, k2 + ln + 1)
                if kind == 1 and name == b"__wbindgen_externrefs":
                    idx = externref
                nb += enc(ln) + name + bytes([kind]) + enc(idx)
            body = bytes(nb)
        out.append((sid, body))
    return assemble(data, out)


def lower_table_fill(data: bytes) -> bytes:
    """Binaryen 108 cannot read `table.fill`, which wasm-bindgen's externref shims
    use to clear one slot (`ref.null extern; i32.const 1; table.fill T`). Rewrite
    each as the equivalent `ref.null extern; table.set T; nop; nop; nop` (same
    length, so no size changes anywhere)."""
    fill = re.compile(rb"\xd0\x6f\x41\x01\xfc\x11([\x00-\x7f])")
    out = []
    for sid, body in sections(data):
        if sid == 10:
            body = fill.sub(lambda m: b"\xd0\x6f\x26" + m.group(1) + b"\x01\x01\x01", body)
        out.append((sid, body))
    return assemble(data, out)


ID_CHARS = set(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&'*+-./:<=>?@\\^_`|~")


def binaryen_name(name: str) -> str:
    """How binaryen 108 names a function read from the name section: any
    character outside the text format's id characters becomes `\\xx`."""
    raw = name.encode("utf-8")
    if all(c in ID_CHARS for c in raw):
        return name
    return "".join(chr(c) if c in ID_CHARS else f"\\{c:02x}" for c in raw)


def strip_names(data: bytes) -> bytes:
    return assemble(data, [(sid, body) for sid, body in sections(data)
                           if not (sid == 0 and custom_name(body) == b"name")])


# --- the build step ----------------------------------------------------------

def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def short(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def replace_once(text: str, old: str, new: str, what: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"split_wasm: the glue changed shape ({what}: found {text.count(old)}x)")
    return text.replace(old, new)


def patch_rayon_workers(directory: str, html: str) -> str:
    """wasm-bindgen-rayon's workers get the page's compiled rest in their init message
    (`__playgroundRest`, tools/split_loader.js), so each pool thread instantiates it
    instead of fetching and compiling it again. Returns `html` with the file's new
    integrity (index.html preloads it)."""
    found = glob.glob(os.path.join(directory, "snippets", "wasm-bindgen-rayon-*", "src", "workerHelpers.no-bundler.js"))
    if len(found) != 1:
        raise SystemExit(f"split_wasm: expected wasm-bindgen-rayon's workerHelpers.no-bundler.js once, found {found}")
    text = open(found[0], encoding="utf-8").read()
    text = replace_once(text, "  const pkg = await import(data.mainJS);\n",
                        "  if (data.rest) self.__playgroundRest = data.rest;\n"
                        "  const pkg = await import(data.mainJS);\n", "rayon worker start")
    text = replace_once(text, "    mainJS: builder.mainJS()\n",
                        "    mainJS: builder.mainJS(),\n    rest: self.__playgroundRest\n", "rayon worker init")
    with open(found[0], "w", encoding="utf-8") as f:
        f.write(text)
    href = "/" + os.path.relpath(found[0], directory).replace(os.sep, "/")
    return re.sub(rf'(href="{re.escape(href)}"[^>]*integrity=")[^"]*', rf"\g<1>{sri(text.encode())}", html)


def split(directory: str) -> None:
    wasms = [f for f in os.listdir(directory) if f.endswith("_bg.wasm")]
    if len(wasms) != 1:
        raise SystemExit(f"split_wasm: expected one *_bg.wasm in {directory}, found {wasms}")
    wasm_name = wasms[0]
    glues = [f for f in os.listdir(directory) if f.endswith(".js")
             and "__wbg_finalize_init" in open(os.path.join(directory, f), encoding="utf-8").read()]
    if len(glues) != 1:
        raise SystemExit(f"split_wasm: expected one wasm-bindgen glue in {directory}, found {glues}")
    glue_name = glues[0]
    stem = wasm_name.rsplit("-", 1)[0]
    data = open(os.path.join(directory, wasm_name), "rb").read()
    names = function_names(data)
    if not any(names):
        raise SystemExit("split_wasm: the wasm has no names (release profile needs strip = false)")
    lessons, keep_list = read_keep()
    if os.environ.get("SPLIT_EXACT"):
        keep, missing, by_key = [n for n in names if n and n in keep_list], 0, 0
    else:
        keep, missing, by_key = select_keep(names, keep_list)
    if missing:
        print(f"split_wasm: {missing} names of {os.path.basename(KEEP_FILE)} are not in this build; "
              f"{by_key} functions kept by their item name instead (a move); remake the list "
              "(CONTRIBUTING.md, 'The first load')", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        keep_path = os.path.join(tmp, "keep.txt")
        with open(keep_path, "w", encoding="utf-8") as f:
            # Unnamed functions (wasm-bindgen's own, e.g. a thread's start-up) stay
            # too; binaryen calls them by their index among the defined functions.
            unnamed = [str(i) for i, n in enumerate(names) if not n]
            f.write("\n".join([binaryen_name(n) for n in keep] + unnamed) + "\n")
        src, p_path, s_path = (os.path.join(tmp, x) for x in ("in.wasm", "p.wasm", "s.wasm"))
        with open(src, "wb") as f:
            f.write(lower_table_fill(data))
        subprocess.run(["wasm-split", *FEATURES, "--quiet", f"--keep-funcs=@{keep_path}",
                        src, "-o1", p_path, "-o2", s_path, "--placeholdermap"], check=True)
        # Which function each placeholder slot stands for (debugging a stale list).
        with open(p_path + ".placeholders", encoding="utf-8") as f:
            placeholders = f.read()
        primary = strip_names(fix_table_exports(open(p_path, "rb").read()))
        kept = len(function_names(primary))
        if kept < len(keep) + len(unnamed):
            raise SystemExit(f"split_wasm: wasm-split kept {kept} of the {len(keep) + len(unnamed)} functions asked for")
        # The first load is what counts: binaryen's wasm-opt -Oz (npm, tools/,
        # new enough for threads) takes the primary module ~2% further.
        with open(p_path, "wb") as f:
            f.write(primary)
        subprocess.run([WASM_OPT, "-Oz", *FEATURES, p_path, "-o", p_path], check=True)
        primary = open(p_path, "rb").read()
        secondary = strip_names(open(s_path, "rb").read())

    rest_name = f"{stem}-{short(secondary)}.rest.wasm"
    if os.environ.get("SPLIT_MAP"):
        with open(os.environ["SPLIT_MAP"], "w", encoding="utf-8") as f:
            f.write(placeholders)
    with open(os.path.join(directory, rest_name), "wb") as f:
        f.write(secondary)
    new_wasm = f"{stem}-{short(primary)}_bg.wasm"
    os.remove(os.path.join(directory, wasm_name))
    with open(os.path.join(directory, new_wasm), "wb") as f:
        f.write(primary)

    glue = open(os.path.join(directory, glue_name), encoding="utf-8").read()
    glue = replace_once(glue, '        "./concurrency-playground_bg.js": import0,\n',
                        '        "./concurrency-playground_bg.js": import0,\n'
                        '        placeholder: __splitPlaceholders,\n', "imports")
    glue = replace_once(glue, "    wasm = instance.exports;\n",
                        "    wasm = instance.exports;\n    __splitInstantiate();\n", "finalize")
    loader = open(LOADER, encoding="utf-8").read()
    glue += "\n" + loader.replace("__SPLIT_REST__", rest_name).replace(
        "__SPLIT_FIRST__", " ".join(lessons))
    # Minified (esbuild, npm, tools/): the glue is part of the first load too.
    glue_bytes = subprocess.run([ESBUILD, "--minify", "--format=esm", "--log-level=warning"],
                                input=glue.encode("utf-8"), capture_output=True, check=True).stdout
    new_glue = f"{stem}-{short(glue_bytes)}.js"
    os.remove(os.path.join(directory, glue_name))
    with open(os.path.join(directory, new_glue), "wb") as f:
        f.write(glue_bytes)

    index = os.path.join(directory, "index.html")
    html = open(index, encoding="utf-8").read()
    html = html.replace(glue_name, new_glue).replace(wasm_name, new_wasm)
    html = re.sub(rf'(href="/{re.escape(new_glue)}"[^>]*integrity=")[^"]*', rf"\g<1>{sri(glue_bytes)}", html)
    html = re.sub(rf'(href="/{re.escape(new_wasm)}"[^>]*integrity=")[^"]*', rf"\g<1>{sri(primary)}", html)
    start, boot = "const wasm = await init(", "await bindings.splitBoot();\nconst wasm = await init("
    if start in html:  # trunk's inline start-up script (before scripts/csp_dist.py)
        html = replace_once(html, start, boot, "boot")
    else:  # already moved into boot-<sha>.js by csp_dist.py
        old = [f for f in os.listdir(directory) if f.startswith("boot-") and f.endswith(".js")]
        if len(old) != 1:
            raise SystemExit(f"split_wasm: no start-up script found (boot files: {old})")
        text = open(os.path.join(directory, old[0]), encoding="utf-8").read()
        text = replace_once(text.replace(glue_name, new_glue).replace(wasm_name, new_wasm),
                            start, boot, "boot")
        os.remove(os.path.join(directory, old[0]))
        name = f"boot-{hashlib.sha256(text.encode()).hexdigest()[:16]}.js"
        with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
            f.write(text)
        html = html.replace(old[0], name)
    html = patch_rayon_workers(directory, html)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)

    def gz(b: bytes) -> int:
        return len(gzip.compress(b, 9))
    print(f"split_wasm: kept {len(keep)} of {len(names)} functions for {', '.join(lessons)}: "
          f"{new_wasm} {len(primary)} B ({gz(primary)} gzipped), {new_glue} {len(glue_bytes)} B "
          f"({gz(glue_bytes)} gzipped); {rest_name} {len(secondary)} B ({gz(secondary)} gzipped)",
          file=sys.stderr)


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--instrument":
        with open(sys.argv[2], "rb") as f:
            lowered = lower_table_fill(f.read())
        with open(sys.argv[3], "wb") as f:
            f.write(lowered)
        subprocess.run(["wasm-split", *FEATURES, "--quiet", "--instrument", sys.argv[3],
                        "-o", sys.argv[3]], check=True)
        with open(sys.argv[3], "rb") as f:
            fixed = fix_table_exports(f.read())
        with open(sys.argv[3], "wb") as f:
            f.write(fixed)
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "--names":
        for n in function_names(open(sys.argv[2], "rb").read()):
            print(n if os.environ.get("SPLIT_EXACT") else normalize(n))
        return 0
    profile = os.environ.get("TRUNK_PROFILE")
    if os.environ.get("SPLIT") == "0" or (profile and profile != "release"):
        return 0
    directory = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "")
    if not directory or not os.path.isfile(os.path.join(directory, "index.html")):
        print("split_wasm: no index.html (pass DIR or run as a trunk hook)", file=sys.stderr)
        return 2
    split(directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
