//! Runs every async lesson against CPython 3.11 running its listing (see
//! `crates/fidelity/src/lib.rs`), on real time and on virtual time, and prints
//! FIDELITY.md. With `--write` it keeps this run's real-time figures in
//! `data/fidelity_real_time.json` (what the doc's real-time rows are rendered
//! from: they vary run to run, so use a quiet machine) and writes FIDELITY.md;
//! `UPDATE_DOCS=1 cargo test --test fidelity` renders the same file from them.
//!
//!     cargo run --example fidelity            # prints the document
//!     cargo run --example fidelity -- --write # also writes the data and FIDELITY.md

// Native only (it runs python3); `cargo test --target wasm32…` builds examples too.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use concurrency_playground::scenarios::{Kind, ALL};
#[cfg(not(target_arch = "wasm32"))]
use playground_fidelity::doc::{render, RealTime, REAL_TIME_DATA};
#[cfg(not(target_arch = "wasm32"))]
use playground_fidelity::variants::{variants, variants_virtual};
#[cfg(not(target_arch = "wasm32"))]
use playground_fidelity::{check_virtual, check_with_tolerance, python_version, Row};
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = python_version().unwrap_or_else(|e| e);
    if !python.starts_with("Python 3.11.") {
        eprintln!("the listings are compared with CPython 3.11, found {python}");
        std::process::exit(2);
    }
    // Every variant of every lesson gets a row; an error is a failure, never a dropped row.
    let (mut rows, mut virt, mut errors, mut virt_errors) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut passed = true;
    for scn in ALL.iter().filter(|s| s.kind() == Kind::Async) {
        if scn.cpython.is_empty() {
            errors.push(format!("{}: no CPython comparison parameters", scn.id));
        }
        for (params, tol) in variants(scn) {
            match check_with_tolerance(scn, &params, &tol, repo) {
                Ok(c) => {
                    passed &= c.passed();
                    rows.push(Row::from(&c));
                }
                Err(e) => errors.push(format!("{} {params:?}: {e}", scn.id)),
            }
        }
        for (params, tol) in variants_virtual(scn) {
            match check_virtual(scn, &params, &tol, repo) {
                Ok(c) => {
                    passed &= c.passed();
                    virt.push(Row::from(&c));
                }
                Err(e) => virt_errors.push(format!("{} {params:?} (virtual time): {e}", scn.id)),
            }
        }
    }
    for e in errors.iter().chain(&virt_errors) {
        eprintln!("{e}");
    }
    let real = RealTime { python, rows, errors };
    let doc = render(&real, &virt, &virt_errors);
    print!("{doc}");
    if std::env::args().any(|a| a == "--write") {
        for (path, text) in [(REAL_TIME_DATA, real.to_json()), ("FIDELITY.md", doc)] {
            if let Err(e) = std::fs::write(repo.join(path), text) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(1);
            }
        }
    }
    if !real.errors.is_empty() || !virt_errors.is_empty() || !passed {
        std::process::exit(1);
    }
}
