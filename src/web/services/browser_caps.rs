//! What the page's runtime offers beyond its timers and requests (the
//! engine's [`Caps`]): the rayon pool to offload to, I/O threads (Web Workers
//! making synchronous requests to the built-in endpoint), the endpoint's
//! server model, and the process pools (`process_pool`, `shared_procs`) where
//! the page started them.

use super::endpoint::Endpoint;
use super::{io_workers, page_sync, pool, process_pool, shared_procs};
use crate::engine::caps::{Caps, IoThreads, Offload, ServerHost};
use crate::engine::runtime::{FetchError, OffloadError, Offloaded, Runtime, SimRequest, ThreadIo, Work};
use crate::engine::server_model::ServerSpec;
use futures::future::LocalBoxFuture;
use std::cell::RefCell;
use std::rc::Rc;

/// The page's capabilities for a run whose time 0 is `shared_origin` on the
/// clock shared with the workers; `server_query` is what the runtime's
/// requests append for the server model.
pub fn caps(endpoint: &Endpoint, shared_origin: f64, server_query: Rc<RefCell<String>>) -> Caps {
    Caps {
        offload: Some(Rc::new(RayonPool { shared_origin })),
        io_threads: Some(Rc::new(BrowserIoThreads { endpoint: endpoint.clone(), shared_origin })),
        server: Some(Rc::new(EndpointServer { query: server_query, shared_origin })),
        processes: process_pool::async_pool(),
        shared: shared_procs::host(),
    }
}

/// Offloading hands the job to the rayon pool (`pool::offload`).
struct RayonPool {
    shared_origin: f64,
}

impl Offload for RayonPool {
    fn offload(&self, work: Work) -> LocalBoxFuture<'static, Result<Offloaded, OffloadError>> {
        Box::pin(pool::offload(work, self.shared_origin))
    }
}

struct EndpointServer {
    query: Rc<RefCell<String>>,
    shared_origin: f64,
}

impl ServerHost for EndpointServer {
    fn set_server(&self, spec: Option<ServerSpec>) {
        // The run id keeps this run's count of requests in service apart from
        // any other page's in the service worker.
        *self.query.borrow_mut() = spec
            .map_or_else(String::new, |s| format!("&server=capacity&capacity={}&queue={}&run={}", s.capacity, s.queue, self.shared_origin));
    }
}

struct BrowserIoThreads {
    endpoint: Endpoint,
    shared_origin: f64,
}

impl IoThreads for BrowserIoThreads {
    fn start(&self, _rt: &dyn Runtime, threads: usize) -> LocalBoxFuture<'static, Result<(), String>> {
        if !matches!(self.endpoint, Endpoint::ServiceWorker { .. }) {
            // Without the service worker no thread could be answered: the
            // requests fall back to the page's timers (see `request`).
            return Box::pin(async { Ok(()) });
        }
        Box::pin(io_workers::ensure(threads))
    }

    fn prepare_block_request(&self) {
        // The feature test `block_request` decides by (a synchronous request, once a page).
        if matches!(self.endpoint, Endpoint::ServiceWorker { .. }) {
            let _ = page_sync::reaches_service_worker();
        }
    }

    fn request(&self, rt: &dyn Runtime, thread: usize, req: SimRequest) -> LocalBoxFuture<'static, Result<ThreadIo, FetchError>> {
        let Endpoint::ServiceWorker { base } = &self.endpoint else {
            // No service worker to answer a worker's synchronous request: the
            // page's own timer and fetch stand in (no thread is parked then).
            let answer = rt.fetch(req);
            return Box::pin(async move { answer.await.map(|r| ThreadIo { status: r.status, span: None }) });
        };
        let url = format!("{base}/delay?ms={}&status={}&id={}", req.latency_ms, req.status, req.id);
        let origin = self.shared_origin;
        Box::pin(async move {
            let r = io_workers::request(thread, &url).await.map_err(FetchError::Network)?;
            match r.error {
                Some(e) => Err(FetchError::Network(e)),
                None => Ok(ThreadIo { status: r.status, span: Some((r.start - origin, r.end - origin)) }),
            }
        })
    }

    fn block_request(&self, rt: &dyn Runtime, req: SimRequest) -> Result<ThreadIo, FetchError> {
        let Endpoint::ServiceWorker { base } = &self.endpoint else {
            // No service worker: the loop blocks for the latency (no request).
            rt.block(req.latency_ms);
            return Ok(ThreadIo { status: req.status, span: None });
        };
        let url = format!("{base}/delay?ms={}&status={}&id={}", req.latency_ms, req.status, req.id);
        // The page's own synchronous request where the service worker answers
        // it (Firefox), else the page spins on an I/O thread's (Chromium).
        let r = if page_sync::reaches_service_worker() {
            page_sync::request(&url)
        } else {
            io_workers::block_request(&url, req.latency_ms + 30_000.0)
        }
        .map_err(FetchError::Network)?;
        Ok(ThreadIo { status: r.status, span: Some((r.start - self.shared_origin, r.end - self.shared_origin)) })
    }
}
