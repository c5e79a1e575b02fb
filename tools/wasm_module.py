"""Reading and rewriting a wasm module's binary (stdlib only), for the tools
that look inside the release wasm: `split_wasm.py` (the first-load split) and
`wasm_sizes.py` (where the bytes go)."""

from __future__ import annotations


def leb(buf: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 at `pos`: (value, position after it)."""
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def enc(n: int) -> bytes:
    """`n` as an unsigned LEB128."""
    out = bytearray()
    while True:
        x, n = n & 0x7F, n >> 7
        out.append(x | 0x80 if n else x)
        if not n:
            return bytes(out)


def sections(data: bytes) -> list[tuple[int, bytes]]:
    """The module's sections in order: (id, body)."""
    if data[:4] != b"\0asm":
        raise ValueError("not a wasm module")
    out, pos = [], 8
    while pos < len(data):
        size, body = leb(data, pos + 1)
        out.append((data[pos], data[body:body + size]))
        pos = body + size
    return out


def assemble(head: bytes, secs: list[tuple[int, bytes]]) -> bytes:
    """A module from `head`'s magic and version and the sections `secs`."""
    return head[:8] + b"".join(bytes([sid]) + enc(len(body)) + body for sid, body in secs)


def custom_name(body: bytes) -> bytes:
    """A custom section's name."""
    n, k = leb(body, 0)
    return body[k:k + n]


def limits(body: bytes, p: int) -> int:
    """Skips a table's or memory's limits (flags, min, max if flagged) at `p`."""
    flags, p = leb(body, p)
    _, p = leb(body, p)
    if flags & 1:
        _, p = leb(body, p)
    return p


def table_types(body: bytes) -> list[int]:
    """The element type of each table a table section defines (0x70 funcref, 0x6F externref)."""
    count, p = leb(body, 0)
    types = []
    for _ in range(count):
        types.append(body[p])
        p = limits(body, p + 1)
    return types


def imported_funcs(body: bytes) -> int:
    """How many functions an import section imports (they come first in the index space)."""
    count, p = leb(body, 0)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, p = leb(body, p)
            p += n
        kind = body[p]
        p += 1
        if kind == 0:  # function: type index
            _, p = leb(body, p)
            funcs += 1
        elif kind in (1, 2):  # table (element type first) or memory: limits
            p = limits(body, p + (kind == 1))
        elif kind == 3:  # global: type and mutability
            p += 2
        elif kind == 4:  # tag: attribute and type index
            p += 1
            _, p = leb(body, p)
        else:
            raise ValueError(f"unknown import kind {kind}")
    return funcs


def names_by_index(name_body: bytes) -> dict[int, str]:
    """The function names of a "name" section's body (after its own name)."""
    names = {}
    p = 0
    while p < len(name_body):
        sub = name_body[p]
        size, p = leb(name_body, p + 1)
        if sub == 1:
            count, q = leb(name_body, p)
            for _ in range(count):
                idx, q = leb(name_body, q)
                n, q = leb(name_body, q)
                names[idx] = name_body[q:q + n].decode("utf-8", "replace")
                q += n
        p += size
    return names


def function_names(data: bytes) -> list[str]:
    """Names of the module's defined functions, in order ('' where unnamed)."""
    imported = defined = 0
    names: dict[int, str] = {}
    for sid, body in sections(data):
        if sid == 2:
            imported = imported_funcs(body)
        elif sid == 3:
            defined, _ = leb(body, 0)
        elif sid == 0 and custom_name(body) == b"name":
            names = names_by_index(body[len(b"name") + 1:])
    return [names.get(imported + i, "") for i in range(defined)]
