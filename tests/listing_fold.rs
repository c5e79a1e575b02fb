//! Every lesson's Python listing opens on the idea: its notes and imports, the
//! simulated network, the argument parsing, the report and the `__main__` guard
//! are folded between balanced markers, and so is every line that only records
//! for the playground (`# rec`, or a `recording` block). The markers are
//! comments, so the file runs under CPython as it is (`tests/fidelity.rs`,
//! `tests/workloads.rs` and the lessons' own tests run the listings).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::scenarios::{Kind, ALL};
use concurrency_playground::view::listing_fold::{split, Harness, Part, CLOSE, OPEN, REC};

/// What a recording line looks like (shared with `tools/fold_markers.py`).
const PATTERNS: &str = include_str!("../tools/recording.patterns");
/// Modules only the harness imports: the simulated network, the CPU-time meter,
/// argument parsing and the JSON report.
const HARNESS_MODULES: [&str; 4] = ["simnet", "gilwork", "argparse", "json"];

fn listings() -> impl Iterator<Item = (String, String)> {
    ALL.iter().filter(|s| s.kind() != Kind::Model).map(|s| {
        let path = format!("{}/python/{}.py", env!("CARGO_MANIFEST_DIR"), s.id);
        let text = std::fs::read_to_string(&path).expect(&path);
        (path, text)
    })
}

/// The modules an `import …` / `from … import …` line imports.
fn imports(line: &str) -> Vec<&str> {
    let code = line.split('#').next().unwrap_or("").trim();
    if let Some(rest) = code.strip_prefix("from ") {
        rest.split_whitespace().next().into_iter().collect()
    } else if let Some(rest) = code.strip_prefix("import ") {
        rest.split(',').filter_map(|m| m.split_whitespace().next()).collect()
    } else {
        Vec::new()
    }
}

/// Why the listing's shown lines are not the idea alone, one line each (file
/// line numbers): the harness before the idea, or a recording line in sight.
fn shown_harness(text: &str) -> Result<Vec<String>, String> {
    let parts = split(text)?;
    let patterns: Vec<&str> = PATTERNS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let mut problems = Vec::new();
    if !matches!(parts.first(), Some(Part::Harness { what: Harness::Setup | Harness::SetupNet, text, .. }) if text.starts_with("\"\"\"")) {
        problems.push("line 1: the module's notes are not folded in a set-up block".to_owned());
    }
    let (mut from, mut first_code) = (0, true);
    for code in parts.iter().filter_map(|p| if let Part::Code(c) = p { Some(c) } else { None }) {
        // Where this run of shown lines is in the file (parts come in file order).
        let at = from + text[from..].find(code.as_str()).ok_or("a shown run is not in the file")?;
        from = at + code.len();
        let first = text[..at].matches('\n').count() + 1;
        for (k, l) in code.lines().enumerate() {
            let (line, t) = (first + k, l.trim());
            let harness_import = imports(l).iter().any(|m| HARNESS_MODULES.contains(&m.split('.').next().unwrap_or("")));
            if first_code && !t.is_empty() && !t.starts_with('#') {
                first_code = false;
                if harness_import {
                    problems.push(format!("line {line}: the first shown line imports the harness: {t}"));
                }
            }
            if harness_import {
                problems.push(format!("line {line}: imports the harness: {t}"));
            } else if t.contains("simnet") {
                problems.push(format!("line {line}: names the simulated network: {t}"));
            }
            let before_comment = l.split("  #").next().unwrap_or(l);
            if let Some(p) = patterns.iter().find(|p| before_comment.contains(**p)) {
                problems.push(format!("line {line}: records for the playground ({p:?}) in sight: {t}"));
            }
        }
    }
    Ok(problems)
}

#[test]
fn every_listing_opens_on_the_idea_with_its_recording_folded() {
    let mut problems = Vec::new();
    for (path, text) in listings() {
        match shown_harness(&text) {
            Ok(p) => problems.extend(p.into_iter().map(|p| format!("{path}: {p}"))),
            Err(e) => problems.push(format!("{path}: {e}")),
        }
    }
    assert!(problems.is_empty(), "shown, and not the idea:\n{}", problems.join("\n"));
}

#[test]
fn a_missing_marker_shows_its_line() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/python/crawler.py")).expect("crawler.py");
    assert_eq!(shown_harness(&text), Ok(vec![]));
    // One `# rec` taken off: that line is in sight, and named.
    let line = text.lines().position(|l| l.contains("events.append(") && l.trim_end().ends_with(REC)).expect("a recorded event") + 1;
    let unmarked: String = text
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| if i + 1 == line { l.replacen("  # rec", "", 1) } else { l.to_owned() })
        .collect();
    let problems = shown_harness(&unmarked).expect("balanced");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with(&format!("line {line}: records for the playground")), "{problems:?}");
    // The set-up block's markers taken off: the notes and the harness's imports are in sight.
    let bare = text.split_once('\n').expect("lines").1.replacen(&format!("{CLOSE}\n"), "", 1);
    let problems = shown_harness(&bare).expect("balanced");
    assert!(problems.iter().any(|p| p.starts_with("line 1: the module's notes")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("names the simulated network: simnet.py (next to this file)")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("imports the harness: from simnet import fetch, plan")), "{problems:?}");
    // The set-up block ending after the notes: the view opens on the imports.
    let notes_only = text.replacen(&format!("{CLOSE}\n"), "", 1).replacen("\"\"\"\n", &format!("\"\"\"\n{CLOSE}\n"), 1);
    let problems = shown_harness(&notes_only).expect("balanced");
    assert!(problems[0].contains("the first shown line imports the harness: import argparse, asyncio, json, time"), "{problems:?}");
}

#[test]
fn every_listing_folds_its_harness() {
    for (path, text) in listings() {
        let parts = split(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let folded: Vec<_> =
            parts.iter().filter_map(|p| if let Part::Harness { what, text, .. } = p { Some((what, text)) } else { None }).collect();
        assert!(
            folded.iter().any(|(w, t)| **w == Harness::Args && t.contains("argparse.ArgumentParser") || t.contains("def parse_args")),
            "{path}: argument parsing not folded"
        );
        assert!(folded.iter().any(|(w, t)| **w == Harness::Main && t.contains("__main__")), "{path}: __main__ guard not folded");
        // Nothing folded is the idea: no pool, no gather, no semaphore in a fold
        // (but for the notes, which may name them, and what --measure times).
        for (_, t) in folded.iter().filter(|(w, _)| !matches!(w, Harness::Setup | Harness::SetupNet | Harness::Measure)) {
            // (Code, not what the printed report says.)
            let code = t.lines().filter(|l| !["print(", "f\"", "\""].iter().any(|p| l.trim_start().starts_with(p)));
            for l in code {
                for idea in ["Executor(", "gather(", "Semaphore(", "Pool(", ".map("] {
                    assert!(!l.contains(idea), "{path}: a fold holds {idea:?}: {l}\n{t}");
                }
            }
        }
        // Every line is either shown, folded, or a block's marker.
        let markers = text.lines().filter(|l| l.trim().starts_with(OPEN) || l.trim() == CLOSE).count();
        let lines = |p: &Part| match p {
            Part::Code(t) => t.lines().count(),
            Part::Harness { lines, .. } => *lines,
        };
        assert_eq!(parts.iter().map(lines).sum::<usize>() + markers, text.lines().count(), "{path}: lines lost");
    }
}

#[test]
fn markers_fold_blocks_and_recording_lines() {
    assert!(split("a\n# --- harness: x\nb\n").is_err());
    assert!(split("a\n# --- end harness\n").is_err());
    assert!(split("# --- harness: x\n# --- harness: y\n# --- end harness\n").is_err());
    let parts = split("x = 1\n    # --- harness: argument parsing\n    p = 2\n    # --- end harness\ny\n").unwrap();
    assert_eq!(parts.len(), 3);
    assert!(matches!(&parts[1], Part::Harness { what: Harness::Args, lines: 1, indent, .. } if indent == "    "));
    // A run of `# rec` lines is one fold, drawn at its first line's indentation;
    // inside a block they are part of the block.
    let parts = split("async with sem:\n    n += 1  # rec\n    log(n)  # HTTP 503  # rec\n    await fetch()\n# --- harness: recording\nt = 1  # rec\n# --- end harness\n").unwrap();
    assert_eq!(parts.len(), 4, "{parts:?}");
    assert!(
        matches!(&parts[1], Part::Harness { what: Harness::Recording, lines: 2, indent, text } if indent == "    " && text.starts_with("    n += 1"))
    );
    assert_eq!(parts[2], Part::Code("    await fetch()\n".into()));
    assert!(matches!(&parts[3], Part::Harness { what: Harness::Recording, lines: 1, .. }));
    // A comment that merely mentions records is code.
    assert_eq!(split("x = 1  # the record\n").unwrap(), vec![Part::Code("x = 1  # the record\n".into())]);
}
