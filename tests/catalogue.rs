//! LESSONS.md is generated from the catalogue; this fails when it is stale.
//! `UPDATE_DOCS=1 cargo test --test catalogue` rewrites it.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::scenarios::{catalogue, ALL};

#[test]
fn lessons_md_matches_the_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/LESSONS.md");
    let want = catalogue::markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).expect("write LESSONS.md");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "LESSONS.md is stale: run UPDATE_DOCS=1 cargo test --test catalogue");
    for s in ALL {
        assert!(have.contains(&format!("| `{}` |", s.id)), "{} missing", s.id);
        let listing = format!("{}/python/{}.py", env!("CARGO_MANIFEST_DIR"), s.id);
        assert!(std::path::Path::new(&listing).exists(), "{listing} missing");
    }
}

/// The text between `start` and `end` in the repository's file `path` is
/// `want`: rewritten there under `UPDATE_DOCS`, otherwise a stale one fails.
fn generated_block(path: &str, start: &str, end: &str, want: &str) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (Some(i), Some(j)) = (text.find(start), text.find(end)) else {
        panic!("{path} has lost its generated block's markers ({start} … {end})")
    };
    let have = &text[i + start.len()..j];
    if have != want && std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&full, format!("{}{want}{}", &text[..i + start.len()], &text[j..])).expect("write");
        return;
    }
    assert_eq!(have, want, "{path}'s generated block is stale: run UPDATE_DOCS=1 cargo test --test catalogue");
}

/// README.md's opening counts the lessons by kind, between its two markers:
/// generated like LESSONS.md, so adding a lesson does not touch README.md by
/// hand.
#[test]
fn readme_counts_the_lessons() {
    use concurrency_playground::scenarios::Kind;
    let count = |k: Kind| ALL.iter().filter(|s| s.kind() == k).count();
    let (a, c, m) = (count(Kind::Async), count(Kind::Cpu), count(Kind::Model));
    let want = format!("{} lessons ({a} async, {c} CPU, {m} model)", ALL.len());
    generated_block("README.md", "<!-- lesson count: written by `UPDATE_DOCS=1 cargo test --test catalogue` -->", "<!-- end -->", &want);
}

/// The tutorial page's embed builder offers every lesson, from the same
/// generated list (static/tutorial.js, between its markers).
#[test]
fn the_tutorial_builder_lists_every_lesson() {
    let ids: Vec<String> = ALL.iter().map(|s| format!("'{}'", s.id)).collect();
    let want = format!("\n  const LESSONS = [{}];\n", ids.join(", "));
    generated_block(
        "static/tutorial.js",
        "// lessons: written by `UPDATE_DOCS=1 cargo test --test catalogue` (scenarios::ALL's ids)",
        "  // end of lessons",
        &want,
    );
}
