//! One file of texts per lesson (`crates/lessons/src/i18n/lessons/<id>.rs`): every lesson has
//! one, registered in the order of `scenarios::ALL`, and a lesson's own keys
//! (`<id>.…`) are in its file and no other lesson's are.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::i18n::{self, LESSON_FILES};
use concurrency_playground::scenarios::ALL;

#[test]
fn every_lesson_has_its_file_in_the_registry_order() {
    let files: Vec<&str> = LESSON_FILES.iter().map(|(id, _, _)| *id).collect();
    let lessons: Vec<&str> = ALL.iter().map(|s| s.id).collect();
    assert_eq!(files, lessons, "one `lesson_texts!` line per lesson, in the order of scenarios::ALL");
}

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
