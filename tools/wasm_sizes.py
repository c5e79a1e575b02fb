#!/usr/bin/env python3
"""Where the bytes of a wasm module go (stdlib only; BENCHMARKS.md "First load").

    python3 tools/wasm_sizes.py FILE.wasm [--top N]

Prints each section's raw and gzip -9 size and, when the module still has its
"name" section (a build with `strip = "none"`, e.g. the cargo profile
`--profile names --config 'profile.names.inherits="release"' --config
'profile.names.strip="none"'`), the code bytes per crate and the largest
functions. Function names are as wasm-ld demangles them; the crate is the
first path segment (generic impls are attributed to the trait's or type's crate).
"""
import gzip
import re
import sys
from collections import Counter

from wasm_module import imported_funcs, leb, names_by_index

SECTIONS = {0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory',
            6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data',
            12: 'datacount', 13: 'tag'}


def gz(data):
    return len(gzip.compress(data, 9))


def sections(buf):
    pos = 8
    while pos < len(buf):
        sid = buf[pos]
        size, body = leb(buf, pos + 1)
        name = SECTIONS.get(sid, str(sid))
        if sid == 0:
            nlen, p = leb(buf, body)
            name = 'custom:' + buf[p:p + nlen].decode('utf8', 'replace')
        yield sid, name, buf[body:body + size]
        pos = body + size


def v0_idents(sym):
    """The identifiers of a v0-mangled symbol (`_R…`), in order: a rough reading
    (disambiguators and back-references skipped), enough to attribute code."""
    out, i = [], 2
    while i < len(sym):
        c = sym[i]
        if c.isdigit():
            m = re.match(r'\d+', sym[i:])
            n, i = int(m.group(0)), i + m.end()
            if i < len(sym) and sym[i] == '_':
                i += 1
            out.append(sym[i:i + n])
            i += n
            continue
        m = re.match(r'[sB][0-9a-zA-Z]*_', sym[i:]) if c in 'sB' else None
        i += m.end() if m else 1
    return out


def crate_of(name):
    if name.startswith('_R'):
        ids = v0_idents(name)
        if not ids:
            return '(v0 ?)'
        if ids[0] in ('concurrency_playground', 'playground_lessons') and len(ids) > 1:
            return ids[0] + '::' + ids[1]
        return ids[0]
    # "<T as crate::Trait>::f" -> crate of the trait; "<crate::T>::f" -> crate of T.
    m = re.match(r'<(?:.+? as )?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)::', name)
    if m:
        return m.group(1)
    m = re.match(r'([A-Za-z_][A-Za-z0-9_]*)::', name)
    return m.group(1) if m else '(other: ' + name.split('::')[0][:30] + ')'


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index('--top') + 1]) if '--top' in sys.argv else 40
    buf = open(path, 'rb').read()
    print(f'{path}: {len(buf) / 1024:.0f} KB raw, {gz(buf) / 1024:.0f} KB gzip -9')
    code = None
    n_imports = 0
    names = {}
    for sid, name, body in sections(buf):
        print(f'  {name:28} {len(body) / 1024:8.1f} KB raw {gz(body) / 1024:8.1f} KB gzip')
        if sid == 2:
            n_imports = imported_funcs(body)
        elif sid == 10:
            code = body
        elif name == 'custom:name':
            nlen, p = leb(body, 0)
            names = names_by_index(body[p + nlen:])
    if not names or code is None:
        print('(no name section: build with strip = "none" for per-crate figures)')
        return
    count, p = leb(code, 0)
    funcs = []
    for i in range(count):
        size, q = leb(code, p)
        name = names.get(n_imports + i, f'func{n_imports + i}')
        funcs.append((size, name, code[q:q + size]))
        p = q + size
    by_crate = Counter()
    bodies = {}
    for size, name, body in funcs:
        c = crate_of(name)
        by_crate[c] += size
        bodies.setdefault(c, []).append(body)
    total = sum(by_crate.values())
    print(f'\ncode by crate ({len(funcs)} functions, {total / 1024:.0f} KB raw):')
    for c, size in by_crate.most_common(top):
        print(f'  {c:40} {size / 1024:8.1f} KB raw {gz(b"".join(bodies[c])) / 1024:8.1f} KB gzip'
              f' {100 * size / total:5.1f}%')
    print(f'\nlargest functions:')
    for size, name, _ in sorted(funcs, key=lambda f: -f[0])[:top]:
        shown = '::'.join(v0_idents(name)) if name.startswith('_R') else name
        print(f'  {size / 1024:7.1f} KB  {shown[:150]}')


if __name__ == '__main__':
    main()
