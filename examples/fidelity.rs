//! Runs every async lesson against CPython 3.11 running its listing (see
//! `crates/fidelity/src/lib.rs`), on real time and on virtual time, and prints
//! FIDELITY.md. With `--write` it keeps this run's real-time figures in
//! `data/fidelity_real_time.json` (what the doc's real-time rows are rendered
//! from: they vary run to run, so use a quiet machine) and writes FIDELITY.md;
//! `UPDATE_DOCS=1 cargo test --test fidelity` renders the same file from them.
//!
//!     cargo run --example fidelity            # prints the document
//!     cargo run --example fidelity -- --write # also writes the data and FIDELITY.md
//!     cargo run --example fidelity -- --write --only countdown[,ID…]
//!         # measures those lessons only and replaces just their rows in the data
//!         # (a new lesson's rows, without re-measuring every other lesson's);
//!         # then `UPDATE_DOCS=1 cargo test --test fidelity` renders FIDELITY.md

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
    let args: Vec<String> = std::env::args().collect();
    let only: Option<Vec<&str>> = args.iter().position(|a| a == "--only").map(|i| {
        let ids: Vec<&str> = args.get(i + 1).map(|v| v.split(',').collect()).unwrap_or_default();
        if let Some(bad) = ids.iter().find(|id| !ALL.iter().any(|s| s.id == **id && s.kind() == Kind::Async)) {
            eprintln!("--only: {bad:?} is not an async lesson");
            std::process::exit(2);
        }
        ids
    });
    let chosen = |id: &str| only.as_ref().is_none_or(|ids| ids.contains(&id));
    for scn in ALL.iter().filter(|s| s.kind() == Kind::Async && chosen(s.id)) {
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
    if let Some(ids) = &only {
        // Only these lessons' rows change; every other row stays as measured before.
        let path = repo.join(REAL_TIME_DATA);
        let kept = std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|t| RealTime::parse(&t));
        let mut merged = kept.unwrap_or_else(|e| {
            eprintln!("cannot read {REAL_TIME_DATA}: {e}");
            std::process::exit(1);
        });
        if merged.python != real.python {
            eprintln!("{REAL_TIME_DATA} was measured with {}, this run has {}: rerun every lesson", merged.python, real.python);
            std::process::exit(1);
        }
        merged.rows.retain(|r| !ids.contains(&r.lesson.as_str()));
        merged.rows.extend(real.rows.iter().cloned());
        let place = |lesson: &str| ALL.iter().position(|s| s.id == lesson).unwrap_or(usize::MAX);
        merged.rows.sort_by_key(|r| place(&r.lesson));
        merged.errors.extend(real.errors.iter().cloned());
        if args.iter().any(|a| a == "--write") {
            if let Err(e) = std::fs::write(&path, merged.to_json()) {
                eprintln!("cannot write {REAL_TIME_DATA}: {e}");
                std::process::exit(1);
            }
            eprintln!("{REAL_TIME_DATA}: the rows of {} replaced; now run UPDATE_DOCS=1 cargo test --test fidelity", ids.join(", "));
        }
        let ok = real.errors.is_empty() && virt_errors.is_empty() && passed;
        std::process::exit(if ok { 0 } else { 1 });
    }
    let doc = render(&real, &virt, &virt_errors);
    print!("{doc}");
    if args.iter().any(|a| a == "--write") {
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
