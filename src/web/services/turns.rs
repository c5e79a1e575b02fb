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

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The message arrived: a new turn; whoever waited goes on, in order.
fn turn_over() {
    let waiters = TURNS.with(|t| {
        let mut t = t.borrow_mut();
        t.start = None;
        t.count += 1;
        std::mem::take(&mut t.waiters)
    });
    waiters.into_iter().for_each(Waker::wake);
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

/// A task that is polled only in a turn not yet spent: polled in a spent one,
/// it waits for the next turn, in line with the others that wait.
pub struct Paced<F: ?Sized>(pub Pin<Box<F>>);

impl<F: Future + ?Sized> Future for Paced<F> {
    type Output = F::Output;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        if spent() {
            TURNS.with(|t| t.borrow_mut().waiters.push(cx.waker().clone()));
            return Poll::Pending;
        }
        self.0.as_mut().poll(cx)
    }
}
