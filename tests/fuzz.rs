#![cfg(not(target_arch = "wasm32"))]
//! Property tests (proptest) over every parser of untrusted input: share links
//! and URL parameters (`AppState::from_query`), lesson parameters
//! (`Scenario::validate`), imported trace files (`trace_file::import`) and the
//! embed API's messages (`state::embed_msg`). For every input: no panic, and
//! every rejection is a typed error whose translation exists in English and
//! 简体中文 (the rendered message has no raw key and no unfilled `{…}`).
//!
//! Cases per parser: `FUZZ_CASES` (default 2,000 in the test command;
//! `FUZZ_CASES=250000 cargo test --release --test fuzz` is the benchmark's
//! 1,000,000). Inputs proptest found failing are kept as plain regression
//! tests beside each parser's property.

// One module per parser (a crate root: `#[path]` finds them in tests/fuzz/).
#[path = "fuzz/embed.rs"]
mod embed;
#[path = "fuzz/import.rs"]
mod import;
#[path = "fuzz/links.rs"]
mod links;
#[path = "fuzz/params.rs"]
mod params;

use concurrency_playground::scenarios::ALL;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
}

pub(crate) fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

/// A rendered message is a real translation: not a bare key, no `{placeholder}` left.
pub(crate) fn assert_message(what: &str, msg: &str) {
    assert!(!msg.trim().is_empty(), "{what}: empty message");
    assert!(!msg.starts_with("err.") && !msg.starts_with("import.err.") && !msg.starts_with("embed.err."), "{what}: raw key {msg}");
}

pub(crate) fn no_placeholder(template: &str, msg: &str) {
    // Placeholders of the template must all be filled (input may contain braces itself).
    for part in template.split('{').skip(1) {
        if let Some((name, _)) = part.split_once('}') {
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                assert!(!msg.contains(&format!("{{{name}}}")), "unfilled {{{name}}} in {msg}");
            }
        }
    }
}

// ---------- generators shared by the parsers ----------

/// Text that stresses parsers: numbers near bounds, separators, signs, unicode, controls.
pub(crate) fn nasty_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|v| v.to_string()),
        (-5i64..200_000).prop_map(|v| v.to_string()),
        Just(String::new()),
        Just(" ".into()),
        Just("1_000".into()),
        Just("1,000".into()),
        Just("+5".into()),
        Just("-0".into()),
        Just("1e3".into()),
        Just("0x10".into()),
        Just("NaN".into()),
        Just("99999999999999999999999".into()),
        Just("http://example.com/".into()),
        Just("https://a@b:1/x?y#z".into()),
        Just("javascript:alert(1)".into()),
        Just("{n}".into()),
        Just("fixed".into()),
        Just("virtual".into()),
        Just("zh".into()),
        "[a-z]{0,8}",
        "\\PC{0,24}",
        any::<String>(),
    ]
}

pub(crate) fn known_key() -> impl Strategy<Value = String> {
    let mut keys: Vec<String> = ["lesson", "lang", "clock", "run", "embed", "origins", "url"].iter().map(|s| s.to_string()).collect();
    for s in ALL {
        for p in s.params {
            keys.push(p.key.to_owned());
        }
    }
    keys.sort();
    keys.dedup();
    prop_oneof![4 => proptest::sample::select(keys), 1 => "\\PC{0,10}"]
}
