//! Every lesson's Python listing folds its harness (argument parsing, the
//! report, the `__main__` guard) between balanced markers, and opens on the
//! idea; the markers are comments, so the file runs under CPython as it is.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::scenarios::{Kind, ALL};
use concurrency_playground::view::listing_fold::{split, Harness, Part};

#[test]
fn every_listing_folds_its_harness_and_opens_on_the_idea() {
    for s in ALL.iter().filter(|s| s.kind() != Kind::Model) {
        let path = format!("{}/python/{}.py", env!("CARGO_MANIFEST_DIR"), s.id);
        let text = std::fs::read_to_string(&path).expect(&path);
        let parts = split(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let folded: Vec<_> =
            parts.iter().filter_map(|p| if let Part::Harness { what, text, .. } = p { Some((what, text)) } else { None }).collect();
        assert!(
            folded.iter().any(|(w, t)| **w == Harness::Args && t.contains("argparse.ArgumentParser") || t.contains("def parse_args")),
            "{path}: argument parsing not folded"
        );
        assert!(folded.iter().any(|(w, t)| **w == Harness::Main && t.contains("__main__")), "{path}: __main__ guard not folded");
        // Nothing folded is the idea: no pool, no gather, no semaphore in a harness block.
        for (_, t) in &folded {
            for idea in ["Executor(", "gather(", "Semaphore(", "Pool(", ".map("] {
                assert!(!t.contains(idea), "{path}: a folded harness holds {idea:?}:\n{t}");
            }
        }
        // Shown, unfolded: the file opens on code, and every line is either shown or folded.
        assert!(matches!(parts.first(), Some(Part::Code(_))), "{path} opens on a folded block");
        let lines = |p: &Part| match p {
            Part::Code(t) => t.lines().count(),
            Part::Harness { lines, .. } => *lines + 2,
        };
        assert_eq!(parts.iter().map(lines).sum::<usize>(), text.lines().count(), "{path}: lines lost");
    }
}

#[test]
fn unbalanced_markers_are_refused() {
    assert!(split("a\n# --- harness: x\nb\n").is_err());
    assert!(split("a\n# --- end harness\n").is_err());
    assert!(split("# --- harness: x\n# --- harness: y\n# --- end harness\n").is_err());
    let parts = split("x = 1\n    # --- harness: argument parsing\n    p = 2\n    # --- end harness\ny\n").unwrap();
    assert_eq!(parts.len(), 3);
    assert!(matches!(&parts[1], Part::Harness { what: Harness::Args, lines: 1, .. }));
}
