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

use super::{Run, Scenario};
use crate::engine::caps::IoThreads;
use crate::engine::params::{ParamSpec, Params};
use crate::engine::primitives::aio::EventCore;
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{spawn, Runtime, SimRequest};
use crate::engine::trace::{ClockKind, LaneKind, Outcome, State};
use crate::engine::RunError;
use futures::channel::mpsc;
use futures::future::{join_all, select, Either, LocalBoxFuture};
use futures::StreamExt;
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

fn lane(rec: &Recorder, name: String) -> LaneId {
    rec.lane(name, LaneKind::Worker)
}

async fn join_timeout(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
    let (work, timeout) = (p.int("work") as f64, p.int("timeout") as f64);
    let th = lane(&cx.rec, "thread 0".into());
    cx.rec.event(Some(main), "start", Some("thread 0".into()), t0);
    let c = cx.clone();
    let h = spawn(&*cx.rt, async move {
        let end = c.block(0, th, work, format!("work {work} ms")).await;
        c.done(th, end)
    });
    cx.rec.enter_labelled(main, State::Waiting, Some("join(timeout)"), format!("t.join(timeout={timeout} ms)"), t0);
    let (alive, rest) = match select(h, cx.rt.sleep(timeout)).await {
        Either::Left((_, _)) => (false, None),
        Either::Right((_, h)) => (true, Some(h)),
    };
    let back = cx.now();
    cx.rec.result("join_returned_ms", back - t0);
    cx.rec.result("alive_after_join", f64::from(u8::from(alive)));
    cx.rec.event(None, if alive { "join_timed_out" } else { "join_done" }, Some(format!("{:.0}", back - t0)), back);
    cx.exit(main, rest.into_iter().collect(), t0).await;
}

async fn daemon_exit(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
    let (work, tick, main_ms) = (p.int("work") as f64, p.int("tick") as f64, p.int("main") as f64);
    let hb = lane(&cx.rec, "daemon 0".into());
    let beats = Rc::new(Cell::new(0u32));
    let (c, b) = (cx.clone(), beats.clone());
    cx.rec.event(Some(main), "start", Some("daemon 0".into()), t0);
    let heartbeat = spawn(&*cx.rt, async move {
        loop {
            b.set(b.get() + 1);
            c.rec.event(Some(hb), "beat", Some(b.get().to_string()), c.now());
            c.block(0, hb, tick, format!("heartbeat: sleep {tick} ms")).await;
        }
    });
    let mut non_daemon = Vec::new();
    if work > 0.0 {
        let th = lane(&cx.rec, "thread 0".into());
        cx.rec.event(Some(main), "start", Some("thread 0".into()), t0);
        let c = cx.clone();
        non_daemon.push(spawn(&*cx.rt, async move {
            let end = c.block(1, th, work, format!("work {work} ms")).await;
            c.done(th, end)
        }));
    }
    cx.rec.enter_labelled(main, State::Sleeping, None, format!("main's own work, {main_ms} ms"), cx.now());
    cx.rt.sleep(main_ms).await;
    let (end, _) = cx.exit(main, non_daemon, t0).await;
    // The process ends: the daemon stops where it is (its worker is terminated).
    drop(heartbeat);
    cx.rec.finish_lane(hb, Outcome::Cancelled, end);
    cx.rec.result("beats", f64::from(beats.get()));
}

async fn thread_local(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
    let (n, work) = (p.int("threads") as usize, p.int("work") as f64);
    let global = p.choice("storage") == "global";
    // threading.local(): one slot per thread; a plain object: one slot for all.
    let slots: Rc<Vec<Cell<i64>>> = Rc::new((0..n).map(|_| Cell::new(-1)).collect());
    let own = Rc::new(Cell::new(0u32));
    let mut threads = Vec::new();
    for i in 0..n {
        let th = lane(&cx.rec, format!("thread {i}"));
        cx.rec.event(Some(main), "start", Some(format!("thread {i}")), t0);
        let (c, slots, own) = (cx.clone(), slots.clone(), own.clone());
        let ms = work * (n - i) as f64 / n as f64;
        threads.push(spawn(&*cx.rt, async move {
            let slot = if global { 0 } else { i };
            slots[slot].set(i as i64);
            c.rec.event(Some(th), "stored", Some(i.to_string()), c.now());
            let end = c.block(i, th, ms, format!("handle request {i}: {ms} ms")).await;
            let seen = slots[slot].get();
            c.rec.event(Some(th), if seen == i as i64 { "read_own" } else { "read_other" }, Some(seen.to_string()), end);
            own.set(own.get() + u32::from(seen == i as i64));
            c.done(th, end)
        }));
    }
    cx.exit(main, threads, t0).await;
    cx.rec.result("own_values", f64::from(own.get()));
    cx.rec.result("mixed_values", (n as u32 - own.get()).into());
}

async fn stop_event(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
    let (init, tick, run_ms) = (p.int("work") as f64, p.int("tick") as f64, p.int("main") as f64);
    let (go, stop) = (Rc::new(EventCore::default()), Rc::new(EventCore::default()));
    let th = lane(&cx.rec, "thread 0".into());
    let ticks = Rc::new(Cell::new(0u32));
    let (c, g, s, k) = (cx.clone(), go.clone(), stop.clone(), ticks.clone());
    cx.rec.event(Some(main), "start", Some("thread 0".into()), t0);
    let worker = spawn(&*cx.rt, async move {
        c.rec.enter(th, State::Waiting, Some("go.wait()"), c.now());
        g.wait().await;
        let mut end = c.now();
        while !s.is_set() {
            end = c.block(0, th, tick, format!("step {}: {tick} ms", k.get() + 1)).await;
            k.set(k.get() + 1);
            c.rec.event(Some(th), "working", Some(k.get().to_string()), end);
        }
        c.done(th, end)
    });
    cx.rec.enter_labelled(main, State::Sleeping, None, format!("initialising, {init} ms"), t0);
    cx.rt.sleep(init).await;
    go.set();
    cx.rec.event(None, "go_set", Some(format!("{:.0}", cx.now() - t0)), cx.now());
    cx.rec.enter_labelled(main, State::Sleeping, None, format!("running, {run_ms} ms"), cx.now());
    cx.rt.sleep(run_ms).await;
    stop.set();
    let set_at = cx.now();
    let before = ticks.get();
    cx.rec.event(None, "stop_set", Some(format!("{:.0}", set_at - t0)), set_at);
    let (_, ends) = cx.exit(main, vec![worker], t0).await;
    let ended = ends.first().copied().unwrap_or(set_at);
    cx.rec.result("ticks", f64::from(ticks.get()));
    cx.rec.result("ticks_after_stop", f64::from(ticks.get() - before));
    cx.rec.result("stop_set_ms", set_at - t0);
    cx.rec.result("stopped_ms", ended - t0);
    cx.rec.result("stop_latency_ms", ended - set_at);
}

async fn get_timeout(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
    let (items, tick, timeout) = (p.int("items") as u32, p.int("tick") as f64, p.int("timeout") as f64);
    let (tx, mut rx) = mpsc::unbounded::<u32>();
    let th = lane(&cx.rec, "thread 0".into());
    cx.rec.event(Some(main), "start", Some("thread 0".into()), t0);
    let (c, put) = (cx.clone(), tx.clone());
    let producer = spawn(&*cx.rt, async move {
        let mut end = c.now();
        for k in 0..items {
            end = c.block(0, th, tick, format!("fetch item {k}: {tick} ms")).await;
            let _ = put.unbounded_send(k);
            c.rec.event(Some(th), "put", Some(k.to_string()), end);
        }
        c.done(th, end)
    });
    let (mut got, mut last) = (0u32, t0);
    loop {
        cx.rec.enter_labelled(main, State::Waiting, Some("q.get(timeout)"), format!("q.get(timeout={timeout} ms)"), cx.now());
        match select(rx.next(), cx.rt.sleep(timeout)).await {
            Either::Left((Some(k), _)) => {
                got += 1;
                last = cx.now();
                cx.rec.event(Some(main), "got", Some(k.to_string()), last);
            }
            // `tx` lives on: a queue.Queue is never closed.
            Either::Left((None, _)) => break,
            Either::Right(_) => {
                let at = cx.now();
                cx.rec.event(None, "empty", Some(format!("{:.0}", at - t0)), at);
                cx.rec.result("empty_ms", at - t0);
                cx.rec.result("get_waited_ms", at - last);
                break;
            }
        }
    }
    cx.rec.result("got", f64::from(got));
    cx.exit(main, vec![producer], t0).await;
    drop(tx);
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
            "daemon_exit" => daemon_exit(cx.clone(), main, &p, t0).await,
            "thread_local" => thread_local(cx.clone(), main, &p, t0).await,
            "stop_event" => stop_event(cx.clone(), main, &p, t0).await,
            "get_timeout" => get_timeout(cx.clone(), main, &p, t0).await,
            _ => join_timeout(cx.clone(), main, &p, t0).await,
        }
        if let Some(h) = cx.handoff.get() {
            rec.result("start_handoff_ms", h);
        }
        Ok(())
    })
}
