//! A list parameter (`ParamKind::IntList`, e.g. `3,5,2`): integers separated
//! by commas, their count and each value within bounds; every refusal is a
//! translated message naming the parameter (the fuzz tests cover every
//! lesson's parameters; this, the kind itself).
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::params::{validate, ParamError, ParamSpec};
use concurrency_playground::i18n::{param_error, Lang};
use std::collections::BTreeMap;

const SPECS: &[ParamSpec] = &[ParamSpec::int_list("counts", 1, 20, (1, 3), "3,5,2")];

fn check(input: &str) -> Result<Vec<i64>, ParamError> {
    let raw: BTreeMap<String, String> = [("counts".to_owned(), input.to_owned())].into();
    validate(SPECS, &raw).map(|p| p.list("counts").to_vec()).map_err(|mut e| e.remove(0))
}

#[test]
fn a_list_is_integers_separated_by_commas_within_bounds() {
    assert_eq!(check(""), Ok(vec![3, 5, 2]), "empty: the default");
    assert_eq!(check(" 4 , 1,20 "), Ok(vec![4, 1, 20]));
    assert_eq!(check("7"), Ok(vec![7]));
    let raw: BTreeMap<String, String> = [("counts".to_owned(), " 4 , 1,20 ".to_owned())].into();
    assert_eq!(validate(SPECS, &raw).unwrap().to_strings()["counts"], "4,1,20", "the canonical form of a share link");
    assert_eq!(check("1,2,3,4"), Err(ParamError::ListLength { key: "counts", len: 4, min: 1, max: 3 }));
    assert_eq!(check("0,3"), Err(ParamError::OutOfRange { key: "counts", value: 0, min: 1, max: 20 }));
    assert_eq!(check("3,21"), Err(ParamError::OutOfRange { key: "counts", value: 21, min: 1, max: 20 }));
    assert_eq!(check("3,,2"), Err(ParamError::NotANumber { key: "counts", input: String::new() }));
    assert_eq!(check("3;5"), Err(ParamError::NotANumber { key: "counts", input: "3;5".into() }));
    assert_eq!(check("2.5"), Err(ParamError::NotANumber { key: "counts", input: "2.5".into() }));
}

#[test]
fn a_wrong_length_is_explained_in_both_languages() {
    let e = check("1,2,3,4").unwrap_err();
    assert!(param_error(Lang::En, "demo", &e).contains("4 values; give 1 to 3"), "{}", param_error(Lang::En, "demo", &e));
    assert!(param_error(Lang::Zh, "demo", &e).contains("共 4 个值，请给出 1 到 3 个"), "{}", param_error(Lang::Zh, "demo", &e));
}
