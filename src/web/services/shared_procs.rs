//! The page's [`SharedHost`]: state shared between Web Worker processes
//! (`static/process-worker.js`, the process pool's workers, each with its own
//! wasm memory). Shared memory: one `SharedArrayBuffer` posted to every
//! process, which maps it (as `multiprocessing.Value` maps one shared page);
//! the increments are plain reads and writes of it, under an `Atomics` lock if
//! asked. Manager: one more worker holds the value and each process gets a
//! `MessagePort` to it, so every access is a message there and back. All on
//! the page's thread by messages (nothing blocks it); the workers end with
//! the run, or when Stop drops the future.

use super::pool::shared_clock_ms;
use super::process_worker::{next, num, spawn, Proc, Shutdown};
use super::turns::MessageChannel;
use crate::engine::procshared::{self, SharedHost, SharedProc, SharedRun, SharedSpec};
use futures::future::{join_all, LocalBoxFuture};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

struct Host;

/// The host (the browser runtime's `Caps::shared`), where the page started
/// its process pool, whose workers it runs.
pub fn host() -> Option<Rc<dyn SharedHost>> {
    super::process_pool::installed().then(|| Rc::new(Host) as Rc<dyn SharedHost>)
}

impl SharedHost for Host {
    fn run(&self, spec: SharedSpec) -> LocalBoxFuture<'static, Result<SharedRun, String>> {
        Box::pin(run(spec))
    }
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

async fn run(spec: SharedSpec) -> Result<SharedRun, String> {
    let n = spec.procs.max(1);
    let mut procs: Vec<(f64, Proc)> = Vec::new();
    for _ in 0..n + usize::from(spec.manager) {
        let spawned = shared_clock_ms();
        procs.push((spawned, spawn()?));
    }
    let _shutdown = Shutdown(procs.iter().map(|(_, p)| p.worker.clone()).collect());
    let mut ready = Vec::new();
    for (_, p) in procs.iter_mut() {
        ready.push(num(&next(p).await?, "ready").unwrap_or(0.0));
    }
    let (lock, count) = (JsValue::from(spec.lock), JsValue::from(spec.increments));
    let buf = js_sys::SharedArrayBuffer::new(8);
    if spec.manager {
        let channels: Vec<MessageChannel> = (0..n).map(|_| MessageChannel::new()).collect();
        let ports: js_sys::Array = channels.iter().map(|c| JsValue::from(c.port1())).collect();
        let (_, m) = procs.last_mut().ok_or("no manager")?;
        m.worker
            .post_message_with_transfer(&obj(&[("manager", true.into()), ("ports", ports.clone().into())]), &ports)
            .map_err(|e| format!("{e:?}"))?;
        next(m).await?;
        for (c, (_, p)) in channels.iter().zip(procs.iter()) {
            let port = JsValue::from(c.port2());
            let msg = obj(&[("client", true.into()), ("port", port.clone()), ("n", count.clone()), ("lock", lock.clone())]);
            p.worker.post_message_with_transfer(&msg, &js_sys::Array::of1(&port)).map_err(|e| format!("{e:?}"))?;
        }
    } else {
        // Plain: the buffer is only the lock's; each process adds to its own global.
        let key = if spec.plain { "plain" } else { "shared" };
        for (_, p) in procs.iter() {
            let msg = obj(&[(key, buf.clone().into()), ("n", count.clone()), ("lock", lock.clone())]);
            p.worker.post_message(&msg).map_err(|e| format!("{e:?}"))?;
        }
    }
    let done = join_all(procs.iter_mut().take(n).map(|(_, p)| next(p))).await;
    let mut out = Vec::new();
    for (i, d) in done.into_iter().enumerate() {
        let d = d?;
        let (t0, t1) = (num(&d, "t0").unwrap_or(0.0), num(&d, "t1").unwrap_or(0.0));
        out.push(SharedProc { spawned: procs[i].0, ready: ready[i], start: t0, end: t1, saw: num(&d, "saw") });
    }
    // The parent's own global and dict, read after the join (this page's instance).
    let (global, keys) = procshared::plain_read();
    let value = if spec.plain {
        global as f64
    } else if spec.manager {
        let (_, m) = procs.last_mut().ok_or("no manager")?;
        m.worker.post_message(&obj(&[("report", true.into())])).map_err(|e| format!("{e:?}"))?;
        num(&next(m).await?, "value").unwrap_or(f64::NAN)
    } else {
        js_sys::Int32Array::new(&buf).get_index(0) as f64
    };
    let parent_keys = spec.plain.then_some(keys as f64);
    Ok(SharedRun { value, parent_keys, procs: out, now: shared_clock_ms() })
}

/// In a process (`static/process-worker.js`, plain mode): `COUNTER += 1` on
/// this instance's own global. Never called by the page.
#[wasm_bindgen]
pub fn proc_plain_add() {
    procshared::plain_add();
}

/// In a process, after its loop: `SEEN["x"] = COUNTER` in its own dict; the
/// value it saw.
#[wasm_bindgen]
pub fn proc_plain_store() -> f64 {
    procshared::plain_store() as f64
}
