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
//! a worker fails to start in time. One process (its worker and messages) is
//! `process_worker`.

use super::pool::shared_clock_ms;
use super::process_worker::{next, num, one, spawn_with, Proc, Shutdown, SCRIPT};
use crate::engine::cpu::CpuCtx;
use crate::engine::procinit::ProcStart;
use crate::engine::procpool::{self, AsyncProcessPool, ProcRun, ProcessPool, STOPPED};
use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures::future::{join_all, select, Either};
use futures::StreamExt;
use gloo::timers::future::TimeoutFuture;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use wasm_bindgen::JsCast;

/// How long a process may take to start and answer (a missing script, a
/// module that fails to load).
const GIVE_UP_MS: u32 = 30_000;

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
