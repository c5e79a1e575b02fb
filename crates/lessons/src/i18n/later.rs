//! The texts the first lessons (gather and the crawler) do not draw: the other
//! lessons' own texts except their titles (the lesson picker shows every title),
//! and the shared keys (`num.`, `choice.`, `event.`, …) only other lessons use.
//! Natively they are the parts' `LATER` tables; in the wasm they are not
//! compiled in, so the first load stays small, and arrive as `i18n-later.json`
//! (`static/`, generated from those tables and checked by `tests/i18n_later.rs`),
//! installed once by [`install`]. Until then a missing key reads as empty and is
//! remembered ([`missed`]), so the page can redraw once the texts are here. Every
//! key looked up outside the first-load table is remembered too ([`asked`]):
//! e2e fails if a first lesson's page asks for one.

use super::Entry;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

/// The lessons whose texts are all in the wasm (the split's first lessons too:
/// `tools/first-lesson.funcs`, which a test keeps equal).
pub const FIRST_LESSONS: &[&str] = &["gather", "crawler"];

/// The file the page fetches, next to its index.html.
pub const FILE: &str = "i18n-later.json";

static LOADED: OnceLock<Vec<Entry>> = OnceLock::new();
static MISSED: AtomicBool = AtomicBool::new(false);

#[cfg(not(target_arch = "wasm32"))]
fn compiled() -> Vec<Entry> {
    // In this order: `static/i18n-later.json` lists them so (`tests/i18n_later.rs`).
    [
        super::async_lessons::LATER,
        super::cpu_lessons::LATER,
        super::guards::LATER,
        super::page::LATER,
        super::presets::LATER,
        super::process_pool::LATER,
        super::py_runner::LATER,
        super::python_views::LATER,
        super::replay::LATER,
        super::thread_lessons::LATER,
    ]
    .iter()
    .chain(super::LESSON_LATER)
    .flat_map(|part| part.iter().copied())
    .collect()
}

/// The later texts this build has: all of them natively, what was installed in the wasm.
pub fn entries() -> &'static [Entry] {
    #[cfg(not(target_arch = "wasm32"))]
    return LOADED.get_or_init(compiled);
    #[cfg(target_arch = "wasm32")]
    LOADED.get().map_or(&[], Vec::as_slice)
}

/// Are the later texts here (always natively)?
pub fn installed() -> bool {
    cfg!(not(target_arch = "wasm32")) || LOADED.get().is_some()
}

/// What `tr` shows for a key it does not have: empty while the later texts are
/// still on their way (and remembered), the key itself once they are here.
pub fn missing(key: &str) -> &str {
    if installed() {
        key
    } else {
        MISSED.store(true, Ordering::Relaxed);
        ""
    }
}

/// The keys asked for that are not in the wasm's own table, each once
/// (at most [`ASKED_MAX`]): e2e checks that the first lessons ask for none
/// (`tests/e2e/split.mjs`), so every text they draw is in the first load.
static ASKED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
const ASKED_MAX: usize = 512;

/// Remembers that `key` was looked up outside the first-load table. On every
/// such lookup (every text of the other lessons), so a set: a logarithmic look,
/// not a scan of all the keys remembered so far.
pub fn asked(key: &str) {
    if let Ok(mut v) = ASKED.lock() {
        if v.len() < ASKED_MAX && !v.contains(key) {
            v.insert(key.to_owned());
        }
    }
}

/// The keys [`asked`] remembered, space-separated, in key order.
pub fn asked_keys() -> String {
    ASKED.lock().map(|v| v.iter().map(String::as_str).collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

/// Did anything ask for a text before the later texts arrived?
pub fn missed() -> bool {
    MISSED.load(Ordering::Relaxed)
}

/// Parses `i18n-later.json`: an array of `[key, English, 简体中文]`.
pub fn parse(json: &str) -> Result<Vec<(String, String, String)>, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// Installs the fetched texts (once; later calls are ignored). `Err` if the
/// file is not what this build wrote: the page then shows keys, not blanks.
pub fn install(json: &str) -> Result<usize, String> {
    let parsed = parse(json);
    let leaked: Vec<Entry> =
        parsed.as_ref().map(|v| v.iter().map(|(k, en, zh)| -> Entry { (leak(k), leak(en), leak(zh)) }).collect()).unwrap_or_default();
    let n = leaked.len();
    let _ = LOADED.set(leaked);
    parsed.map(|_| n)
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// The file's contents for this build (natively: what `static/i18n-later.json` must hold).
#[cfg(not(target_arch = "wasm32"))]
pub fn json() -> String {
    let rows: Vec<[&str; 3]> = entries().iter().map(|(k, en, zh)| [*k, *en, *zh]).collect();
    let mut out = String::from("[\n");
    for (i, row) in rows.iter().enumerate() {
        out.push_str(&serde_json::to_string(row).expect("strings serialize"));
        out.push_str(if i + 1 < rows.len() { ",\n" } else { "\n" });
    }
    out.push_str("]\n");
    out
}
