//! Turns of the page's thread: the one mechanism that keeps a run from holding
//! it for long. A *turn* is what runs between two macrotasks; once the current
//! one has run [`SLICE_MS`], work that can wait does ([`next`]), so input,
//! paint and Stop get their turn in between. The virtual clock's slices
//! (`runner`) and the browser runtime's tasks (`browser_runtime`: 10,000 tasks
//! first polled at once, each making its `fetch()`) both go through here.
//!
//! A new turn is a message on a `MessageChannel`: a macrotask like a 0 ms
//! `setTimeout`, without the 4 ms the browser adds to nested timers.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;

/// Longest a turn may run before work that can wait waits, ms (as the
/// interleaving search's slices): well under the 50 ms of a long task.
pub const SLICE_MS: f64 = 8.0;

// The page's one binding of MessageChannel (the process lessons hand its ports to workers too).
#[wasm_bindgen]
extern "C" {
    pub(super) type MessageChannel;
    #[wasm_bindgen(constructor)]
    pub(super) fn new() -> MessageChannel;
    #[wasm_bindgen(method, getter)]
    pub(super) fn port1(this: &MessageChannel) -> Port;
    #[wasm_bindgen(method, getter)]
    pub(super) fn port2(this: &MessageChannel) -> Port;
    pub(super) type Port;
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &Port, f: &js_sys::Function);
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &Port, v: &JsValue);
}

#[derive(Default)]
struct Turns {
    /// When the current turn began (first asked in it); `None` until asked.
    start: Option<f64>,
    /// Who waits for the next turn, in the order they asked.
    waiters: Vec<Waker>,
    /// Turns begun so far.
    count: u64,
    /// The channel whose message starts the next turn, and its handler.
    channel: Option<(MessageChannel, Closure<dyn FnMut()>)>,
}

thread_local! {
    static TURNS: RefCell<Turns> = RefCell::default();
}

thread_local! {
    /// The page's `performance`, looked up once: [`spent`] is asked before
    /// every poll of a paced task (10,000 tasks woken at once at Stop).
    static PERFORMANCE: Option<web_sys::Performance> = web_sys::window().and_then(|w| w.performance());
}

pub(super) fn now_ms() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, web_sys::Performance::now))
}

/// The message arrived: a new turn; whoever waited goes on, in order. The
/// turn's clock starts now if anyone waited (they all run in this one
/// macrotask, so they share its [`SLICE_MS`]), else at the first [`spent`].
fn turn_over() {
    let waiters = TURNS.with(|t| {
        let mut t = t.borrow_mut();
        t.start = None;
        t.count += 1;
        std::mem::take(&mut t.waiters)
    });
    if !waiters.is_empty() {
        spent();
    }
    waiters.into_iter().for_each(Waker::wake);
}

/// How long the current turn has run, ms (0 if not begun).
fn elapsed() -> f64 {
    TURNS.with(|t| t.borrow().start).map_or(0.0, |start| now_ms() - start)
}

/// At most this much of a turn may have run for [`fresh`] to take it, ms.
const FRESH_MS: f64 = 1.0;

/// Resolves at the start of a turn that nothing else has used yet: for work
/// that cannot be cut (closing a trace, building its replay, drawing it), so
/// that it does not add to what other tasks did in the same turn.
pub async fn fresh() {
    loop {
        next().await;
        if elapsed() < FRESH_MS {
            return;
        }
    }
}

/// Marks the current turn as begun (posting the message that ends it) if it
/// was not yet, and says whether it has run [`SLICE_MS`] or more.
pub fn spent() -> bool {
    TURNS.with(|t| {
        let mut t = t.borrow_mut();
        let now = now_ms();
        match t.start {
            Some(start) => now - start >= SLICE_MS,
            None => {
                t.start = Some(now);
                let (ch, _) = t.channel.get_or_insert_with(|| {
                    let ch = MessageChannel::new();
                    let f = Closure::<dyn FnMut()>::new(turn_over);
                    ch.port1().set_onmessage(f.as_ref().unchecked_ref());
                    (ch, f)
                });
                ch.port2().post_message(&JsValue::UNDEFINED);
                false
            }
        }
    })
}

/// Resolves in the next turn of the page's thread (always waits).
pub fn next() -> impl Future<Output = ()> {
    spent();
    Next(TURNS.with(|t| t.borrow().count))
}

/// Ready once the turn count has passed the one it holds.
struct Next(u64);

impl Future for Next {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        TURNS.with(|t| {
            let mut t = t.borrow_mut();
            if t.count > self.0 {
                return Poll::Ready(());
            }
            t.waiters.push(cx.waker().clone());
            Poll::Pending
        })
    }
}

/// Set once the run a task belongs to is over (ended or stopped): its tasks
/// are then dropped when next polled, without waiting for a turn.
pub type Closed = Rc<std::cell::Cell<bool>>;

/// A task that is polled only in a turn not yet spent: polled in a spent one,
/// it waits for the next turn, in line with the others that wait.
struct Paced(Pin<Box<dyn Future<Output = ()>>>, Closed);

impl Future for Paced {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // Stop cancels every task of the run (what they were doing is
        // dropped) and wakes many: those end here, not a turn later.
        if self.1.get() {
            return Poll::Ready(());
        }
        if spent() {
            TURNS.with(|t| t.borrow_mut().waiters.push(cx.waker().clone()));
            return Poll::Pending;
        }
        self.0.as_mut().poll(cx)
    }
}

/// Tasks handed to [`spawn`] and not yet spawned, in order, and whether the
/// feeder that spawns them is running.
#[derive(Default)]
struct Backlog {
    tasks: std::collections::VecDeque<Paced>,
    feeding: bool,
}

thread_local! {
    static BACKLOG: RefCell<Backlog> = RefCell::default();
}

/// Tasks spawned at a time by the feeder, before it lets them make their
/// first step and asks whether the turn is spent.
const SPAWN_BATCH: usize = 64;

/// Spawns `fut` as a [`Paced`] task, in order with the tasks spawned before
/// it, at most [`SPAWN_BATCH`] at a time and only in a turn not yet spent:
/// 10,000 tasks started at once (`asyncio.gather`) start over as many turns as
/// their first steps take, instead of each being polled once, in one task,
/// only to wait for the next turn (measured: 80 ms at the crawler's maxima).
pub fn spawn(fut: Pin<Box<dyn Future<Output = ()>>>, closed: Closed) {
    let start_feeder = BACKLOG.with(|b| {
        let mut b = b.borrow_mut();
        b.tasks.push_back(Paced(fut, closed));
        !std::mem::replace(&mut b.feeding, true)
    });
    if start_feeder {
        wasm_bindgen_futures::spawn_local(feed());
    }
}

/// Spawns the backlog a batch at a time; after each batch it waits until the
/// batch's last task has been polled once (so the batch ran), and for the
/// next turn if this one is spent.
async fn feed() {
    loop {
        // The tasks of a run that is over are dropped unspawned (after the borrow).
        let (batch, _over): (Vec<_>, Vec<_>) = BACKLOG.with(|b| {
            let mut b = b.borrow_mut();
            let (mut batch, mut over) = (Vec::new(), Vec::new());
            while batch.len() < SPAWN_BATCH {
                match b.tasks.pop_front() {
                    Some(t) if t.1.get() => over.push(t),
                    Some(t) => batch.push(t),
                    None => break,
                }
            }
            b.feeding = !batch.is_empty();
            (batch, over)
        });
        let Some(last) = batch.len().checked_sub(1) else { return };
        let polled = Rc::new(FirstPoll::default());
        for (i, fut) in batch.into_iter().enumerate() {
            let signal = (i == last).then(|| polled.clone());
            wasm_bindgen_futures::spawn_local(Signalled(signal, fut));
        }
        Polled(polled).await;
        if spent() {
            next().await;
        }
    }
}

/// Set when a task has been polled once; wakes whoever waits for that.
#[derive(Default)]
struct FirstPoll {
    done: std::cell::Cell<bool>,
    waiter: RefCell<Option<Waker>>,
}

/// A task that, when first polled, says so through its [`FirstPoll`].
struct Signalled<F>(Option<Rc<FirstPoll>>, F);

impl<F: Future + Unpin> Future for Signalled<F> {
    type Output = F::Output;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        if let Some(s) = self.0.take() {
            s.done.set(true);
            if let Some(w) = s.waiter.borrow_mut().take() {
                w.wake();
            }
        }
        Pin::new(&mut self.1).poll(cx)
    }
}

/// Ready once its [`FirstPoll`] is set.
struct Polled(Rc<FirstPoll>);

impl Future for Polled {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.done.get() {
            return Poll::Ready(());
        }
        *self.0.waiter.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}
