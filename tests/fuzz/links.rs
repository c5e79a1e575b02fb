//! Share links and URL parameters (`AppState::from_query`): every URL error
//! is translated, the parameters are valid or explained, and the link round-trips.

use super::params::{check_param_errors, check_params_ok};
use super::{assert_message, config, known_key, nasty_value};
use concurrency_playground::engine::params::ParamKind;
use concurrency_playground::i18n::{has, tr, Lang};
use concurrency_playground::scenarios::{self, ALL};
use concurrency_playground::state::{Action, AppState};
use proptest::prelude::*;

fn lesson_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = ALL.iter().map(|s| s.id.to_owned()).collect();
    prop_oneof![4 => proptest::sample::select(ids), 1 => "\\PC{0,10}"]
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A query string: mostly well-formed pairs of known keys and nasty values, sometimes raw junk.
fn query() -> impl Strategy<Value = String> {
    let pairs = proptest::collection::vec((known_key(), nasty_value(), any::<bool>()), 0..10);
    prop_oneof![
        4 => (lesson_id(), pairs).prop_map(|(lesson, pairs)| {
            let mut q = format!("lesson={}", enc(&lesson));
            for (k, v, raw) in pairs {
                q.push('&');
                q.push_str(&enc(&k));
                q.push('=');
                q.push_str(&if raw { v.replace(['&', '#'], "") } else { enc(&v) });
            }
            q
        }),
        1 => any::<String>(),
        1 => "[?&=%a-z0-9+]{0,60}",
    ]
}

fn check_state(s: &AppState) {
    for e in &s.url_errors {
        assert!(has(e.key()), "url error key {} missing", e.key());
        for lang in Lang::ALL {
            assert_message("url error", tr(lang, e.key()));
        }
    }
    if let Some(r) = &s.run_refused {
        assert!(has(r.key()));
    }
    match s.params() {
        Ok(p) => check_params_ok(s.scenario(), &p),
        Err(errs) => check_param_errors(s.scenario().id, &errs),
    }
    // The share link round-trips the lesson and every input as typed.
    let back = AppState::from_query(&s.to_query(), None);
    assert_eq!(back.lesson, s.lesson);
    for p in s.scenario().params {
        let typed = s.input(p.key);
        if !(matches!(p.kind, ParamKind::Url { .. }) && typed.is_empty()) {
            assert_eq!(back.input(p.key), typed, "{} round trip", p.key);
        }
    }
    assert!(back.clock == s.clock || s.scenario().kind() != scenarios::Kind::Async);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_share_links(q in query(), browser_lang in proptest::option::of("[a-zA-Z_-]{0,8}")) {
        let s = AppState::from_query(&q, browser_lang.as_deref());
        check_state(&s);
        // Link-requested runs never target a user URL.
        prop_assert!(!(s.run_requested && s.user_url_host().is_some()));
        // The reducer keeps what was typed and stays consistent after a run request.
        let r = s.reduce(Action::RequestRun);
        prop_assert!(!(r.run_requested && r.user_url_host().is_some()));
    }
}

/// Inputs the property above found failing.
#[test]
fn regression_cases() {
    // Share links.
    for q in [
        "",
        "?",
        "&&&",
        "lesson",
        "lesson=",
        "=x",
        "lesson=crawler&n=%FF",
        "lesson=crawler&url=http%3A%2F%2F%40",
        "origins=,",
        "origins=http://",
    ] {
        check_state(&AppState::from_query(q, None));
    }
}
