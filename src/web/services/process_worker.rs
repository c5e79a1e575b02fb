//! One process of the page's process pool (`process_pool`): a dedicated
//! module Web Worker (`static/process-worker.js`) that instantiates the app's
//! wasm with its own memory. Starting it, the messages it sends, one item's
//! round trip (in and out by `postMessage`, timed on the shared clock) and
//! ending it. The pool that schedules items on these lives in `process_pool`;
//! `shared_procs` starts them too.

use super::pool::shared_clock_ms;
use crate::engine::procpool::ProcRun;
use futures::channel::mpsc::{unbounded, UnboundedReceiver};
use futures::StreamExt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker script, next to the page.
pub(super) const SCRIPT: &str = "./process-worker.js";

#[wasm_bindgen]
extern "C" {
    /// The URL of this app's JS glue (the module the workers import).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MAIN_JS: js_sys::JsString;
}

/// One started worker and the messages it sent.
pub(super) struct Proc {
    pub(super) worker: Worker,
    inbox: UnboundedReceiver<JsValue>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

pub(super) fn num(v: &JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(v, &key.into()).ok().and_then(|x| x.as_f64())
}

fn text(v: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(v, &key.into()).ok().and_then(|x| x.as_string())
}

/// Where the page keeps the rest of the app's compiled module (tools/split_loader.js).
const REST: &str = "__playgroundRest";

pub(super) fn spawn() -> Result<Proc, String> {
    spawn_with(None)
}

/// A process that runs `start` (a `procinit::PoolTask::Start`) as it starts,
/// before it answers ready (with that answer as `started`).
pub(super) fn spawn_with(start: Option<&[u8]>) -> Result<Proc, String> {
    let opts = WorkerOptions::new();
    opts.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(SCRIPT, &opts).map_err(|e| format!("cannot start a process: {e:?}"))?;
    let (tx, inbox) = unbounded::<JsValue>();
    let tx2 = tx.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let _ = tx.unbounded_send(e.data());
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"error".into(), &format!("{SCRIPT} failed to load or crashed").into());
        let _ = tx2.unbounded_send(o.into());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"init".into(), &true.into());
    let _ = js_sys::Reflect::set(&init, &"mainJS".into(), &MAIN_JS.with(Clone::clone));
    let _ = js_sys::Reflect::set(&init, &"module".into(), &wasm_bindgen::module());
    // The rest of the app (tools/split_loader.js), compiled once on the page, so that the
    // process instantiates it instead of fetching and compiling 1.4 MB itself.
    let rest = js_sys::Reflect::get(&js_sys::global(), &REST.into()).unwrap_or(JsValue::UNDEFINED);
    if rest.is_object() {
        let _ = js_sys::Reflect::set(&init, &"rest".into(), &rest);
    }
    if let Some(start) = start {
        let _ = js_sys::Reflect::set(&init, &"start".into(), &js_sys::Uint8Array::from(start));
    }
    worker.post_message(&init).map_err(|e| format!("{e:?}"))?;
    Ok(Proc { worker, inbox, _on_message: on_message, _on_error: on_error })
}

pub(super) async fn next(p: &mut Proc) -> Result<JsValue, String> {
    let m = p.inbox.next().await.ok_or("a process went away")?;
    match text(&m, "error") {
        Some(e) => Err(e),
        None => Ok(m),
    }
}

/// One item on a ready process: send `input`, wait for the answer.
pub(super) async fn one(p: &mut Proc, process: usize, spawned: f64, ready: &JsValue, input: &[u8], mark: u64) -> Result<ProcRun, String> {
    let sent = shared_clock_ms();
    // Out of the page's memory into a JS array, then cloned into the worker.
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"input".into(), &js_sys::Uint8Array::from(input));
    p.worker.post_message(&msg).map_err(|e| format!("{e:?}"))?;
    let ans = next(p).await?;
    let output = js_sys::Reflect::get(&ans, &"output".into())
        .ok()
        .and_then(|o| o.dyn_into::<js_sys::Uint8Array>().ok())
        .ok_or("a process answered without output")?
        .to_vec();
    let back = shared_clock_ms();
    Ok(ProcRun {
        process,
        spawned,
        ready: num(ready, "ready").unwrap_or(spawned),
        sent,
        received: num(&ans, "received").unwrap_or(sent),
        done: num(&ans, "done").unwrap_or(back),
        back,
        bytes_in: input.len(),
        output,
        memory_bytes: num(ready, "memory"),
        saw_mark: num(ready, "mark").map(|m| m as u64 == mark && mark != 0),
    })
}

/// Terminates the pool's workers when the run ends, fails or is dropped (Stop).
pub(super) struct Shutdown(pub(super) Vec<Worker>);

impl Drop for Shutdown {
    fn drop(&mut self) {
        for w in &self.0 {
            w.terminate();
        }
    }
}
