//! Traced concurrency primitives: each wraps a well-kept implementation (or says
//! why it doesn't) and records waits, acquisitions and resource levels into the
//! run's [`Recorder`](super::recorder::Recorder).

pub mod aio;
pub mod as_completed;
pub mod barrier;
pub mod breaker;
pub mod condition;
pub mod event;
pub mod gather;
pub mod lag;
pub mod lock;
pub mod periodic;
pub mod pool;
pub mod queue;
pub mod rate_limit;
pub mod request;
pub mod retry;
pub mod semaphore;
pub mod taskgroup;
pub mod timeout;
pub mod waiters;
pub mod waitfor;

pub use as_completed::as_completed;
pub use barrier::TracedBarrier;
pub use breaker::{BreakerState, CircuitBreaker, Rejected, Ticket};
pub use condition::TracedCondition;
pub use event::TracedEvent;
pub use gather::{gather, Gathered};
pub use lock::{LockGuard, TracedLock};
pub use periodic::{Mode as PeriodicMode, Periodic, Tick};
pub use pool::{Connection, ConnectionPool};
pub use queue::{Closed, Order, TracedQueue};
pub use rate_limit::{Admission, Limiter, Overflow, Rule};
pub use request::{request, work};
pub use retry::{jitter_table, retry, Attempt, Backoff};
pub use semaphore::{Permit, TracedSemaphore};
pub use taskgroup::{CancelToken, Scope, TaskError, TaskGroup};
pub use timeout::{timeout, TimedOut};
pub use waitfor::{CycleEdge, WaitForGraph};
