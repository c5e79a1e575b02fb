#![cfg(not(target_arch = "wasm32"))]
//! A user's own URL as a lesson parameter (`ParamKind::Url`, crawler `url`):
//! validation and its translated messages, share links, the unchanged plan on
//! the virtual clock, and the `url_unreachable` report when every request fails
//! with a network error (a stand-in runtime fails `fetch_url` like CORS/DNS).

mod common;
use common::raw;

use concurrency_playground::engine::params::{check_url, url_host, ParamError, UrlProblem, URL_MAX_LEN};
use concurrency_playground::engine::runtime::{Caps, FetchError, Response, Runtime, SimRequest};
use concurrency_playground::engine::trace::{ClockKind, Outcome, Trace};
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use concurrency_playground::i18n::{param_error, tr, Lang};
use concurrency_playground::scenarios::{self, crawler, run_virtual};
use concurrency_playground::state::{Action, AppState};
use futures::future::LocalBoxFuture;
use std::rc::Rc;

/// The page with the crawler lesson selected.
fn crawler_page() -> AppState {
    AppState::default().reduce(Action::SelectLesson("crawler".into()))
}

fn url_error(url: &str) -> Option<ParamError> {
    match crawler::SCENARIO.validate(&raw(&[("url", url)])) {
        Ok(_) => None,
        Err(mut e) => {
            assert_eq!(e.len(), 1, "{e:?}");
            e.pop()
        }
    }
}

fn problem(url: &str) -> Option<UrlProblem> {
    url_error(url).map(|e| match e {
        ParamError::BadUrl { key, problem, .. } => {
            assert_eq!(key, "url");
            problem
        }
        other => panic!("{url}: unexpected {other:?}"),
    })
}

#[test]
fn url_validation_accepts_empty_and_http_and_refuses_the_rest() {
    let p = crawler::SCENARIO.validate(&raw(&[])).expect("defaults");
    assert_eq!(p.text("url"), "", "empty by default = the built-in endpoint");
    let p = crawler::SCENARIO.validate(&raw(&[("url", "   ")])).expect("blank is empty");
    assert_eq!(p.text("url"), "");
    for ok in ["http://example.com", "HTTPS://example.com:8443/a?b=c#d", "http://127.0.0.1:9/x", "https://u@h/"] {
        let p = crawler::SCENARIO.validate(&raw(&[("url", ok)])).unwrap_or_else(|e| panic!("{ok}: {e:?}"));
        assert_eq!(p.text("url"), ok);
    }
    assert_eq!(problem(" http://example.com/ ").map(|_| ()), None, "surrounding spaces are trimmed");
    for bad in ["ftp://example.com/", "data:text/plain,hi", "example.com", "javascript:alert(1)", "http:/x", "//example.com"] {
        assert_eq!(problem(bad), Some(UrlProblem::Scheme), "{bad}");
    }
    for bad in ["http://exa mple.com/", "https://example.com/a\tb", "http://a/\u{7}"] {
        assert_eq!(problem(bad), Some(UrlProblem::Whitespace), "{bad:?}");
    }
    assert_eq!(problem("http:///path"), Some(UrlProblem::NoHost));
    assert_eq!(problem("https://:80/"), Some(UrlProblem::NoHost));
    let long = format!("https://example.com/{}", "a".repeat(URL_MAX_LEN));
    assert_eq!(problem(&long), Some(UrlProblem::TooLong { max: URL_MAX_LEN }));
    let just = format!("https://example.com/{}", "a".repeat(URL_MAX_LEN - "https://example.com/".len()));
    assert_eq!(check_url(&just, URL_MAX_LEN), Ok(()), "exactly the limit is fine");
    assert_eq!(url_host("https://user@example.com:8080/x?y"), Some("example.com:8080"));
    assert_eq!(url_host("http://127.0.0.1:9"), Some("127.0.0.1:9"));
}

#[test]
fn url_errors_are_translated_and_keep_what_was_typed() {
    for (url, needle) in [("ftp://x", "ftp://x"), ("http://a b", ""), ("http:///p", "http:///p")] {
        let e = url_error(url).expect("refused");
        let en = param_error(Lang::En, "crawler", &e);
        let zh = param_error(Lang::Zh, "crawler", &e);
        assert!(!en.contains('{') && !zh.contains('{'), "placeholders filled: {en} / {zh}");
        assert!(en.contains(tr(Lang::En, "crawler.url")), "{en}");
        assert!(en.contains(needle) && zh.contains(needle), "{en} / {zh}");
        assert_ne!(en, zh);
    }
    let long = format!("http://x/{}", "y".repeat(URL_MAX_LEN));
    let en = param_error(Lang::En, "crawler", &url_error(&long).expect("too long"));
    assert!(en.contains(&URL_MAX_LEN.to_string()), "{en}");
    // The page keeps the raw text and refuses to run until it is fixed.
    let s = crawler_page().reduce(Action::SetParam { key: "url".into(), value: "ftp://nope".into() });
    assert_eq!(s.input("url"), "ftp://nope");
    assert!(!s.can_run());
    assert!(s.reduce(Action::SetParam { key: "url".into(), value: "".into() }).can_run());
}

#[test]
fn share_links_carry_the_url_and_omit_it_when_empty() {
    let url = "https://example.com/api?q=a&b=é#frag";
    let s = crawler_page().reduce(Action::SetParam { key: "url".into(), value: url.into() });
    let q = s.to_query();
    let back = AppState::from_query(&q, Some("en"));
    assert!(back.url_errors.is_empty(), "{q}: {:?}", back.url_errors);
    assert_eq!(back.input("url"), url, "{q}");
    assert_eq!(back.params().expect("valid").text("url"), url);
    // A bad URL survives the link too, so the user sees what they typed.
    let bad = crawler_page().reduce(Action::SetParam { key: "url".into(), value: "ftp://a b".into() });
    assert_eq!(AppState::from_query(&bad.to_query(), None).input("url"), "ftp://a b");
    assert!(!crawler_page().to_query().contains("url="), "{}", crawler_page().to_query());
}

#[test]
fn a_user_url_leaves_the_virtual_plan_and_timing_unchanged() {
    let base = [("n", "15"), ("k", "4"), ("latency", "uniform"), ("ms", "50"), ("fail", "20"), ("seed", "3")];
    let with: Vec<(&str, &str)> = base.iter().copied().chain([("url", "https://example.com/")]).collect();
    let (p0, p1) = (crawler::SCENARIO.validate(&raw(&base)).unwrap(), crawler::SCENARIO.validate(&raw(&with)).unwrap());
    assert_eq!(crawler::plan(&p0), crawler::plan(&p1));
    let (a, b) = (run_virtual(&crawler::SCENARIO, &raw(&base)).unwrap(), run_virtual(&crawler::SCENARIO, &raw(&with)).unwrap());
    assert_eq!(a.meta.makespan_ms, b.meta.makespan_ms);
    let outcomes = |t: &Trace| t.lanes.iter().map(|l| l.outcome).collect::<Vec<_>>();
    assert_eq!(outcomes(&a), outcomes(&b));
    assert!(outcomes(&a).contains(&Some(Outcome::Failed)), "fail = 20 fails some requests");
    // Spans name the user's host instead of the built-in endpoint; no unreachable report.
    assert!(b.spans.iter().any(|s| s.resource.as_deref() == Some("GET example.com")));
    assert!(a.spans.iter().all(|s| s.resource.as_deref() != Some("GET example.com")));
    assert!(b.events.iter().all(|e| e.name != crawler::URL_UNREACHABLE));
    assert_eq!(b.meta.params.get("url").map(String::as_str), Some("https://example.com/"));
}

/// The virtual clock, except that a user URL fails like the browser's fetch
/// does on CORS/DNS/refusal (for every request, or only the odd-numbered ones).
struct Unreachable {
    vrt: VirtualRuntime,
    only_odd: bool,
}

impl Runtime for Unreachable {
    fn now(&self) -> f64 {
        self.vrt.now()
    }
    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        self.vrt.sleep(ms)
    }
    fn fetch(&self, req: SimRequest) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        self.vrt.fetch(req)
    }
    fn fetch_url(&self, req: SimRequest, url: &str) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        if self.only_odd && req.id.is_multiple_of(2) {
            return self.vrt.fetch(req);
        }
        let msg = format!("Failed to fetch {url}");
        let delay = self.vrt.sleep(req.latency_ms);
        Box::pin(async move {
            delay.await;
            Err(FetchError::Network(msg))
        })
    }
    fn clock(&self) -> ClockKind {
        ClockKind::Virtual
    }
    fn spawn_local(&self, fut: LocalBoxFuture<'static, ()>) {
        self.vrt.spawn_local(fut)
    }
    fn block(&self, ms: f64) {
        self.vrt.block(ms)
    }
    fn caps(&self) -> &Caps {
        self.vrt.caps()
    }
}

fn run_unreachable(only_odd: bool) -> Trace {
    let url = "https://no-such-host.invalid/x";
    let pairs = [("n", "6"), ("k", "2"), ("latency", "fixed"), ("ms", "30"), ("url", url)];
    let params = crawler::SCENARIO.validate(&raw(&pairs)).expect("valid");
    let Some(run) = crawler::SCENARIO.run.async_body() else { panic!("crawler is async") };
    let vrt = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(Unreachable { vrt: vrt.clone(), only_odd });
    let (rec, fut) = scenarios::start_async(run, params.clone(), rt.clone());
    vrt.block_on(fut).expect("finishes").expect("an unreachable URL is not a run error");
    scenarios::finish_async(&crawler::SCENARIO, &params, rec, rt.as_ref(), false).expect("trace")
}

#[test]
fn every_request_failing_on_the_network_reports_the_url_as_unreachable() {
    let t = run_unreachable(false);
    assert!(t.validate().is_ok(), "{:?}", t.validate());
    assert!(t.lanes.iter().all(|l| l.outcome == Some(Outcome::Failed)));
    let fetch_errors = t.events.iter().filter(|e| e.name == "fetch_error" && e.lane.is_some()).count();
    assert_eq!(fetch_errors, 6, "each lane says why it failed");
    let marks: Vec<_> = t.events.iter().filter(|e| e.name == crawler::URL_UNREACHABLE).collect();
    assert_eq!(marks.len(), 1);
    assert_eq!((marks[0].lane, marks[0].detail.as_deref()), (None, Some("https://no-such-host.invalid/x")));
    // The run-wide message is translated, names the URL and explains CORS/DNS.
    let en = concurrency_playground::i18n::event_text(Lang::En, &marks[0].name, marks[0].detail.as_deref());
    let zh = concurrency_playground::i18n::event_text(Lang::Zh, &marks[0].name, marks[0].detail.as_deref());
    assert!(en.contains("no-such-host.invalid") && en.contains("Access-Control-Allow-Origin") && en.contains("DNS"), "{en}");
    assert!(zh.contains("no-such-host.invalid") && zh.contains("CORS"), "{zh}");
}

#[test]
fn some_requests_getting_through_is_not_reported_as_unreachable() {
    let t = run_unreachable(true);
    let failed = t.lanes.iter().filter(|l| l.outcome == Some(Outcome::Failed)).count();
    assert_eq!(failed, 3, "odd requests fail");
    assert!(t.events.iter().all(|e| e.name != crawler::URL_UNREACHABLE));
}
