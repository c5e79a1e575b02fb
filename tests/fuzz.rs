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
//! tests at the end of this file.

use concurrency_playground::engine::params::{ParamError, ParamKind};
use concurrency_playground::i18n::{fill, has, param_error, tr, Lang};
use concurrency_playground::scenarios::{self, run_virtual, ALL};
use concurrency_playground::state::embed_msg::{self, EmbedCommand, EmbedError};
use concurrency_playground::state::{Action, AppState};
use concurrency_playground::traces::trace_file::{self, ImportError};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

/// A rendered message is a real translation: not a bare key, no `{placeholder}` left.
fn assert_message(what: &str, msg: &str) {
    assert!(!msg.trim().is_empty(), "{what}: empty message");
    assert!(!msg.starts_with("err.") && !msg.starts_with("import.err.") && !msg.starts_with("embed.err."), "{what}: raw key {msg}");
}

fn no_placeholder(template: &str, msg: &str) {
    // Placeholders of the template must all be filled (input may contain braces itself).
    for part in template.split('{').skip(1) {
        if let Some((name, _)) = part.split_once('}') {
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                assert!(!msg.contains(&format!("{{{name}}}")), "unfilled {{{name}}} in {msg}");
            }
        }
    }
}

// ---------- generators ----------

/// Text that stresses parsers: numbers near bounds, separators, signs, unicode, controls.
fn nasty_value() -> impl Strategy<Value = String> {
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

fn known_key() -> impl Strategy<Value = String> {
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

fn lesson_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = ALL.iter().map(|s| s.id.to_owned()).collect();
    prop_oneof![4 => proptest::sample::select(ids), 1 => "\\PC{0,10}"]
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A query string: mostly well-formed pairs of known keys and nasty values, sometimes raw junk.
fn query() -> impl Strategy<Value = String> {
    let pairs = proptest::collection::vec((known_key(), nasty_value(), any::<bool>()), 0..10);
    prop_oneof![
        4 => (lesson_id(), pairs).prop_map(|(lesson, pairs)| {
            let mut q = format!("lesson={}", enc(&lesson));
            for (k, v, raw) in pairs {
                q.push('&');
                q.push_str(&enc(&k));
                q.push('=');
                q.push_str(&if raw { v.replace(['&', '#'], "") } else { enc(&v) });
            }
            q
        }),
        1 => any::<String>(),
        1 => "[?&=%a-z0-9+]{0,60}",
    ]
}

// ---------- checks ----------

fn check_state(s: &AppState) {
    for e in &s.url_errors {
        assert!(has(e.key()), "url error key {} missing", e.key());
        for lang in Lang::ALL {
            assert_message("url error", tr(lang, e.key()));
        }
    }
    if let Some(r) = &s.run_refused {
        assert!(has(r.key()));
    }
    match s.params() {
        Ok(p) => check_params_ok(s.scenario(), &p),
        Err(errs) => check_param_errors(s.scenario().id, &errs),
    }
    // The share link round-trips the lesson and every input as typed.
    let back = AppState::from_query(&s.to_query(), None);
    assert_eq!(back.lesson, s.lesson);
    for p in s.scenario().params {
        let typed = s.input(p.key);
        if !(matches!(p.kind, ParamKind::Url { .. }) && typed.is_empty()) {
            assert_eq!(back.input(p.key), typed, "{} round trip", p.key);
        }
    }
    assert!(back.clock == s.clock || s.scenario().kind() != scenarios::Kind::Async);
}

fn check_params_ok(scn: &scenarios::Scenario, p: &concurrency_playground::engine::params::Params) {
    for spec in scn.params {
        match spec.kind {
            ParamKind::Int { min, max, .. } => assert!((min..=max).contains(&p.int(spec.key)), "{}: {}", spec.key, p.int(spec.key)),
            ParamKind::Choice { options, .. } => assert!(options.contains(&p.choice(spec.key))),
            ParamKind::Url { max_len } => assert!(p.text(spec.key).chars().count() <= max_len),
        }
    }
}

fn check_param_errors(scenario: &str, errs: &[ParamError]) {
    assert!(!errs.is_empty(), "Err with no error");
    for e in errs {
        for lang in Lang::ALL {
            let m = param_error(lang, scenario, e);
            assert_message("param error", &m);
            let key = format!("{scenario}.{}", e.key());
            assert!(has(&key), "no label for {key}");
            let label = tr(lang, &key);
            assert!(m.contains(label), "{m} does not name {label}");
        }
    }
}

fn check_import(text: &str) {
    match trace_file::import(text) {
        Ok(t) => {
            assert!(t.validate().is_ok());
            assert!(scenarios::find(&t.meta.scenario).is_some());
        }
        Err(e) => {
            for lang in Lang::ALL {
                assert_message(e.kind(), &e.message(lang));
            }
            if let ImportError::TooMany { what, .. } | ImportError::OutOfRange { what } = &e {
                assert!(has(&format!("import.what.{what}")), "import.what.{what}");
            }
        }
    }
}

fn check_embed(text: &str) {
    match embed_msg::parse(text) {
        Ok(EmbedCommand::Set { params, .. }) => assert!(params.len() <= embed_msg::MAX_PARAMS),
        Ok(_) | Err(EmbedError::NotForUs) => {}
        Err(e) => {
            assert!(has(e.key()), "{}", e.key());
            let args = e.args();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            for lang in Lang::ALL {
                let m = fill(tr(lang, e.key()), &args);
                assert_message(e.key(), &m);
                no_placeholder(tr(lang, e.key()), &m);
            }
        }
    }
}

/// Two real traces to mutate: a crawler run with failures and a coordination run.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let raw = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> { pairs.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect() };
        let a = run_virtual(scenarios::find("crawler").unwrap(), &raw(&[("n", "6"), ("k", "2"), ("fail", "30")])).unwrap();
        let b = run_virtual(scenarios::find("ratelimit").unwrap(), &raw(&[("n", "5")])).unwrap();
        vec![trace_file::export(&a), trace_file::export(&b)]
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Replace `len` chars at `at` (fractions of the text) with `with`.
    Splice { at: f64, len: usize, with: String },
    /// Replace the n-th number in the text with `with`.
    Number { nth: usize, with: String },
    /// Cut the text at a fraction.
    Truncate { at: f64 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let number = prop_oneof![
        any::<i64>().prop_map(|v| v.to_string()),
        any::<f64>().prop_map(|v| format!("{v:e}")),
        Just("-1".into()),
        Just("1e308".into()),
        Just("4294967296".into()),
        Just("null".into()),
        Just("\"x\"".into()),
        Just("[]".into()),
    ];
    prop_oneof![
        (0.0..1.0f64, 0usize..12, "\\PC{0,12}").prop_map(|(at, len, with)| Mutation::Splice { at, len, with }),
        (0usize..400, number).prop_map(|(nth, with)| Mutation::Number { nth, with }),
        (0.0..1.0f64).prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let chars: Vec<char> = text.chars().collect();
    match m {
        Mutation::Splice { at, len, with } => {
            let i = ((*at * chars.len() as f64) as usize).min(chars.len());
            let j = (i + len).min(chars.len());
            chars[..i].iter().collect::<String>() + with + &chars[j..].iter().collect::<String>()
        }
        Mutation::Truncate { at } => chars[..((*at * chars.len() as f64) as usize).min(chars.len())].iter().collect(),
        Mutation::Number { nth, with } => {
            // Find number tokens (after ':' or ',' or '[').
            let bytes = text.as_bytes();
            let mut starts = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if (bytes[i] == b'-' || bytes[i].is_ascii_digit()) && i > 0 && matches!(bytes[i - 1], b':' | b',' | b'[') {
                    let mut j = i + 1;
                    while j < bytes.len() && (bytes[j].is_ascii_digit() || matches!(bytes[j], b'.' | b'e' | b'E' | b'+' | b'-')) {
                        j += 1;
                    }
                    starts.push((i, j));
                    i = j;
                } else {
                    i += 1;
                }
            }
            match starts.get(nth % starts.len().max(1)) {
                Some(&(a, b)) => format!("{}{}{}", &text[..a], with, &text[b..]),
                None => text.to_owned(),
            }
        }
    }
}

/// Arbitrary JSON values, shaped like embed messages most of the time.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|v| serde_json::json!(v)),
        any::<f64>().prop_map(|v| serde_json::json!(v)),
        nasty_value().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(known_key(), inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn embed_message() -> impl Strategy<Value = String> {
    let kind = prop_oneof![
        Just("playground:run".to_owned()),
        Just("playground:stop".to_owned()),
        Just("playground:set".to_owned()),
        Just("playground:status".to_owned()),
        "playground:\\PC{0,8}",
        "\\PC{0,12}",
    ];
    let field =
        prop_oneof![Just("lesson".to_owned()), Just("params".to_owned()), Just("lang".to_owned()), Just("clock".to_owned()), "[a-z]{1,6}"];
    prop_oneof![
        4 => (kind, proptest::collection::btree_map(field, json_value(), 0..5)).prop_map(|(k, fields)| {
            let mut m: serde_json::Map<String, serde_json::Value> = fields.into_iter().collect();
            m.insert("type".into(), serde_json::Value::String(k));
            serde_json::Value::Object(m).to_string()
        }),
        1 => json_value().prop_map(|v| v.to_string()),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_share_links(q in query(), browser_lang in proptest::option::of("[a-zA-Z_-]{0,8}")) {
        let s = AppState::from_query(&q, browser_lang.as_deref());
        check_state(&s);
        // Link-requested runs never target a user URL.
        prop_assert!(!(s.run_requested && s.user_url_host().is_some()));
        // The reducer keeps what was typed and stays consistent after a run request.
        let r = s.reduce(Action::RequestRun);
        prop_assert!(!(r.run_requested && r.user_url_host().is_some()));
    }

    #[test]
    fn fuzz_lesson_params(
        lesson in 0usize..64,
        raw in proptest::collection::btree_map(known_key(), nasty_value(), 0..8),
    ) {
        let scn = ALL[lesson % ALL.len()];
        match scn.validate(&raw) {
            Ok(p) => check_params_ok(scn, &p),
            Err(errs) => check_param_errors(scn.id, &errs),
        }
    }

    #[test]
    fn fuzz_trace_import(seed in 0usize..2, muts in proptest::collection::vec(mutation(), 1..4), junk in any::<String>(), pick in 0u8..8) {
        if pick == 0 {
            check_import(&junk);
        } else {
            let mut text = seeds()[seed].clone();
            for m in &muts {
                text = apply(&text, m);
            }
            check_import(&text);
        }
    }

    #[test]
    fn fuzz_embed_messages(msg in embed_message()) {
        check_embed(&msg);
    }
}

// ---------- regression cases (inputs found by the properties above) ----------

#[test]
fn regression_cases() {
    // Share links.
    for q in [
        "",
        "?",
        "&&&",
        "lesson",
        "lesson=",
        "=x",
        "lesson=crawler&n=%FF",
        "lesson=crawler&url=http%3A%2F%2F%40",
        "origins=,",
        "origins=http://",
    ] {
        check_state(&AppState::from_query(q, None));
    }
    // Trace files.
    for t in ["", "{", "[]", "null", "{\"version\":1,\"meta\":{}}", "{\"version\":1e999,\"meta\":1}", "{\"version\":-1,\"meta\":null}"] {
        check_import(t);
    }
    // Embed messages.
    for m in [
        "",
        "{}",
        "{\"type\":\"playground:\"}",
        "{\"type\":\"playground:set\",\"params\":{\"k\":null}}",
        "{\"type\":\"playground:set\",\"lang\":1}",
    ] {
        check_embed(m);
    }
}
