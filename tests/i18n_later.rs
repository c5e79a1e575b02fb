//! The later texts (`crates/lessons/src/i18n/later.rs`): the file the page fetches is exactly
//! what the tables say, it parses back, it holds only texts of lessons outside
//! the first ones (no title), and the first lessons agree with the wasm split's.
//! `UPDATE_DOCS=1 cargo test --test i18n_later` rewrites `static/i18n-later.json`.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::i18n::{self, later};
use concurrency_playground::scenarios::ALL;

const PATH: &str = "static/i18n-later.json";

#[test]
fn the_fetched_file_is_what_the_tables_say() {
    let want = later::json();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(PATH, &want).unwrap();
    }
    let have = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(have == want, "{PATH} is stale: run UPDATE_DOCS=1 cargo test --test i18n_later");
    let parsed = later::parse(&have).unwrap();
    assert_eq!(parsed.len(), later::entries().len());
    for ((k, en, zh), (k2, en2, zh2)) in parsed.iter().zip(later::entries()) {
        assert_eq!((k.as_str(), en.as_str(), zh.as_str()), (*k2, *en2, *zh2));
    }
}

#[test]
fn later_texts_are_no_first_lessons_and_no_titles() {
    // Which shared keys (`num.`, `choice.`, `event.`, …) the first lessons draw is
    // checked where it happens: e2e (tests/e2e/split.mjs, split_profile.mjs) fails
    // if a first lesson's page looks up any key outside the first-load table.
    assert!(!later::entries().is_empty());
    for (key, _, _) in later::entries() {
        let prefix = key.split('.').next().unwrap();
        assert!(!later::FIRST_LESSONS.contains(&prefix), "{key}: a first lesson's text must stay in the wasm");
        assert!(!key.ends_with(".title"), "{key}: the lesson picker shows every title");
        assert!(!key.starts_with("app.kind."), "{key}: the lesson picker shows every kind");
    }
    // What the wasm carries of the other lessons' own texts is their titles.
    for (key, _, _) in i18n::in_first_load() {
        let lesson = key.split('.').next().unwrap();
        if ALL.iter().any(|s| s.id == lesson) && !later::FIRST_LESSONS.contains(&lesson) {
            assert!(key.ends_with(".title"), "{key}: move it to its part's LATER table (crates/lessons/src/i18n/later.rs)");
        }
    }
    // Every lesson's title stays, in both languages.
    for s in ALL {
        let title = format!("{}.title", s.id);
        assert!(!later::entries().iter().any(|(k, _, _)| *k == title));
        assert!(i18n::has(&title));
    }
}

#[test]
fn the_first_lessons_are_the_wasm_splits() {
    let funcs = std::fs::read_to_string("tools/first-lesson.funcs").unwrap();
    let line = funcs.lines().find_map(|l| l.strip_prefix("# lessons:")).expect("a '# lessons:' line");
    let split: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(split, later::FIRST_LESSONS);
}

#[test]
fn garbage_is_refused_and_shows_keys() {
    assert!(later::parse("not json").is_err());
    assert!(later::parse(r#"[["k", "en"]]"#).is_err());
    assert_eq!(later::parse(r#"[["k","en","zh"]]"#).unwrap(), vec![("k".into(), "en".into(), "zh".into())]);
    // Natively the texts are compiled in: a missing key reads as itself.
    assert_eq!(later::missing("no.such.key"), "no.such.key");
}
