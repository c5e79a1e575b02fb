//! Traced concurrency primitives: each wraps a well-kept implementation (or says
//! why it doesn't) and records waits, acquisitions and resource levels into the
//! run's [`Recorder`](super::recorder::Recorder).

pub mod lag;
pub mod request;
pub mod semaphore;

pub use request::request;
pub use semaphore::{Permit, TracedSemaphore};
