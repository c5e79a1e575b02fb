//! The five parts of the thread-basics lesson, one function each (what each
//! shows: the lesson's module docs), run on the lesson's threads ([`Cx`])
//! from `t0`, `main` being the main thread's lane.

use super::Cx;
use crate::engine::params::Params;
use crate::engine::primitives::aio::EventCore;
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::spawn;
use crate::engine::trace::{LaneKind, Outcome, State};
use futures::channel::mpsc;
use futures::future::{select, Either};
use futures::StreamExt;
use std::cell::Cell;
use std::rc::Rc;

fn lane(rec: &Recorder, name: String) -> LaneId {
    rec.lane(name, LaneKind::Worker)
}

pub(super) async fn join_timeout(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
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

pub(super) async fn daemon_exit(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
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

pub(super) async fn thread_local(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
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

pub(super) async fn stop_event(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
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

pub(super) async fn get_timeout(cx: Rc<Cx>, main: LaneId, p: &Params, t0: f64) {
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
