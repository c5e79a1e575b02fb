//! Lesson parameters (`Scenario::validate`): a valid set is within every
//! parameter's bounds; every error names its parameter, in both languages.

use super::{assert_message, config, known_key, nasty_value};
use concurrency_playground::engine::params::{ParamError, ParamKind, Params};
use concurrency_playground::i18n::{has, param_error, tr, Lang};
use concurrency_playground::scenarios::{Scenario, ALL};
use proptest::prelude::*;

pub(super) fn check_params_ok(scn: &Scenario, p: &Params) {
    for spec in scn.params {
        match spec.kind {
            ParamKind::Int { min, max, .. } => assert!((min..=max).contains(&p.int(spec.key)), "{}: {}", spec.key, p.int(spec.key)),
            ParamKind::Choice { options, .. } => assert!(options.contains(&p.choice(spec.key))),
            ParamKind::IntList { min, max, min_len, max_len, .. } => {
                let l = p.list(spec.key);
                assert!((min_len..=max_len).contains(&l.len()) && l.iter().all(|v| (min..=max).contains(v)), "{}: {l:?}", spec.key);
            }
            ParamKind::Url { max_len } => assert!(p.text(spec.key).chars().count() <= max_len),
        }
    }
}

pub(super) fn check_param_errors(scenario: &str, errs: &[ParamError]) {
    assert!(!errs.is_empty(), "Err with no error");
    for e in errs {
        for lang in Lang::ALL {
            let m = param_error(lang, scenario, e);
            assert_message("param error", &m);
            let key = format!("{scenario}.{}", e.key());
            assert!(has(&key), "no label for {key}");
            let label = tr(lang, &key);
            assert!(m.contains(label), "{m} does not name {label}");
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_lesson_params(
        lesson in 0usize..64,
        raw in proptest::collection::btree_map(known_key(), nasty_value(), 0..8),
    ) {
        let scn = ALL[lesson % ALL.len()];
        match scn.validate(&raw) {
            Ok(p) => check_params_ok(scn, &p),
            Err(errs) => check_param_errors(scn.id, &errs),
        }
    }
}
