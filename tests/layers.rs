#![cfg(not(target_arch = "wasm32"))]
//! The layers, enforced. The workspace is a stack of crates (`crates/engine`,
//! `crates/lessons`, the app in `src/`; `crates/fidelity` a dev-dependency
//! beside it), so the compiler stops a lower crate from naming anything above
//! it: a lesson that reaches for `crate::state` or `crate::web` does not
//! compile. This test checks that the manifests keep that order and stay free
//! of browser crates below the app, and, inside each crate, that every module
//! uses only the modules below it (`LAYERS`, lowest first), so an arrow the
//! wrong way inside a crate (`state` reaching for `view`, `i18n` for a lesson)
//! fails here.

mod common;

use common::repo;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Lowest first: each may use only those before it. `engine` is its own crate
/// (re-exported as `engine` in both crates above it); `interleave` to `presets`
/// are `crates/lessons/src`, `traces` to `web` the app's `src/`.
const LAYERS: &[&str] = &["engine", "interleave", "i18n", "scenarios", "presets", "traces", "state", "view", "web"];

/// The source roots of the crates whose modules are layered.
const ROOTS: &[&str] = &["crates/lessons/src", "src"];

/// Each crate of the workspace and the workspace crates it may depend on
/// (`[dependencies]`; the fidelity crate is only a dev-dependency of the app).
const CRATES: &[(&str, &[&str])] = &[
    ("crates/engine/Cargo.toml", &[]),
    ("crates/lessons/Cargo.toml", &["playground-engine"]),
    ("crates/fidelity/Cargo.toml", &["playground-engine", "playground-lessons"]),
    ("Cargo.toml", &["playground-engine", "playground-lessons"]),
];
const WORKSPACE_CRATES: &[&str] = &["playground-engine", "playground-lessons", "playground-fidelity", "concurrency-playground"];

/// Crates that only a browser has: the engine must not depend on them.
const BROWSER_CRATES: &[&str] = &["web_sys", "js_sys", "wasm_bindgen", "wasm_bindgen_futures", "wasm_bindgen_rayon", "gloo", "yew"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top module a file of `src/` belongs to (`src/state/link.rs` → state).
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

/// The top modules a source text names through `crate::`, in paths and in
/// grouped imports (`use crate::{engine::x, i18n}`); comments are skipped.
fn used_modules(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for part in inner.split(',') {
                    let name: String = part.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if !name.is_empty() {
                        used.insert(name);
                    }
                }
            } else {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    used.insert(name);
                }
            }
        }
    }
    used
}

fn allowed(module: &str) -> Option<BTreeSet<&'static str>> {
    LAYERS.iter().position(|l| *l == module).map(|i| LAYERS[..i].iter().copied().collect())
}

/// Every `(file, used module)` that breaks the layering, for the crates at `root`.
fn violations(root: &Path) -> Vec<String> {
    let mut bad = Vec::new();
    for dir in ROOTS {
        let src = root.join(dir);
        if src.is_dir() {
            violations_in(&src, &mut bad);
        }
    }
    bad
}

fn violations_in(src: &Path, bad: &mut Vec<String>) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    for file in files {
        let Some(module) = top_module(src, &file) else { continue };
        if module == "lib" {
            continue;
        }
        let Some(ok) = allowed(&module) else {
            bad.push(format!("{}: module `{module}` is in no layer (add it to LAYERS)", file.display()));
            continue;
        };
        let text = fs::read_to_string(&file).expect("source is readable");
        for used in used_modules(&text) {
            if used != module && LAYERS.contains(&used.as_str()) && !ok.contains(used.as_str()) {
                bad.push(format!("{}: `{module}` uses `{used}`, which is not below it", file.display()));
            }
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let bad = violations(repo());
    assert!(bad.is_empty(), "layering broken:\n{}", bad.join("\n"));
}

/// The names of the packages a manifest's table lists (`name = …` or `name.workspace`).
fn deps_of(manifest: &str, table: &str) -> Vec<String> {
    let Some(body) = manifest.split(&format!("[{table}]")).nth(1) else { return Vec::new() };
    let body = body.split("\n[").next().unwrap_or("");
    body.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter_map(|l| l.split(['=', '.']).next().map(|n| n.trim().to_owned()))
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn the_crates_stack_in_order_and_only_the_app_names_a_browser_crate() {
    for (manifest, may) in CRATES {
        let text = fs::read_to_string(repo().join(manifest)).expect("a workspace manifest");
        let deps = deps_of(&text, "dependencies");
        for dep in &deps {
            if WORKSPACE_CRATES.contains(&dep.as_str()) {
                assert!(may.contains(&dep.as_str()), "{manifest} depends on `{dep}`, which is not below it");
            }
        }
        if *manifest != "Cargo.toml" {
            for name in BROWSER_CRATES.iter().map(|c| c.replace('_', "-")) {
                assert!(!text.contains(&format!("\n{name}")), "{manifest} names the browser crate `{name}`");
            }
        }
    }
    // The fidelity crate (it starts python3) is for tests and examples only.
    let app = fs::read_to_string(repo().join("Cargo.toml")).expect("the app's manifest");
    assert!(!deps_of(&app, "dependencies").iter().any(|d| d == "playground-fidelity"), "the app depends on playground-fidelity");
}

#[test]
fn grouped_and_nested_paths_are_seen() {
    let used = used_modules("use crate::{engine::trace, i18n::tr};\nlet x = crate::state::AppState::default(); // crate::web");
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["engine", "i18n", "state"]);
}

#[test]
fn a_wrong_way_import_is_caught() {
    // A tree whose state reaches up for a chart, and a lesson for the page: both seen.
    let tmp = std::env::temp_dir().join(format!("layers-{}", std::process::id()));
    fs::create_dir_all(tmp.join("src/state")).expect("tmp dir");
    fs::create_dir_all(tmp.join("crates/lessons/src/scenarios")).expect("tmp dir");
    fs::write(tmp.join("src/state/bad.rs"), "use crate::view::axis::fmt_num;\n").expect("write");
    fs::write(tmp.join("crates/lessons/src/scenarios/bad.rs"), "use crate::{engine::trace, web::services::pool};\n").expect("write");
    fs::write(tmp.join("src/lib.rs"), "pub mod state;\n").expect("write");
    let mut bad = violations(&tmp);
    bad.sort();
    fs::remove_dir_all(&tmp).ok();
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(bad[0].contains("`scenarios` uses `web`"), "{bad:?}");
    assert!(bad[1].contains("`state` uses `view`"), "{bad:?}");
}

/// Files of the page that must name no lesson: what a lesson adds to the page
/// comes from its own file (`Scenario::extras`) or its trace.
const LESSON_FREE: &[&str] = &[
    "src/web/components/app.rs",
    "src/state",
    "src/web/components/summary.rs",
    "src/web/components/preset_card.rs",
    "src/view/numbers.rs",
];

#[test]
fn the_app_and_its_state_name_no_lesson() {
    let mut files = Vec::new();
    for p in LESSON_FREE {
        let path = repo().join(p);
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else {
            files.push(path);
        }
    }
    let mut bad = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("source is readable");
        for scn in concurrency_playground::scenarios::ALL {
            for pat in [format!("\"{}\"", scn.id), format!("scenarios::{}::", scn.id)] {
                if text.lines().any(|l| l.split("//").next().unwrap_or("").contains(&pat)) {
                    bad.push(format!("{}: names the lesson `{}` ({pat})", file.display(), scn.id));
                }
            }
        }
    }
    assert!(bad.is_empty(), "lesson ids where the page should ask the lesson:\n{}", bad.join("\n"));
}

/// Components below the root take what they draw (yew's narrow props): only
/// `app.rs` reads the page state; the rest get plain data and callbacks.
#[test]
fn only_the_root_component_reads_the_state() {
    let mut files = Vec::new();
    rust_files(&repo().join("src/web/components"), &mut files);
    let bad: Vec<String> = files
        .iter()
        .filter(|f| !f.ends_with("app.rs"))
        .flat_map(|f| {
            let text = fs::read_to_string(f).expect("source is readable");
            let hits: Vec<String> = ["AppState", "UseReducerHandle"]
                .iter()
                .filter(|pat| text.lines().any(|l| l.split("//").next().unwrap_or("").contains(*pat)))
                .map(|pat| format!("{}: takes `{pat}`", f.display()))
                .collect();
            hits
        })
        .collect();
    assert!(files.len() > 1 && bad.is_empty(), "components that read the whole state:\n{}", bad.join("\n"));
}
