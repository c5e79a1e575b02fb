//! The page's process pool: the engine's [`ProcessPool`] as dedicated Web
//! Workers (`static/process-worker.js`) that share nothing with the page.
//! Each one instantiates the app's wasm module with its *own* fresh memory (a
//! separate process image: the page's statics, heap and threads are not
//! there), and gets its input and sends its answer by `postMessage`, whose
//! structured clone is a real copy. As `ProcessPoolExecutor` does, every
//! [`ProcessPool::map`] starts its processes, sends each its input, collects
//! the answers and ends the processes; start-up (create, load, instantiate,
//! init) and both copies are timed for real on the clock shared with the page.
//!
//! CPU lessons run on a rayon thread, which may block but cannot receive
//! messages while blocked; the page's thread owns the workers and never
//! blocks. So `map` (on the rayon thread) hands the run to the page over a
//! channel and sleeps in short atomic waits until the answer is in, watching
//! Stop; the page's side terminates every worker when the run ends, stops, or
//! a worker fails to start in time.

use super::pool::shared_clock_ms;
use crate::engine::cpu::CpuCtx;
use crate::engine::procinit::ProcStart;
use crate::engine::procpool::{self, AsyncProcessPool, ProcRun, ProcessPool, STOPPED};
use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures::future::{join_all, select, Either};
use futures::StreamExt;
use gloo::timers::future::TimeoutFuture;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker script, next to the page.
const SCRIPT: &str = "./process-worker.js";
/// How long a process may take to start and answer (a missing script, a
/// module that fails to load).
const GIVE_UP_MS: u32 = 30_000;

#[wasm_bindgen]
extern "C" {
    /// The URL of this app's JS glue (the module the workers import).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MAIN_JS: js_sys::JsString;
}

struct Req {
    inputs: Vec<Vec<u8>>,
    stop: Arc<AtomicBool>,
    reply: mpsc::Sender<Result<Vec<ProcRun>, String>>,
}

static TO_PAGE: OnceLock<Mutex<UnboundedSender<Req>>> = OnceLock::new();

/// The pool as the engine sees it (used from rayon threads).
struct BrowserProcesses;

impl ProcessPool for BrowserProcesses {
    fn map(&self, ctx: &CpuCtx<'_>, inputs: Vec<Vec<u8>>) -> Result<Vec<ProcRun>, String> {
        let stop = Arc::new(AtomicBool::new(false));
        let (reply, answer) = mpsc::channel();
        let sender = TO_PAGE.get().ok_or("no process pool on this page")?;
        sender
            .lock()
            .map_err(|_| "process pool poisoned".to_owned())?
            .unbounded_send(Req { inputs, stop: stop.clone(), reply })
            .map_err(|_| "the process pool is gone".to_owned())?;
        loop {
            match answer.try_recv() {
                Ok(r) => return r,
                Err(mpsc::TryRecvError::Disconnected) => return Err("the process pool went away".into()),
                Err(mpsc::TryRecvError::Empty) => {
                    if ctx.cancelled() {
                        stop.store(true, Ordering::SeqCst);
                        return Err(STOPPED.into());
                    }
                    // An atomic wait: this pool thread sleeps, the page does not.
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
            }
        }
    }
}

/// Starts the pool's page side (once, on the page's thread) and marks the page's memory
/// with a value a process with its own memory cannot read.
pub fn install() {
    if TO_PAGE.get().is_some() {
        return;
    }
    let (tx, rx) = unbounded();
    if TO_PAGE.set(Mutex::new(tx)).is_err() {
        return;
    }
    procpool::set_mark(((js_sys::Math::random() * 1e15) as u64) | 1);
    wasm_bindgen_futures::spawn_local(serve_requests(rx));
}

/// Whether the page started its process pool ([`install`]; test pages do not).
pub fn installed() -> bool {
    TO_PAGE.get().is_some()
}

/// The pool for CPU lessons (`CpuCtx::processes`), where the page has one.
pub fn processes() -> Option<&'static dyn ProcessPool> {
    installed().then_some(&BrowserProcesses as &dyn ProcessPool)
}

/// The pool for async lessons (the browser runtime's `Caps::processes`), where the page has one.
pub fn async_pool() -> Option<std::rc::Rc<dyn AsyncProcessPool>> {
    installed().then(|| std::rc::Rc::new(AsyncBrowserProcesses) as std::rc::Rc<dyn AsyncProcessPool>)
}

async fn serve_requests(mut rx: UnboundedReceiver<Req>) {
    while let Some(req) = rx.next().await {
        wasm_bindgen_futures::spawn_local(async move {
            let out = run(req.inputs.len(), &req.inputs, &req.stop).await.map(|r| r.0);
            let _ = req.reply.send(out);
        });
    }
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

pub(super) fn spawn() -> Result<Proc, String> {
    spawn_with(None)
}

/// A process that runs `start` (a `procinit::PoolTask::Start`) as it starts,
/// before it answers ready (with that answer as `started`).
fn spawn_with(start: Option<&[u8]>) -> Result<Proc, String> {
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
async fn one(p: &mut Proc, process: usize, spawned: f64, ready: &JsValue, input: &[u8], mark: u64) -> Result<ProcRun, String> {
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

/// `workers` processes take `inputs` in order; answers in input order.
pub(super) async fn run(workers: usize, inputs: &[Vec<u8>], stop: &AtomicBool) -> Result<(Vec<ProcRun>, Vec<ProcStart>), String> {
    run_started(workers.clamp(1, inputs.len().max(1)), None, inputs, stop).await
}

/// [`run`] on exactly `workers` processes, each running `start` as it starts;
/// also every process's start, in process order.
async fn run_started(
    workers: usize,
    start: Option<&[u8]>,
    inputs: &[Vec<u8>],
    stop: &AtomicBool,
) -> Result<(Vec<ProcRun>, Vec<ProcStart>), String> {
    let mark = procpool::mark();
    let mut procs = Vec::new();
    for _ in 0..workers.max(1) {
        let spawned = shared_clock_ms();
        match spawn_with(start) {
            Ok(p) => procs.push((spawned, p)),
            Err(e) => {
                procs.iter().for_each(|(_, p): &(f64, Proc)| p.worker.terminate());
                return Err(e);
            }
        }
    }
    let _shutdown = Shutdown(procs.iter().map(|(_, p)| p.worker.clone()).collect());
    let next_item = std::cell::Cell::new(0usize);
    let done: std::cell::RefCell<Vec<Option<ProcRun>>> = std::cell::RefCell::new(vec![None; inputs.len()]);
    let starts: std::cell::RefCell<Vec<Option<ProcStart>>> = std::cell::RefCell::new(vec![None; procs.len()]);
    let (next_item, done_ref, starts_ref) = (&next_item, &done, &starts);
    let all = join_all(procs.iter_mut().enumerate().map(|(w, (spawned, p))| async move {
        let ready = next(p).await?;
        let started = js_sys::Reflect::get(&ready, &"started".into()).ok().and_then(|o| o.dyn_into::<js_sys::Uint8Array>().ok());
        starts_ref.borrow_mut()[w] = Some(ProcStart {
            spawned: *spawned,
            ready: num(&ready, "ready").unwrap_or(*spawned),
            init_calls: started.and_then(|b| procpool::answer(&b.to_vec()).ok()),
        });
        loop {
            let i = next_item.get();
            if i >= inputs.len() {
                return Ok::<(), String>(());
            }
            next_item.set(i + 1);
            let r = one(p, w, *spawned, &ready, &inputs[i], mark).await?;
            done_ref.borrow_mut()[i] = Some(r);
        }
    }));
    let watch = async {
        let mut waited = 0;
        while !stop.load(Ordering::SeqCst) && waited < GIVE_UP_MS {
            TimeoutFuture::new(10).await;
            waited += 10;
        }
        waited
    };
    let r = match select(Box::pin(all), Box::pin(watch)).await {
        Either::Left((r, _)) => r.into_iter().collect::<Result<Vec<()>, String>>(),
        Either::Right((waited, _)) if waited >= GIVE_UP_MS => {
            Err(format!("the processes did not answer within {} s ({SCRIPT} missing?)", GIVE_UP_MS / 1000))
        }
        Either::Right(_) => Err(STOPPED.to_owned()),
    };
    r?;
    // The pool is shut down with the run, as `with ProcessPoolExecutor()` does.
    let runs = done
        .into_inner()
        .into_iter()
        .map(|r| r.ok_or_else(|| "an item got no answer".to_owned()))
        .collect::<Result<Vec<ProcRun>, String>>()?;
    Ok((runs, starts.into_inner().into_iter().flatten().collect()))
}

/// The async face of the same pool, for async lessons on the page.
struct AsyncBrowserProcesses;

impl AsyncProcessPool for AsyncBrowserProcesses {
    fn map(&self, workers: usize, inputs: Vec<Vec<u8>>) -> futures::future::LocalBoxFuture<'static, Result<(Vec<ProcRun>, f64), String>> {
        Box::pin(async move {
            // Never stopped from here: Stop drops this future, and `Shutdown` ends the workers.
            let never = AtomicBool::new(false);
            let (runs, _) = run(workers, &inputs, &never).await?;
            Ok((runs, shared_clock_ms()))
        })
    }

    fn map_started(
        &self,
        workers: usize,
        start: Option<Vec<u8>>,
        inputs: Vec<Vec<u8>>,
    ) -> futures::future::LocalBoxFuture<'static, Result<(Vec<ProcRun>, Vec<ProcStart>, f64), String>> {
        Box::pin(async move {
            let never = AtomicBool::new(false);
            let (runs, starts) = run_started(workers, start.as_deref(), &inputs, &never).await?;
            Ok((runs, starts, shared_clock_ms()))
        })
    }
}
