//! Structured concurrency like `asyncio.TaskGroup`: when a child fails, its
//! siblings are cancelled; each cancelled child runs its cleanup (`finally`,
//! which may await) while its lane shows [`State::Cancelled`]; the group then
//! raises an exception group of every failure. A group nested in another is
//! cancelled when its parent is, and its failure fails the parent.
//!
//! Why cooperative: in Rust, cancelling a future means dropping it, and a drop
//! cannot await, so asyncio's "`CancelledError` at the await point, then the
//! `finally` block runs and may itself await" cannot be had by dropping (nor
//! with `futures::future::Abortable`, which also drops). Instead every child
//! gets a [`Scope`] whose [`Scope::checkpoint`] races an await against the
//! group's [`CancelToken`]: the child sees `Err(TaskError::Cancelled)` there,
//! returns, and the group then awaits the child's cleanup future. The token is
//! an asyncio-style event ([`EventCore`]: sticky, wakes waiters in the order
//! they began waiting); the races are `futures::select`. Each child is its own
//! task from `spawn` on (`tg.create_task` schedules it at once), so children
//! resume in wake order.

use super::aio::EventCore;
use crate::recorder::{LaneId, Recorder};
use crate::runtime::{spawn, JoinHandle, Runtime};
use crate::trace::{Outcome, State};
use futures::future::{select, Either, LocalBoxFuture};
use std::future::Future;
use std::rc::Rc;

/// A sticky cancel signal: once cancelled, every waiter (present and future) sees it.
#[derive(Clone, Default)]
pub struct CancelToken(Rc<EventCore>);

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn cancel(&self) {
        self.0.set();
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.is_set()
    }
    /// Resolves once [`cancel`](Self::cancel) has been called.
    pub async fn cancelled(&self) {
        self.0.wait().await;
    }
}

/// How a child (or a whole group) ended when it did not succeed.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskError {
    /// The child raised (e.g. `ValueError("...")`).
    Failed(String),
    /// The child was cancelled by its group.
    Cancelled,
    /// A (nested) group raised an exception group of these.
    Group(Vec<TaskError>),
}

impl TaskError {
    /// Leaf exceptions, counting into nested groups (cancellations are not exceptions).
    pub fn leaves(&self) -> usize {
        match self {
            TaskError::Failed(_) => 1,
            TaskError::Cancelled => 0,
            TaskError::Group(v) => v.iter().map(TaskError::leaves).sum(),
        }
    }
}

/// What a child sees of its group: its lane and the group's cancel signal.
#[derive(Clone)]
pub struct Scope {
    pub lane: Option<LaneId>,
    token: CancelToken,
}

impl Scope {
    /// An await point: `work`'s output, or `Err(Cancelled)` as soon as the group
    /// cancels (then `work` is dropped, like the awaited operation in asyncio).
    pub async fn checkpoint<F: Future>(&self, work: F) -> Result<F::Output, TaskError> {
        if self.token.is_cancelled() {
            return Err(TaskError::Cancelled);
        }
        let cancelled = Box::pin(self.token.cancelled());
        match select(Box::pin(work), cancelled).await {
            Either::Left((out, _)) => Ok(out),
            Either::Right(((), _)) => Err(TaskError::Cancelled),
        }
    }
    pub fn token(&self) -> &CancelToken {
        &self.token
    }
}

type Child = JoinHandle<Result<(), TaskError>>;

/// `async with asyncio.TaskGroup() as tg:` — spawn children, then [`join`](Self::join).
pub struct TaskGroup {
    token: CancelToken,
    parent: Option<CancelToken>,
    rec: Rc<Recorder>,
    rt: Rc<dyn Runtime>,
    children: Vec<Child>,
}

impl TaskGroup {
    pub fn new(rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Self {
        TaskGroup { token: CancelToken::new(), parent: None, rec, rt, children: Vec::new() }
    }

    /// A group running inside a child of another group (`scope`): cancelled
    /// when that group cancels; spawn it into the parent with [`join`](Self::join)
    /// as the child's body so its exception group fails the parent.
    pub fn nested(scope: &Scope, rec: Rc<Recorder>, rt: Rc<dyn Runtime>) -> Self {
        TaskGroup { parent: Some(scope.token.clone()), ..Self::new(rec, rt) }
    }

    /// The scope to build a child's body with (`lane` None for a child that is
    /// only a nested group).
    pub fn scope(&self, lane: Option<LaneId>) -> Scope {
        Scope { lane, token: self.token.clone() }
    }

    /// `tg.create_task(...)`. `body` ends with `Ok`, `Err(Failed)` (the group
    /// cancels the siblings) or `Err(Cancelled)` (it reached a checkpoint after
    /// the group cancelled). `cleanup` is its `finally`, awaited after a failure
    /// or cancellation with the lane in [`State::Failed`] / [`State::Cancelled`].
    pub fn spawn(
        &mut self,
        lane: Option<LaneId>,
        body: impl Future<Output = Result<(), TaskError>> + 'static,
        cleanup: Option<LocalBoxFuture<'static, ()>>,
    ) {
        let (rec, rt, token) = (self.rec.clone(), self.rt.clone(), self.token.clone());
        let child = spawn(self.rt.as_ref(), async move {
            let result = body.await;
            let (state, outcome, event) = match &result {
                Ok(()) => {
                    if let Some(l) = lane {
                        rec.finish_lane(l, Outcome::Done, rt.now());
                    }
                    return Ok(());
                }
                Err(TaskError::Cancelled) => (State::Cancelled, Outcome::Cancelled, "cancelled"),
                Err(_) => (State::Failed, Outcome::Failed, "task_failed"),
            };
            if let Some(l) = lane {
                rec.event(Some(l), event, None, rt.now());
                rec.enter(l, state, Some("finally"), rt.now());
            }
            if let Some(c) = cleanup {
                c.await;
            }
            if let Some(l) = lane {
                rec.finish_lane(l, outcome, rt.now());
            }
            // Like asyncio: the group learns of a failure when the task is done,
            // i.e. after its `finally`.
            if outcome == Outcome::Failed {
                token.cancel();
            }
            result
        });
        self.children.push(child);
    }

    /// Leaves the `async with` block: waits for every child (and every
    /// cleanup). `Err(Group)` with all failures if any child failed (event
    /// `group_raised`, detail: leaf exceptions), `Err(Cancelled)` if only the
    /// parent cancelled it, else `Ok`.
    pub async fn join(self) -> Result<(), TaskError> {
        let TaskGroup { token, parent, rec, rt, children } = self;
        let all = Box::pin(async move {
            let mut out = Vec::with_capacity(children.len());
            for c in children {
                out.push(c.await);
            }
            out
        });
        let results = match parent {
            None => all.await,
            Some(parent) => {
                let watcher = Box::pin(async move { parent.cancelled().await });
                match select(all, watcher).await {
                    Either::Left((r, _)) => r,
                    Either::Right(((), all)) => {
                        token.cancel();
                        all.await
                    }
                }
            }
        };
        let errors: Vec<TaskError> = results.into_iter().filter_map(Result::err).filter(|e| *e != TaskError::Cancelled).collect();
        if !errors.is_empty() {
            let e = TaskError::Group(errors);
            rec.event(None, "group_raised", Some(e.leaves().to_string()), rt.now());
            Err(e)
        } else if token.is_cancelled() {
            Err(TaskError::Cancelled)
        } else {
            Ok(())
        }
    }
}
