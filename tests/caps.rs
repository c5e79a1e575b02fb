#![cfg(not(target_arch = "wasm32"))]
//! A runtime's optional capabilities (`engine::caps`), injected one way: a
//! lesson that asks its runtime for one it lacks ends with the translated
//! `err.cap.*` message, and the virtual clock offers what its lessons need.

mod common;
use common::raw;

use concurrency_playground::engine::cpu::{CpuCtx, Progress};
use concurrency_playground::engine::procpool::ThreadProcesses;
use concurrency_playground::engine::runtime::{Caps, FetchError, Response, Runtime, SimRequest};
use concurrency_playground::engine::trace::ClockKind;
use concurrency_playground::engine::virtual_clock::VirtualRuntime;
use concurrency_playground::engine::{caps, RunError};
use concurrency_playground::i18n::{self, Lang};
use concurrency_playground::scenarios::{self, blocking, crawler, gil, threadpool, Scenario};
use futures::future::LocalBoxFuture;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// The virtual clock with nothing beyond its timers, requests and tasks.
struct Bare {
    v: VirtualRuntime,
    none: Caps,
}

impl Runtime for Bare {
    fn now(&self) -> f64 {
        self.v.now()
    }
    fn sleep(&self, ms: f64) -> LocalBoxFuture<'static, ()> {
        self.v.sleep(ms)
    }
    fn fetch(&self, req: SimRequest) -> LocalBoxFuture<'static, Result<Response, FetchError>> {
        self.v.fetch(req)
    }
    fn clock(&self) -> ClockKind {
        self.v.clock()
    }
    fn block(&self, ms: f64) {
        self.v.block(ms)
    }
    fn spawn_local(&self, fut: LocalBoxFuture<'static, ()>) {
        self.v.spawn_local(fut)
    }
    fn caps(&self) -> &Caps {
        &self.none
    }
}

/// Runs `scn` with `pairs` on the bare runtime: its body's result.
fn on_bare(scn: &Scenario, pairs: &[(&str, &str)]) -> Result<(), RunError> {
    let params = scn.validate(&raw(pairs)).unwrap_or_else(|e| panic!("{}: {e:?}", scn.id));
    let body = scn.run.async_body().expect("an async lesson");
    let v = VirtualRuntime::new();
    let rt: Rc<dyn Runtime> = Rc::new(Bare { v: v.clone(), none: Caps::default() });
    let (_rec, fut) = scenarios::start_async(body, params, rt);
    v.block_on(fut).expect("ends")
}

fn missing(name: &str) -> Result<(), RunError> {
    Err(RunError::Environment(format!("err.cap.{name}")))
}

#[test]
fn a_lesson_asking_for_what_its_runtime_lacks_gets_the_capabilitys_message() {
    assert_eq!(on_bare(&threadpool::SCENARIO, &[("jobs", "4"), ("workers", "2")]), missing("io_threads"));
    assert_eq!(on_bare(&blocking::SCENARIO, &[("mode", "sync")]), missing("io_threads"));
    assert_eq!(on_bare(&blocking::SCENARIO, &[("mode", "sync_to_thread")]), missing("io_threads"));
    assert_eq!(on_bare(&blocking::SCENARIO, &[("mode", "offload")]), missing("offload"));
    assert_eq!(on_bare(&crawler::SCENARIO, &[("server", "capacity")]), missing("server"));
    // What needs none runs as on the virtual clock.
    assert_eq!(on_bare(&blocking::SCENARIO, &[("mode", "block")]), Ok(()));
    assert_eq!(on_bare(&crawler::SCENARIO, &[("server", "unlimited")]), Ok(()));
}

#[test]
fn a_cpu_lesson_without_a_process_pool_gets_the_capabilitys_message() {
    let run = gil::SCENARIO.run.cpu().expect("a CPU lesson");
    let p = gil::SCENARIO.validate(&raw(&[("threads", "2"), ("items", "100"), ("rounds", "10"), ("reps", "1")])).expect("valid");
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    let cancel = AtomicBool::new(false);
    let progress = Progress::default();
    let ctx = |processes| CpuCtx { clock: &clock, cancel: &cancel, pool_threads: 2, progress: &progress, processes };
    assert_eq!(run(&p, &ctx(None)).map(|_| ()), missing("processes"));
    assert!(run(&p, &ctx(Some(&ThreadProcesses))).is_ok(), "with a pool it runs");
}

#[test]
fn every_capabilitys_message_is_translated() {
    for name in caps::REQUIRED {
        let key = format!("err.cap.{name}");
        assert!(i18n::has(&key), "missing {key}");
        assert_ne!(i18n::tr(Lang::En, &key), i18n::tr(Lang::Zh, &key), "{key}: one text for both languages");
        assert_eq!(caps::missing(name), RunError::Environment(key));
    }
}

#[test]
fn the_virtual_clock_offers_what_its_lessons_need_and_no_processes() {
    let v = VirtualRuntime::new();
    let c = v.caps();
    assert!(c.offload.is_some() && c.io_threads.is_some() && c.server.is_some());
    assert!(c.processes.is_none() && c.shared.is_none(), "its lessons model processes");
}
