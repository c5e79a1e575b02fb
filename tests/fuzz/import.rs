//! Imported trace files (`trace_file::import`): mutations of two real traces
//! and junk; what is accepted validates, every refusal is translated.

use super::{assert_message, config};
use concurrency_playground::i18n::{has, Lang};
use concurrency_playground::scenarios::{self, run_virtual};
use concurrency_playground::traces::trace_file::{self, ImportError};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

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

proptest! {
    #![proptest_config(config())]

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
}

/// Inputs the property above found failing.
#[test]
fn regression_cases() {
    // Trace files.
    for t in ["", "{", "[]", "null", "{\"version\":1,\"meta\":{}}", "{\"version\":1e999,\"meta\":1}", "{\"version\":-1,\"meta\":null}"] {
        check_import(t);
    }
}
