//! Traced concurrency primitives: each wraps a well-kept implementation (or says
//! why it doesn't) and records waits, acquisitions and resource levels into the
//! run's [`Recorder`](super::recorder::Recorder).

pub mod barrier;
pub mod condition;
pub mod event;
pub mod lock;
pub mod periodic;
pub mod pool;
pub mod request;
pub mod semaphore;
pub mod waitfor;

pub use barrier::TracedBarrier;
pub use condition::TracedCondition;
pub use event::TracedEvent;
pub use lock::{LockGuard, TracedLock};
pub use periodic::{Mode as PeriodicMode, Periodic, Tick};
pub use pool::{Connection, ConnectionPool};
pub use request::{request, work};
pub use semaphore::{Permit, TracedSemaphore};
pub use waitfor::{CycleEdge, WaitForGraph};
