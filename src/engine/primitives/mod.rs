//! Traced concurrency primitives: each wraps a well-kept implementation (or says
//! why it doesn't) and records waits, acquisitions and resource levels into the
//! run's [`Recorder`](super::recorder::Recorder).

pub mod as_completed;
pub mod breaker;
pub mod gather;
pub mod request;
pub mod retry;
pub mod semaphore;
pub mod taskgroup;
pub mod timeout;

pub use as_completed::as_completed;
pub use breaker::{BreakerState, CircuitBreaker, Rejected, Ticket};
pub use gather::{gather, Gathered};
pub use request::request;
pub use retry::{jitter_table, retry, Attempt, Backoff};
pub use semaphore::{Permit, TracedSemaphore};
pub use taskgroup::{CancelToken, Scope, TaskError, TaskGroup};
pub use timeout::{timeout, TimedOut};
