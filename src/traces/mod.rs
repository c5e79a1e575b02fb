//! What a run leaves behind, below the page's state: the replay model (a
//! trace's events in time order, and what the run looked like at any moment)
//! and the trace file (export, and import with validation and clear errors).
//! `state` builds on these; `view` and `web` read them; nothing here knows of
//! either.

pub mod replay;
pub mod trace_file;
