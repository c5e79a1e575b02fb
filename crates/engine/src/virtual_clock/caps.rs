//! What the virtual clock offers beyond its timers ([`Caps`]): a model of a
//! worker pool to offload to, modelled I/O threads, and the server model
//! behind its endpoint. Each holds the clock's state, never the runtime, so
//! the runtime can keep its [`Caps`] without a cycle.

use super::executor::Clock;
use crate::caps::{Caps, JobOutput, ModelledIoThreads, Offload, OffloadError, Offloaded, ServerHost, Work};
use crate::server_model::{ServerModel, ServerSpec};
use futures::future::LocalBoxFuture;
use std::rc::Rc;

/// The virtual clock's capabilities, on `clock`.
pub(super) fn caps(clock: &Rc<Clock>) -> Caps {
    Caps {
        offload: Some(Rc::new(VirtualPool(clock.clone()))),
        io_threads: Some(Rc::new(ModelledIoThreads)),
        server: Some(Rc::new(VirtualServer(clock.clone()))),
        processes: None,
        shared: None,
    }
}

/// A pool of virtual workers: a job starts when a worker is free and takes
/// its declared cost of virtual time; the loop never waits for it.
struct VirtualPool(Rc<Clock>);

impl Offload for VirtualPool {
    fn offload(&self, work: Work) -> LocalBoxFuture<'static, Result<Offloaded, OffloadError>> {
        let clock = &self.0;
        let (cost, value): (f64, JobOutput) = match work {
            Work::Spin { ms } => (ms, Box::new(())),
            // Run the real work now, so the answer is the real one; only its time is modelled.
            Work::Compute { cost_ms, f } => (cost_ms, f()),
        };
        let cost = if cost.is_finite() { cost.max(0.0) } else { 0.0 };
        let now = clock.now.get();
        let (worker, start_ms) = {
            let mut w = clock.workers.borrow_mut();
            if w.is_empty() {
                w.resize(super::VIRTUAL_POOL_THREADS, 0.0);
            }
            // The worker free earliest (lowest index on ties) takes the job.
            let (i, free) = w.iter().copied().enumerate().fold((0, f64::INFINITY), |b, (i, f)| if f < b.1 { (i, f) } else { b });
            let start = now.max(free);
            w[i] = start + cost;
            (i, start)
        };
        let end_ms = start_ms + cost;
        let sleep = super::sleep_on(clock, end_ms - now);
        Box::pin(async move {
            sleep.await;
            Ok(Offloaded { value, worker, start_ms, end_ms })
        })
    }
}

/// The server model behind the virtual endpoint: what `fetch` goes through.
struct VirtualServer(Rc<Clock>);

impl ServerHost for VirtualServer {
    fn set_server(&self, spec: Option<ServerSpec>) {
        *self.0.server.borrow_mut() = spec.map(|s| Rc::new(ServerModel::new(Some(s))));
    }
}
