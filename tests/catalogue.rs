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

/// README.md's opening counts the lessons by kind and names every lesson
/// outside the catalogue's numbered twelve async and nine CPU ones.
#[test]
fn readme_counts_the_lessons() {
    use concurrency_playground::scenarios::Kind;
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let count = |k: Kind| ALL.iter().filter(|s| s.kind() == k).count();
    let (a, c, m) = (count(Kind::Async), count(Kind::Cpu), count(Kind::Model));
    let want = format!("{} lessons ({a} async, {c} CPU,\n{m} model)", ALL.len());
    assert!(readme.contains(&want), "README.md should say \"{want}\"");
    // The catalogue's numbered lessons: the first 12 async, the first 9 CPU; the rest are
    // named (by kind, not by position in ALL: a lesson added anywhere is named too).
    let numbered = |k: Kind, n: usize| ALL.iter().filter(move |s| s.kind() == k).take(n).map(|s| s.id);
    let numbered: Vec<&str> = numbered(Kind::Async, 12).chain(numbered(Kind::Cpu, 9)).collect();
    for s in ALL.iter().filter(|s| !numbered.contains(&s.id)) {
        assert!(readme.contains(&format!("(`{}`)", s.id)), "README.md's opening does not name {}", s.id);
    }
}
