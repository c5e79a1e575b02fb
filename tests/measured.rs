//! The constants that say "measured" are the generated file's values:
//! `data/cpython_costs.json` (written by `python3 python/tools/cpython_costs.py
//! --write`) parsed here with serde_json, every value the code uses compared
//! with it, and the file's record of how it was made checked to be there.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::scenarios::extras::cpython_slowdown;
use concurrency_playground::scenarios::pymodel::measured::COSTS_JSON;
use concurrency_playground::scenarios::pymodel::CPYTHON;
use concurrency_playground::scenarios::ALL;
use serde_json::Value;

fn file() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/cpython_costs.json");
    let text = std::fs::read_to_string(path).expect("data/cpython_costs.json");
    assert_eq!(text, COSTS_JSON, "the compiled-in copy is the file on disk");
    serde_json::from_str(&text).expect("valid JSON")
}

/// Every `slowdown_<lesson>` of the file's values, as (lesson, value).
fn slowdowns(doc: &Value) -> Vec<(String, f64)> {
    let values = doc["values"].as_object().expect("values");
    values.iter().filter_map(|(k, v)| Some((k.strip_prefix("slowdown_")?.to_owned(), v.as_f64()?))).collect()
}

fn number(doc: &Value, key: &str) -> f64 {
    doc["values"][key].as_f64().unwrap_or_else(|| panic!("data/cpython_costs.json: no number values.{key}"))
}

#[test]
fn cpython_costs_are_the_generated_files() {
    let doc = file();
    assert_eq!(CPYTHON.switch_ms, number(&doc, "switch_ms"));
    assert_eq!(CPYTHON.spawn_ms, number(&doc, "spawn_ms"));
    assert_eq!(CPYTHON.item_ms, number(&doc, "item_ms"));
    assert_eq!(CPYTHON.kb_ms, number(&doc, "kb_ms"));
    let slowdowns = slowdowns(&doc);
    for (lesson, x) in &slowdowns {
        let states = concurrency_playground::scenarios::find(lesson).and_then(|s| cpython_slowdown(s.extras));
        assert_eq!(states, Some(*x), "{lesson}: the lesson's Extra::CpythonSlowdown is the file's slowdown_{lesson}");
    }
    let stating = ALL.iter().filter(|s| cpython_slowdown(s.extras).is_some()).count();
    assert_eq!(stating, slowdowns.len(), "every lesson that states a slowdown has one in the file");
    // Every value in the file is used: a slowdown for a lesson that is not a CPU lesson is a mistake.
    for (lesson, _) in &slowdowns {
        let kind = ALL.iter().find(|s| s.id == lesson).map(|s| s.kind());
        assert_eq!(kind, Some(concurrency_playground::scenarios::Kind::Cpu), "slowdown_{lesson}: no CPU lesson {lesson}");
    }
    assert_eq!(slowdowns.len(), 7, "the seven CPU workloads of scripts/bench.sh each have a slowdown");
    let used = 4 + slowdowns.len();
    assert_eq!(doc["values"].as_object().map(|o| o.len()), Some(used), "values in the file vs values the code reads");
}

#[test]
fn the_file_says_when_how_and_where() {
    let doc = file();
    let about = &doc["about"];
    for key in ["date", "command", "python", "machine", "noise"] {
        assert!(about[key].as_str().is_some_and(|s| !s.is_empty()), "about.{key} missing");
    }
    assert!(about["quiet"].is_boolean(), "about.quiet says whether the machine was quiet");
    assert_eq!(about["command"], "python3 python/tools/cpython_costs.py --write");
    for key in ["switch_ms", "spawn_ms", "item_ms", "kb_ms", "slowdown_*"] {
        assert!(doc["how"][key].as_str().is_some_and(|s| !s.is_empty()), "how.{key} missing");
    }
    for (lesson, x) in &slowdowns(&doc) {
        // The ratio is the one its parts give (rounded to 2 decimals by the tool).
        let p = &doc["slowdown_parts"][lesson.as_str()];
        let derived = p["cpython_seq_ms"].as_f64().unwrap() / p["wasm_1_ms_derived"].as_f64().unwrap();
        assert!((derived - x).abs() <= 0.005 + 1e-9, "{lesson}: {x} vs its parts {derived}");
    }
}

/// What the page quotes beside its modelled figures: the file's date, and "real CPython
/// is N–M× slower" as the least and greatest of the file's slowdowns.
#[test]
fn the_page_quotes_the_files_date_and_slowdown_range() {
    let doc = file();
    let date = doc["about"]["date"].as_str().expect("about.date");
    assert_eq!(concurrency_playground::scenarios::pymodel::measured::date(), date);
    let xs: Vec<f64> = slowdowns(&doc).into_iter().map(|(_, x)| x).collect();
    let (lo, hi) = concurrency_playground::view::python_view::slowdown_range();
    assert_eq!(lo, xs.iter().cloned().fold(f64::INFINITY, f64::min));
    assert_eq!(hi, xs.iter().cloned().fold(0.0, f64::max));
}
