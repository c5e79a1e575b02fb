//! Every user-visible string, in English and 简体中文, in one table: each
//! lesson's own texts in one file, `lessons/<id>.rs` (declared by
//! `lesson_texts!` from the crate's one list of lessons, `with_lessons!`), the page-wide and shared
//! ones in parts named by topic (`page`, `replay`, `presets`, `a11y`, `guards`,
//! `process_pool`, `python_views`, `thread_lessons`, …);
//! [`entries`] is the whole table. Keys are stable ids; scenario strings use `<scenario>.<what>`, parameters
//! `<scenario>.<param>`, states `state.<state>`, tracks `track.<name>`.
//! A native test checks that every key the catalogue needs is here in both
//! languages. Templates use `{name}` placeholders, filled by [`fill`].

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// From a URL value or a browser language tag (`zh`, `zh-CN`, `zh-Hans`, `en-US`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") {
            Some(Lang::Zh)
        } else if t == "en" || t.starts_with("en-") || t.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }
    /// The short code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

mod a11y;
mod async_lessons;
mod cpu_lessons;
mod guards;
mod interleave;
pub mod later;
mod page;
mod presets;
mod process_pool;
mod py_runner;
mod python_views;
mod replay;
mod thread_lessons;

/// Every lesson's texts, one file each, `crates/lessons/src/i18n/lessons/<id>.rs`,
/// with a `TABLE` (first load) and a native-only `LATER` (`later`): one line
/// each here, in the order of `scenarios::ALL` (`tests/i18n_lessons.rs`).
macro_rules! lesson_texts {
    ($($id:ident),* $(,)?) => {
        mod lessons {
            $(pub mod $id;)*
        }
        static LESSON_TABLES: &[&[Entry]] = &[$(lessons::$id::TABLE),*];
        #[cfg(not(target_arch = "wasm32"))]
        pub(crate) static LESSON_LATER: &[&[Entry]] = &[$(lessons::$id::LATER),*];
        /// Each lesson's file: its id, `TABLE` and `LATER` (`tests/i18n_lessons.rs`).
        #[cfg(not(target_arch = "wasm32"))]
        pub static LESSON_FILES: &[(&str, &[Entry], &[Entry])] = &[$((stringify!($id), lessons::$id::TABLE, lessons::$id::LATER)),*];
    };
}
with_lessons!(lesson_texts);

/// (key, English, 简体中文)
pub type Entry = (&'static str, &'static str, &'static str);

/// The parts of the one table; keys are unique across all of them (a test checks).
static PARTS: &[&[Entry]] = &[
    page::TABLE,
    async_lessons::TABLE,
    replay::TABLE,
    interleave::TABLE,
    python_views::TABLE,
    py_runner::TABLE,
    presets::TABLE,
    a11y::TABLE,
];

pub use interleave::{blocked_text, schedule_error};

/// The entries compiled into the wasm (everything but [`later`]'s).
pub fn in_first_load() -> impl Iterator<Item = &'static Entry> {
    PARTS.iter().chain(LESSON_TABLES).flat_map(|part| part.iter())
}

/// Every entry of the table (in the wasm: the later texts once they arrived, [`later`]).
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    in_first_load().chain(later::entries().iter())
}

/// The entry for `key`: one plain loop over the parts, not inlined. (The
/// chained, flattened iterator it replaces was unrolled over every part at each
/// of `tr`'s and `has`'s call sites: 37 KB of the first load's code.)
#[inline(never)]
fn find(key: &str) -> Option<&'static Entry> {
    for part in PARTS.iter().chain(LESSON_TABLES) {
        for e in part.iter() {
            if e.0 == key {
                return Some(e);
            }
        }
    }
    later::asked(key);
    later::entries().iter().find(|e| e.0 == key)
}

/// The text for `key` in `lang`; the key itself if missing (tests keep that from
/// happening), empty while the later texts are on their way ([`later::missing`]).
pub fn tr(lang: Lang, key: &str) -> &str {
    match find(key) {
        Some((_, en, zh)) => match lang {
            Lang::En => en,
            Lang::Zh => zh,
        },
        None => later::missing(key),
    }
}

/// Is there an entry for `key`?
pub fn has(key: &str) -> bool {
    find(key).is_some()
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = template.to_owned();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// A lane name for display: the engine names lanes `<kind> <n>` in English
/// (`request 3`, `worker 0`); the kind is translated through `lane.<kind>`.
pub fn lane_name(lang: Lang, name: &str) -> String {
    match name.split_once(' ') {
        Some((kind, rest)) if has(&format!("lane.{kind}")) => format!("{} {rest}", tr(lang, &format!("lane.{kind}"))),
        _ => name.to_owned(),
    }
}

/// A run-wide event's marker text: `event.<name>` with `{n}` = its detail.
pub fn event_text(lang: Lang, name: &str, detail: Option<&str>) -> String {
    let key = format!("event.{name}");
    if has(&key) {
        fill(tr(lang, &key), &[("n", detail.unwrap_or(""))])
    } else {
        detail.unwrap_or(name).to_owned()
    }
}

/// A parameter error, explained in `lang`.
pub fn param_error(lang: Lang, scenario: &str, e: &crate::engine::params::ParamError) -> String {
    use crate::engine::params::ParamError::*;
    let key = format!("{scenario}.{}", e.key());
    let label = tr(lang, &key);
    match e {
        NotANumber { input, .. } => fill(tr(lang, "err.not_a_number"), &[("param", label), ("input", input)]),
        OutOfRange { value, min, max, .. } => fill(
            tr(lang, "err.out_of_range"),
            &[("param", label), ("value", &value.to_string()), ("min", &min.to_string()), ("max", &max.to_string())],
        ),
        UnknownChoice { input, options, .. } => {
            fill(tr(lang, "err.unknown_choice"), &[("param", label), ("input", input), ("options", &options.join(", "))])
        }
        BadUrl { input, problem, .. } => {
            use crate::engine::params::UrlProblem;
            let (key, max) = match problem {
                UrlProblem::Scheme => ("err.bad_url_scheme", 0),
                UrlProblem::Whitespace => ("err.bad_url_space", 0),
                UrlProblem::TooLong { max } => ("err.bad_url_long", *max),
                UrlProblem::NoHost => ("err.bad_url_host", 0),
            };
            fill(tr(lang, key), &[("param", label), ("input", input), ("max", &max.to_string())])
        }
        ListLength { len, min, max, .. } => fill(
            tr(lang, "err.list_length"),
            &[("param", label), ("len", &len.to_string()), ("min", &min.to_string()), ("max", &max.to_string())],
        ),
        UserUrlCap { value, max, .. } => {
            fill(tr(lang, "err.user_url_cap"), &[("param", label), ("value", &value.to_string()), ("max", &max.to_string())])
        }
    }
}

/// Formats a millisecond value compactly: `950 ms`, `1.25 s`, `0.40 ms`.
pub fn fmt_ms(ms: f64) -> String {
    if ms == 0.0 {
        "0".into()
    } else if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.2} ms")
    }
}
