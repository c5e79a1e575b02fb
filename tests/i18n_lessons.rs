//! One file of texts per lesson (`crates/lessons/src/i18n/lessons/<id>.rs`): a lesson's
//! own keys (`<id>.…`) are in its file and no other lesson's are. That every lesson has
//! such a file is the compiler's to check: `with_lessons!` (crates/lessons/src/lib.rs)
//! declares a lesson's scenario and its texts from the same one line.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::i18n::{self, LESSON_FILES};
use concurrency_playground::scenarios::ALL;

#[test]
fn a_lessons_own_keys_are_in_its_file() {
    let owner = |key: &str| ALL.iter().map(|s| s.id).find(|id| key.split('.').next() == Some(id));
    for (id, table, later) in LESSON_FILES {
        let here: Vec<&str> = table.iter().chain(later.iter()).map(|e| e.0).collect();
        assert!(here.contains(&format!("{id}.title").as_str()), "{id}: its title is in its file");
        for key in &here {
            assert!(owner(key).is_none_or(|o| o == *id), "{key} is in {id}'s file: move it to its own lesson's");
        }
        for (key, _, _) in i18n::entries() {
            if owner(key) == Some(*id) {
                assert!(here.contains(key), "{key}: move it to crates/lessons/src/i18n/lessons/{id}.rs");
            }
        }
    }
}
