//! Effects: the browser runtime (real clock, timers, fetch), the request
//! endpoint, the rayon pool, starting/stopping runs, and the page URL.

pub mod browser_caps;
pub mod browser_runtime;
pub mod download;
pub mod embed;
pub mod endpoint;
pub mod env;
pub mod io_workers;
pub mod later_texts;
pub mod page_sync;
pub mod pool;
pub mod presets;
pub mod process_exports;
pub mod process_pool;
pub mod process_worker;
pub mod runner;
pub mod shared_procs;
pub mod site;
pub mod turns;
pub mod url;
