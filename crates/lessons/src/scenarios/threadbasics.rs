//! Async lesson: thread basics, one `part` at a time, each a thing CPython's
//! `threading` does that tutorials teach and people get wrong:
//! - `join_timeout`: `t.start()`, then `t.join(timeout)`: join returns after
//!   `min(work, timeout)` and, if the thread is still working, `is_alive()` is
//!   still true (a timeout stops the *waiting*, never the thread); at exit the
//!   interpreter still waits for that non-daemon thread: exit at `work`.
//! - `daemon_exit`: a daemon heartbeat (one line every `tick` ms) and a
//!   non-daemon thread working `work` ms (none at 0); main works `main` ms.
//!   Exit waits for the non-daemon thread, `max(main, work)`, and cuts the
//!   daemon off where it is: its next line is never printed.
//! - `thread_local`: `threads` threads each store their own id, work (thread
//!   i for `work·(T−i)/T` ms, so they finish in reverse order), then read it
//!   back. `threading.local()` gives each its own value; a plain shared
//!   object (`storage=global`) gives every thread the last one written.
//! - `stop_event`: an Event as a start signal and one as a stop flag: main
//!   initialises `work` ms, sets `go`, runs `main` ms, sets `stop`; the worker
//!   polls the flag between `tick`-ms steps, so it ends at the first poll
//!   after the set: within one tick, `ceil(main/tick)` steps done.
//! - `get_timeout`: a thread puts `items` items, one every `tick` ms; main
//!   takes them with `q.get(timeout)`, which raises `queue.Empty` `timeout` ms
//!   after the last item (or at `timeout` if `tick` > `timeout`).
//!
//! Every thread's work is a blocking request on one of the page's real I/O
//! threads (Web Workers, the runtime's `IoThreads`, as the threadpool
//! lesson); the joins, events and queue are the page's, awaited, never
//! blocking it. A cut-off daemon's worker is terminated mid-request. On the
//! virtual clock the same code runs on the runtime's model of those threads.

mod parts;

use super::{Run, Scenario};
use crate::engine::caps::IoThreads;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{ClockKind, LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::future::{join_all, LocalBoxFuture};
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

pub static SCENARIO: Scenario = Scenario {
    id: "threadbasics",
    params: &[
        ParamSpec::choice("part", PARTS, "join_timeout"),
        ParamSpec::int("work", 0, 60_000, 2000),
        ParamSpec::int("timeout", 1, 60_000, 1000),
        ParamSpec::int("tick", 1, 10_000, 300),
        ParamSpec::int("main", 0, 60_000, 1000),
        ParamSpec::int("threads", 1, MAX_THREADS, 5),
        ParamSpec::int("items", 1, 200, 5),
        ParamSpec::choice("storage", STORAGE, "local"),
    ],
    // Every part (`fidelity_variants::VARIED`) with these, no two events
    // closer than 50 ms: join 250 / exit 400; beats 0, 150, 300 / exit 400;
    // stop set at 775 mid-step (steps end 700, 850); items 150, 300, 450 / Empty 700.
    cpython: &[
        ("part", "join_timeout"),
        ("work", "400"),
        ("timeout", "250"),
        ("tick", "150"),
        ("main", "375"),
        ("threads", "4"),
        ("items", "3"),
        ("storage", "local"),
    ],
    extras: &[],
    heavy_steps: false,
    run: Run::Async(run),
};

pub const PARTS: &[&str] = &["join_timeout", "daemon_exit", "thread_local", "stop_event", "get_timeout"];
pub const STORAGE: &[&str] = &["local", "global"];
/// Most threads a part starts (real Web Workers in the browser).
pub const MAX_THREADS: i64 = 20;

struct Cx {
    rt: Rc<dyn Runtime>,
    /// The runtime's I/O threads (its `Caps`).
    io: Rc<dyn IoThreads>,
    rec: Rc<Recorder>,
    /// From `t.start()` to the thread's first step, on the browser (the first thread's).
    handoff: Cell<Option<f64>>,
}

impl Cx {
    fn now(&self) -> f64 {
        self.rt.now()
    }

    /// The thread on `lane` blocks `ms` on real I/O thread `thread`; returns
    /// when it was done (the worker's own clock when it reports it).
    async fn block(&self, thread: usize, lane: LaneId, ms: f64, label: String) -> f64 {
        let (rt, rec) = (&self.rt, &self.rec);
        let t = rt.now();
        if ms <= 0.0 {
            return t;
        }
        let modelled = rt.clock() == ClockKind::Virtual;
        if modelled {
            rec.enter_labelled(lane, State::Io, Some(rt.endpoint_label()), label.clone(), t);
        } else {
            rec.enter(lane, State::Waiting, Some("hand-off"), t);
        }
        let answer = self.io.request(rt.as_ref(), thread, SimRequest { id: thread as u32, latency_ms: ms, status: 200 }).await;
        if modelled {
            return rt.now();
        }
        let (s, e) = answer.as_ref().ok().and_then(|io| io.span).unwrap_or((t, rt.now()));
        let (s, e) = (s.max(t), e.max(s.max(t)));
        if self.handoff.get().is_none() {
            self.handoff.set(Some(s - t));
        }
        rec.span_on(lane, State::Io, rt.endpoint_label(), s, e, Some(label));
        if let Err(err) = &answer {
            rec.event(Some(lane), "fetch_error", Some(err.to_string()), rt.now());
        }
        e
    }

    /// The thread on `lane` ends at `t`.
    fn done(&self, lane: LaneId, t: f64) -> f64 {
        self.rec.finish_lane(lane, Outcome::Done, t);
        t
    }

    /// `interpreter exit`: main waits for every non-daemon thread (what
    /// `threading._shutdown` does), then the process ends.
    async fn exit<F: Future>(&self, main: LaneId, non_daemon: Vec<F>, t0: f64) -> (f64, Vec<F::Output>) {
        self.rec.enter(main, State::Waiting, Some("exit: joining non-daemon threads"), self.now());
        let ends = join_all(non_daemon).await;
        let end = self.now();
        self.rec.event(None, "exit", Some(format!("{:.0}", end - t0)), end);
        self.rec.result("exit_ms", end - t0);
        self.rec.finish_lane(main, Outcome::Done, end);
        (end, ends)
    }
}

/// Real I/O threads each part uses.
fn threads_needed(p: &Params) -> usize {
    match p.choice("part") {
        "daemon_exit" => 2,
        "thread_local" => p.int("threads") as usize,
        _ => 1,
    }
}

fn run(p: Params, rt: Rc<dyn Runtime>, rec: Rc<Recorder>) -> LocalBoxFuture<'static, Result<(), RunError>> {
    Box::pin(async move {
        let main = rec.lane("main", LaneKind::Task);
        let t_start = rt.now();
        let n = threads_needed(&p);
        let io = rt.caps().io_threads()?;
        rec.enter_labelled(main, State::Running, None, format!("starting {n} I/O threads"), t_start);
        io.start(rt.as_ref(), n).await.map_err(RunError::Environment)?;
        let t0 = rt.now();
        if t0 > t_start {
            rec.result("threads_start_ms", t0 - t_start);
        }
        let cx = Rc::new(Cx { rt: rt.clone(), io, rec: rec.clone(), handoff: Cell::new(None) });
        match p.choice("part") {
            "daemon_exit" => parts::daemon_exit(cx.clone(), main, &p, t0).await,
            "thread_local" => parts::thread_local(cx.clone(), main, &p, t0).await,
            "stop_event" => parts::stop_event(cx.clone(), main, &p, t0).await,
            "get_timeout" => parts::get_timeout(cx.clone(), main, &p, t0).await,
            _ => parts::join_timeout(cx.clone(), main, &p, t0).await,
        }
        if let Some(h) = cx.handoff.get() {
            rec.result("start_handoff_ms", h);
        }
        Ok(())
    })
}
