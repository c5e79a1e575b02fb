#![cfg(not(target_arch = "wasm32"))]
//! No floods from links: a run against a user's own URL starts only from the
//! visitor's click (`run=1` and the embed API's `run` are refused, with a
//! translated reason naming the host), sends at most `USER_URL_MAX_N`
//! requests and starts at most `USER_URL_MAX_RATE_PER_S` per second.

use concurrency_playground::engine::params::ParamError;
use concurrency_playground::i18n::{fill, has, param_error, tr, Lang};
use concurrency_playground::state::embed_msg::{self, EmbedCommand, EmbedError};
use concurrency_playground::state::{Action, AppState, RunRefused, UrlError, USER_URL_MAX_N, USER_URL_MAX_RATE_PER_S};

const FLOOD: &str = "lesson=crawler&url=https%3A%2F%2Fvictim.example%2Fapi&n=300&k=50&run=1";

#[test]
fn run_1_with_a_user_url_is_refused_and_names_the_host() {
    let s = AppState::from_query("lesson=crawler&url=https%3A%2F%2Fvictim.example%3A8443%2Fapi&n=5&run=1", None);
    assert!(!s.run_requested, "a link must not start a run against someone else's server");
    assert_eq!(s.run_refused, Some(RunRefused::UserUrl { host: "victim.example:8443".into() }));
    assert_eq!(s.user_url_host().as_deref(), Some("victim.example:8443"));
    // The visitor can still run it: the parameters are valid and Run is enabled.
    assert!(s.can_run());
    for lang in Lang::ALL {
        let r = s.run_refused.as_ref().unwrap();
        assert!(has(r.key()), "{}", r.key());
        let msg = fill(tr(lang, r.key()), &[("host", "victim.example:8443")]);
        assert!(msg.contains("victim.example:8443") && !msg.contains('{'), "{msg}");
    }
    // Starting the run (the visitor's click) clears the refusal.
    assert_eq!(s.reduce(Action::RunStarted).run_refused, None);
}

#[test]
fn run_1_without_a_user_url_still_runs_on_load() {
    let s = AppState::from_query("lesson=crawler&n=300&k=50&run=1", None);
    assert!(s.run_requested);
    assert_eq!(s.run_refused, None);
    assert_eq!(s.user_url_host(), None);
    let s = AppState::from_query("lesson=primes&bound=1000&run=1", None);
    assert!(s.run_requested && s.run_refused.is_none());
}

#[test]
fn the_embed_apis_run_is_refused_for_a_user_url() {
    let s = AppState::from_query("lesson=crawler&n=5&embed=1", None);
    // The host sets a URL, then asks for a run: refused.
    let s = s.reduce(Action::SetParam { key: "url".into(), value: "http://10.0.0.1/".into() });
    let s = s.reduce(Action::RequestRun);
    assert!(!s.run_requested);
    assert_eq!(s.run_refused, Some(RunRefused::UserUrl { host: "10.0.0.1".into() }));
    // Cleared URL: the embed API runs again.
    let s = s.reduce(Action::SetParam { key: "url".into(), value: String::new() }).reduce(Action::RequestRun);
    assert!(s.run_requested);
}

#[test]
fn a_user_url_run_is_capped_in_size_with_a_translated_reason() {
    let s = AppState::from_query(FLOOD, None);
    assert!(!s.run_requested);
    let errs = s.params().expect_err("n = 300 against a user URL");
    assert_eq!(errs, vec![ParamError::UserUrlCap { key: "n", value: 300, max: USER_URL_MAX_N }]);
    assert!(!s.can_run(), "Run stays disabled until n ≤ {USER_URL_MAX_N}");
    for lang in Lang::ALL {
        let m = param_error(lang, "crawler", &errs[0]);
        assert!(m.contains("300") && m.contains(&USER_URL_MAX_N.to_string()) && !m.contains('{'), "{m}");
    }
    // At the cap it is fine; the same n without a URL is fine too (the built-in endpoint).
    let at = s.reduce(Action::SetParam { key: "n".into(), value: USER_URL_MAX_N.to_string() });
    assert!(at.params().is_ok() && at.can_run());
    let over = s.reduce(Action::SetParam { key: "n".into(), value: (USER_URL_MAX_N + 1).to_string() });
    assert!(over.params().is_err());
    let no_url = s.reduce(Action::SetParam { key: "url".into(), value: String::new() });
    assert_eq!(no_url.params().expect("built-in endpoint").int("n"), 300);
}

#[test]
fn the_stated_caps_are_small() {
    // The README states these numbers; keep them in step.
    assert_eq!(USER_URL_MAX_N, 20);
    assert_eq!(USER_URL_MAX_RATE_PER_S, 5.0);
}

#[test]
fn the_engine_refuses_an_oversized_user_url_run_on_its_own() {
    use concurrency_playground::scenarios::{crawler, run_virtual};
    let raw = [("n", "21"), ("url", "https://victim.example/")].into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
    let err = run_virtual(&crawler::SCENARIO, &raw).expect_err("over the cap");
    let key = err.to_string();
    assert!(has(&key), "a translation key: {key}");
}

#[test]
fn embed_messages_parse_and_origins_restrict() {
    assert_eq!(embed_msg::parse(r#"{"type":"playground:run"}"#), Ok(EmbedCommand::Run));
    assert_eq!(embed_msg::parse(r#"{"type":"playground:stop"}"#), Ok(EmbedCommand::Stop));
    let set = embed_msg::parse(
        r#"{"type":"playground:set","lesson":"crawler","params":{"k":5,"latency":"fixed"},"lang":"zh","clock":"virtual"}"#,
    );
    let Ok(EmbedCommand::Set { lesson, params, lang, clock }) = set else { panic!("{set:?}") };
    assert_eq!(lesson.as_deref(), Some("crawler"));
    assert_eq!(params, vec![("k".into(), "5".into()), ("latency".into(), "fixed".into())]);
    assert_eq!((lang, clock.map(|c| c.as_str())), (Some(Lang::Zh), Some("virtual")));
    assert_eq!(embed_msg::parse(r#"{"type":"other-lib"}"#), Err(EmbedError::NotForUs));
    assert_eq!(embed_msg::parse("not json"), Err(EmbedError::NotForUs));
    assert_eq!(embed_msg::parse(r#"{"type":"playground:fly"}"#), Err(EmbedError::UnknownType { kind: "fly".into() }));
    assert_eq!(embed_msg::parse(r#"{"type":"playground:set","lang":"fr"}"#), Err(EmbedError::BadField { field: "lang" }));
    assert_eq!(embed_msg::parse(r#"{"type":"playground:set","params":[1]}"#), Err(EmbedError::BadField { field: "params" }));

    let s = AppState::from_query("lesson=crawler&embed=1&origins=https%3A%2F%2Ftutorial.example%2Chttp%3A%2F%2Flocalhost%3A8000", None);
    assert!(s.url_errors.is_empty(), "{:?}", s.url_errors);
    let allowed = s.embed_origins.clone().expect("restricted");
    assert_eq!(allowed, vec!["https://tutorial.example".to_owned(), "http://localhost:8000".to_owned()]);
    assert!(embed_msg::origin_allowed(Some(&allowed), "https://tutorial.example").is_ok());
    assert_eq!(
        embed_msg::origin_allowed(Some(&allowed), "https://evil.example"),
        Err(EmbedError::OriginNotAllowed { origin: "https://evil.example".into() })
    );
    assert!(embed_msg::origin_allowed(None, "https://anyone.example").is_ok());
    // The share link keeps the restriction.
    assert_eq!(AppState::from_query(&s.to_query(), None).embed_origins, Some(allowed));
    // A bad list is reported and refuses everyone (the host meant to restrict).
    let bad = AppState::from_query("embed=1&origins=javascript:alert(1)", None);
    assert_eq!(bad.url_errors, vec![UrlError::BadOrigins { input: "javascript:alert(1)".into() }]);
    assert!(embed_msg::origin_allowed(bad.embed_origins.as_deref(), "https://tutorial.example").is_err());
}
