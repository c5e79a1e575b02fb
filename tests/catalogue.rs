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
