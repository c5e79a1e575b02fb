//! Traced concurrency primitives: each wraps a well-kept implementation (or says
//! why it doesn't) and records waits, acquisitions and resource levels into the
//! run's [`Recorder`](super::recorder::Recorder).

pub mod queue;
pub mod rate_limit;
pub mod request;
pub mod semaphore;

pub use queue::{Closed, Order, TracedQueue};
pub use rate_limit::{Admission, Limiter, Overflow, Rule};
pub use request::request;
pub use semaphore::{Permit, TracedSemaphore};
