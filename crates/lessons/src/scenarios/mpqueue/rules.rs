//! `mpqueue`'s failure rules, CPython's: what cannot be pickled, and a pool
//! process without the global its function reads; and the initializer's calls.

use super::processes;
use crate::engine::params::Params;

/// Said when the function cannot be pickled: a lambda, a local function.
pub const ERR_PICKLE: &str = "err.mpqueue_pickle";
pub const ERR_LOCAL: &str = "err.mpqueue_local";
/// Said when a pool process has no `MULT`.
pub const ERR_NAME: &str = "err.mpqueue_name";

/// The error CPython raises pickling the function, if it does: a Pool always
/// pickles it, a Process target only under spawn and forkserver.
pub fn pickling_error(p: &Params) -> Option<&'static str> {
    let err = match p.choice("func") {
        "lambda" => ERR_PICKLE,
        "inner" => ERR_LOCAL,
        _ => return None,
    };
    (p.choice("mode") == "pool_map" || p.choice("method") != "fork").then_some(err)
}

pub fn pickling_fails(p: &Params) -> bool {
    pickling_error(p).is_some()
}

/// Whether Pool.map's processes lack `MULT`: no initializer, and a start
/// method that does not copy the parent (spawn, forkserver).
pub fn name_error(p: &Params) -> bool {
    p.choice("mode") == "pool_map" && p.choice("initializer") == "none" && p.choice("method") != "fork"
}

/// The initializer's calls: one per pool process when set, else none.
pub fn init_calls(p: &Params) -> usize {
    if p.choice("initializer") == "set" {
        processes(p)
    } else {
        0
    }
}
