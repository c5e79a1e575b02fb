//! CPython's measured costs, read at compile time from `data/cpython_costs.json`,
//! which one command writes: `python3 python/tools/cpython_costs.py --write`
//! (process start-up and pickling from `python/chooser.py`'s measure(), the
//! switch interval, CPython's slowdown against wasm per CPU lesson). The file
//! holds each value with the date, the command, the machine and how each was
//! obtained; nothing here is copied by hand. `tests/measured.rs` parses the
//! same file with serde_json and checks every value the code uses equals it.

/// The generated file, as committed.
pub const COSTS_JSON: &str = include_str!("../../../../../data/cpython_costs.json");

/// The number under `key` in the file's `"values"` object. A key that is
/// missing, or a value that is not a plain decimal (`12.345`), is a compile
/// error where this is used in a constant.
pub const fn value(key: &str) -> f64 {
    let s = COSTS_JSON.as_bytes();
    let (start, end) = values_object(s);
    let k = key.as_bytes();
    let mut i = start;
    while i + k.len() + 2 < end {
        if s[i] == b'"' && same(s, i + 1, k) && s[i + 1 + k.len()] == b'"' && s[i + 2 + k.len()] == b':' {
            let mut j = i + 3 + k.len();
            while j < end && s[j] == b' ' {
                j += 1;
            }
            return decimal(s, j);
        }
        i += 1;
    }
    panic!("data/cpython_costs.json: a key is missing from \"values\"")
}

/// When the file was written (its `"about"`'s `"date"`, e.g. `2026-12-07 15:50 UTC`),
/// for the page to say when its modelled CPython figures were measured.
pub fn date() -> &'static str {
    let tag = "\"date\": \"";
    COSTS_JSON.find(tag).map(|i| &COSTS_JSON[i + tag.len()..]).and_then(|r| r.find('"').map(|j| &r[..j])).unwrap_or("?")
}

/// Byte range of the text between `"values": {` and its `}` (the object is flat).
const fn values_object(s: &[u8]) -> (usize, usize) {
    let tag = b"\"values\": {";
    let mut i = 0;
    while i + tag.len() <= s.len() {
        if same(s, i, tag) {
            let mut j = i + tag.len();
            while j < s.len() && s[j] != b'}' {
                j += 1;
            }
            return (i + tag.len(), j);
        }
        i += 1;
    }
    panic!("data/cpython_costs.json: no \"values\" object")
}

const fn same(s: &[u8], at: usize, k: &[u8]) -> bool {
    if at + k.len() > s.len() {
        return false;
    }
    let mut i = 0;
    while i < k.len() {
        if s[at + i] != k[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A plain decimal at `at`: digits, optionally `.` and digits. The digits as
/// one integer divided by a power of ten, both exact in f64 (at most 15
/// digits, at most 15 decimals), so the result is the correctly rounded
/// value, as serde_json parses it.
const fn decimal(s: &[u8], at: usize) -> f64 {
    let (mut i, mut mantissa, mut digits, mut decimals, mut point) = (at, 0u64, 0u32, 0u32, false);
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() {
            mantissa = mantissa * 10 + (c - b'0') as u64;
            digits += 1;
            if point {
                decimals += 1;
            }
        } else if c == b'.' && !point {
            point = true;
        } else if c == b',' || c == b'\n' || c == b' ' || c == b'}' {
            break;
        } else {
            panic!("data/cpython_costs.json: a value is not a plain decimal");
        }
        i += 1;
    }
    if digits == 0 || digits > 15 || decimals > 15 {
        panic!("data/cpython_costs.json: a value is not a plain decimal of at most 15 digits");
    }
    let mut scale = 1.0;
    while decimals > 0 {
        scale *= 10.0;
        decimals -= 1;
    }
    mantissa as f64 / scale
}
