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

/// README.md's opening counts the lessons by kind, between its two markers:
/// generated like LESSONS.md, so adding a lesson does not touch README.md by
/// hand (`UPDATE_DOCS=1 cargo test --test catalogue` rewrites the count).
#[test]
fn readme_counts_the_lessons() {
    use concurrency_playground::scenarios::Kind;
    const START: &str = "<!-- lesson count: written by `UPDATE_DOCS=1 cargo test --test catalogue` -->";
    const END: &str = "<!-- end -->";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let count = |k: Kind| ALL.iter().filter(|s| s.kind() == k).count();
    let (a, c, m) = (count(Kind::Async), count(Kind::Cpu), count(Kind::Model));
    let want = format!("{} lessons ({a} async, {c} CPU, {m} model)", ALL.len());
    let (Some(i), Some(j)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md has lost its lesson-count markers ({START} … {END})")
    };
    let have = &readme[i + START.len()..j];
    if have != want && std::env::var_os("UPDATE_DOCS").is_some() {
        let text = format!("{}{want}{}", &readme[..i + START.len()], &readme[j..]);
        std::fs::write(path, text).expect("write README.md");
        return;
    }
    assert_eq!(have, want, "README.md's lesson count is stale: run UPDATE_DOCS=1 cargo test --test catalogue");
}
