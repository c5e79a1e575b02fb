//! The page's I/O thread pool: up to [`MAX_THREADS`] plain Web Workers
//! (`static/io-worker.js`) that make *blocking* requests, the browser's
//! counterpart of a `ThreadPoolExecutor` doing I/O. Kept apart from the rayon
//! pool, which has only `hardwareConcurrency` threads and is shared with the
//! CPU lessons: a thread here spends its time parked, not computing.
//!
//! Each job is one message to one worker; the worker makes a synchronous
//! request to the built-in endpoint (the service worker answers dedicated
//! workers' requests, synchronous ones included; the page's own synchronous
//! requests it does not see) and replies with when it was parked, on the
//! clock shared with the page. The page never waits on a worker: replies are
//! awaited as messages. Workers are started once and kept for later runs. A
//! run stopped while a worker is still blocked terminates that worker (its
//! request cannot be interrupted otherwise) and a fresh one takes its place.

use futures::channel::oneshot;
use futures::future::{select, Either};
use gloo::timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// Threads the pool may have (the lesson's `workers` bound).
pub const MAX_THREADS: usize = 20;
/// The worker script, next to the page.
const SCRIPT: &str = "./io-worker.js";
/// How long a new worker may take to load its script and answer.
const START_TIMEOUT_MS: u32 = 15_000;

/// A worker's answer: HTTP status (0 for a ping), when it was parked (shared clock, ms), or why it failed.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub start: f64,
    pub end: f64,
    pub error: Option<String>,
}

struct Thread {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

#[derive(Default)]
struct Pool {
    threads: Vec<Option<Thread>>,
    pending: HashMap<u32, oneshot::Sender<Reply>>,
    next_id: u32,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::default();
}

fn num(v: &JsValue, key: &str) -> f64 {
    js_sys::Reflect::get(v, &key.into()).ok().and_then(|x| x.as_f64()).unwrap_or(0.0)
}

fn on_message(e: MessageEvent) {
    let d = e.data();
    let id = num(&d, "id") as u32;
    let error = js_sys::Reflect::get(&d, &"error".into()).ok().and_then(|v| v.as_string());
    let reply = Reply { status: num(&d, "status") as u16, start: num(&d, "start"), end: num(&d, "end"), error };
    let tx = POOL.with(|p| p.borrow_mut().pending.remove(&id));
    if let Some(tx) = tx {
        let _ = tx.send(reply);
    }
}

fn spawn() -> Result<Thread, String> {
    let worker = Worker::new(SCRIPT).map_err(|e| format!("cannot start an I/O thread: {e:?}"))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Ok(Thread { worker, _on_message: on_message })
}

/// Posts `msg` (given its id) to thread `thread`; the receiver gets the reply.
fn post(thread: usize, fill: impl FnOnce(&js_sys::Object)) -> Result<(u32, oneshot::Receiver<Reply>), String> {
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        let id = p.next_id;
        p.next_id = p.next_id.wrapping_add(1);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"id".into(), &id.into());
        fill(&msg);
        let worker = p.threads.get(thread).and_then(|t| t.as_ref()).map(|t| t.worker.clone()).ok_or("the I/O thread is gone")?;
        let (tx, rx) = oneshot::channel();
        p.pending.insert(id, tx);
        worker.post_message(&msg).map_err(|e| format!("{e:?}"))?;
        Ok((id, rx))
    })
}

/// While a reply is awaited: if the wait is dropped (Stop), the worker may
/// still be blocked in its request, so it is terminated and replaced later.
struct InFlight {
    thread: usize,
    id: u32,
    done: bool,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        POOL.with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                p.pending.remove(&self.id);
                if let Some(t) = p.threads.get_mut(self.thread).and_then(Option::take) {
                    t.worker.terminate();
                }
            }
        });
    }
}

async fn call(thread: usize, fill: impl FnOnce(&js_sys::Object)) -> Result<Reply, String> {
    let (id, rx) = post(thread, fill)?;
    let mut guard = InFlight { thread, id, done: false };
    let reply = rx.await.map_err(|_| "the I/O thread went away".to_owned());
    guard.done = true;
    reply
}

/// Makes sure threads `0..n` are running and idle (each answered a ping).
pub async fn ensure(n: usize) -> Result<(), String> {
    let n = n.clamp(1, MAX_THREADS);
    let fresh: Vec<usize> = POOL.with(|p| -> Result<Vec<usize>, String> {
        let mut p = p.borrow_mut();
        if p.threads.len() < n {
            p.threads.resize_with(n, || None);
        }
        let mut fresh = Vec::new();
        for (i, slot) in p.threads.iter_mut().enumerate().take(n) {
            if slot.is_none() {
                *slot = Some(spawn()?);
                fresh.push(i);
            }
        }
        Ok(fresh)
    })?;
    let pings = futures::future::join_all(fresh.into_iter().map(|i| {
        call(i, |m| {
            let _ = js_sys::Reflect::set(m, &"ping".into(), &true.into());
        })
    }));
    match select(Box::pin(pings), TimeoutFuture::new(START_TIMEOUT_MS)).await {
        Either::Left((replies, _)) => replies.into_iter().try_for_each(|r| r.map(|_| ())),
        Either::Right(_) => Err(format!("the I/O threads did not start within {} s ({SCRIPT} missing?)", START_TIMEOUT_MS / 1000)),
    }
}

/// Thread `thread` makes a synchronous GET of `url` (it is parked until the answer).
pub async fn request(thread: usize, url: &str) -> Result<Reply, String> {
    let url = url.to_owned();
    call(thread, move |m| {
        let _ = js_sys::Reflect::set(m, &"url".into(), &url.into());
    })
    .await
}

/// The key of the message shown when the loop cannot block on a request
/// (no shared memory without cross-origin isolation).
pub const ERR_BLOCK_NOT_ISOLATED: &str = "err.sync_not_isolated";

/// Blocks the page's own thread (the event loop) until thread 0 has made a
/// synchronous GET of `url`: the page spins on shared memory the worker sets
/// when the answer is in. (Chromium sends the page's own synchronous requests
/// past the service worker, and the main thread may not `Atomics.wait`, so this
/// is the closest real thing to `requests.get` on the loop there; where the
/// service worker answers them, `page_sync` is used instead.) Needs [`ensure`] first
/// and cross-origin isolation; gives up after `give_up_ms`.
pub fn block_request(url: &str, give_up_ms: f64) -> Result<Reply, String> {
    if !super::env::detect().isolated {
        return Err(ERR_BLOCK_NOT_ISOLATED.into());
    }
    let sab = js_sys::SharedArrayBuffer::new(32);
    let flag = js_sys::Int32Array::new_with_byte_offset_and_length(&sab, 0, 1);
    let out = js_sys::Float64Array::new_with_byte_offset_and_length(&sab, 8, 3);
    let url = url.to_owned();
    let (id, _rx) = post(0, |m| {
        let _ = js_sys::Reflect::set(m, &"url".into(), &url.into());
        let _ = js_sys::Reflect::set(m, &"flag".into(), &flag);
        let _ = js_sys::Reflect::set(m, &"out".into(), &out);
    })?;
    let now = super::pool::shared_clock_ms;
    let deadline = now() + give_up_ms;
    // Busy on purpose: the lesson shows what a blocking call does to the loop.
    while js_sys::Atomics::load(&flag, 0).unwrap_or(0) == 0 {
        if now() > deadline {
            POOL.with(|p| {
                let mut p = p.borrow_mut();
                p.pending.remove(&id);
                if let Some(t) = p.threads.get_mut(0).and_then(Option::take) {
                    t.worker.terminate();
                }
            });
            return Err("the I/O thread did not answer".into());
        }
    }
    POOL.with(|p| p.borrow_mut().pending.remove(&id));
    let status = out.get_index(0) as u16;
    Ok(Reply { status, start: out.get_index(1), end: out.get_index(2), error: (status == 0).then(|| "request failed".to_owned()) })
}
