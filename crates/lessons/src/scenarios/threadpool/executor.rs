//! The thread-pool lesson's executor: a FIFO work queue, the idle threads,
//! and one pool thread's loop (take a job, block in its request, repeat).

use crate::engine::caps::IoThreads;
use crate::engine::recorder::{LaneId, Recorder};
use crate::engine::runtime::{Runtime, SimRequest};
use crate::engine::trace::{ClockKind, Outcome, State};
use futures::channel::oneshot;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Stage {
    Fetch,
    Store,
}

/// A job as the caller sees it finish.
#[derive(Debug, Clone, Copy)]
pub(super) struct Done {
    pub(super) id: u32,
    pub(super) ok: bool,
}

pub(super) struct Job {
    pub(super) id: u32,
    pub(super) stage: Stage,
    pub(super) latency_ms: f64,
    pub(super) done: oneshot::Sender<Done>,
}

/// The executor's state: a FIFO work queue and the idle threads, first idle first served.
#[derive(Default)]
pub(super) struct Pool {
    pub(super) queue: RefCell<VecDeque<Job>>,
    pub(super) idle: RefCell<VecDeque<oneshot::Sender<Job>>>,
    pub(super) shut: Cell<bool>,
}

impl Pool {
    pub(super) fn submit(&self, job: Job) {
        let idle = self.idle.borrow_mut().pop_front();
        match idle {
            Some(tx) => {
                if let Err(job) = tx.send(job) {
                    self.queue.borrow_mut().push_back(job);
                }
            }
            None => self.queue.borrow_mut().push_back(job),
        }
    }

    /// `shutdown(wait=True)`: idle threads exit; busy ones exit after their job.
    pub(super) fn shutdown(&self) {
        self.shut.set(true);
        self.idle.borrow_mut().clear();
    }
}

pub(super) struct Ctx {
    pub(super) rt: Rc<dyn Runtime>,
    /// The runtime's I/O threads (its `Caps`), which make the blocking requests.
    pub(super) io: Rc<dyn IoThreads>,
    pub(super) rec: Rc<Recorder>,
    pub(super) pool: Pool,
    pub(super) callbacks: bool,
}

/// One pool thread: take the next job (or wait on the queue), block in its request, repeat.
pub(super) async fn worker(cx: Rc<Ctx>, w: usize, lane: LaneId) {
    let (rt, rec) = (&cx.rt, &cx.rec);
    let mut idle_since = rt.now();
    loop {
        let next = cx.pool.queue.borrow_mut().pop_front();
        let job = match next {
            Some(j) => j,
            None if cx.pool.shut.get() => break,
            None => {
                let (tx, rx) = oneshot::channel();
                cx.pool.idle.borrow_mut().push_back(tx);
                rec.enter(lane, State::Waiting, Some("work queue"), rt.now());
                match rx.await {
                    Ok(j) => j,
                    Err(_) => break,
                }
            }
        };
        let what = if job.stage == Stage::Fetch { "fetch" } else { "store" };
        let label = format!("job {}: {what}, {} ms", job.id, job.latency_ms);
        let t = rt.now();
        let modelled = rt.clock() == ClockKind::Virtual;
        if modelled {
            rec.enter_labelled(lane, State::Io, Some(rt.endpoint_label()), label.clone(), t);
        } else {
            // Until the thread reports in, the job is on its way to it.
            rec.enter(lane, State::Waiting, Some("hand-off"), t);
        }
        let answer = cx.io.request(rt.as_ref(), w, SimRequest { id: job.id, latency_ms: job.latency_ms, status: 200 }).await;
        let ok = matches!(&answer, Ok(r) if r.status < 400);
        if !modelled {
            // The thread's own times when it has them: it was parked exactly then.
            let (s, e) = answer.as_ref().ok().and_then(|io| io.span).unwrap_or((t, rt.now()));
            rec.span_on(lane, State::Io, rt.endpoint_label(), s.max(t), e.max(s.max(t)), Some(label));
        }
        match &answer {
            Ok(r) if r.status >= 400 => rec.event(Some(lane), "http_error", Some(r.status.to_string()), rt.now()),
            Err(e) => rec.event(Some(lane), "fetch_error", Some(e.to_string()), rt.now()),
            _ => {}
        }
        idle_since = rt.now();
        rec.enter(lane, State::Waiting, Some("work queue"), idle_since);
        if cx.callbacks && job.stage == Stage::Fetch {
            // The done-callback runs on this thread: parse, then submit the store.
            rec.event(Some(lane), "parsed", Some(job.id.to_string()), idle_since);
            cx.pool.submit(Job { id: job.id, stage: Stage::Store, latency_ms: job.latency_ms / 2.0, done: job.done });
            continue;
        }
        let _ = job.done.send(Done { id: job.id, ok });
    }
    // The thread's lane ends with its last job (it idles until shutdown).
    rec.finish_lane(lane, Outcome::Done, idle_since);
}
