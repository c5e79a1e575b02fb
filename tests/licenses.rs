#![cfg(not(target_arch = "wasm32"))]
//! The offline stand-in for `cargo deny check licenses bans`: every package in
//! the dependency graph (for the two platforms we build: wasm32 and Linux)
//! carries a licence expression this project may ship under, and crates that
//! must exist once (two copies would break the build or double the bundle) do.
//! Reads `cargo metadata --offline`.

use std::process::Command;

/// Licences compatible with shipping this MIT OR Apache-2.0 app (SPDX ids).
const ALLOWED: &[&str] = &["MIT", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib", "Unicode-3.0", "Unicode-DFS-2016", "BSL-1.0", "CC0-1.0", "Unlicense"];

/// Crates that must appear in one version only.
const SINGLE: &[&str] = &["wasm-bindgen", "js-sys", "web-sys", "yew", "rayon", "rayon-core", "serde", "serde_json", "futures", "sha2", "wasm-bindgen-rayon"];

/// Evaluates an SPDX-like expression (`A OR B`, `A AND B`, `(…)`, `A WITH E`, and the
/// old `A/B` spelling as OR) against the allow-list.
fn allowed(expr: &str) -> bool {
    let spaced = expr.replace('(', " ( ").replace(')', " ) ").replace('/', " OR ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut pos = 0;
    let ok = or_expr(&tokens, &mut pos);
    ok == Some(true) && pos == tokens.len()
}

fn or_expr(t: &[&str], pos: &mut usize) -> Option<bool> {
    let mut v = and_expr(t, pos)?;
    while t.get(*pos) == Some(&"OR") {
        *pos += 1;
        v |= and_expr(t, pos)?;
    }
    Some(v)
}

fn and_expr(t: &[&str], pos: &mut usize) -> Option<bool> {
    let mut v = atom(t, pos)?;
    while t.get(*pos) == Some(&"AND") {
        *pos += 1;
        v &= atom(t, pos)?;
    }
    Some(v)
}

fn atom(t: &[&str], pos: &mut usize) -> Option<bool> {
    let tok = *t.get(*pos)?;
    *pos += 1;
    if tok == "(" {
        let v = or_expr(t, pos)?;
        (t.get(*pos) == Some(&")")).then(|| *pos += 1)?;
        return Some(v);
    }
    if t.get(*pos) == Some(&"WITH") {
        let exc = *t.get(*pos + 1)?;
        *pos += 2;
        return Some(ALLOWED.contains(&format!("{tok} WITH {exc}").as_str()));
    }
    Some(ALLOWED.contains(&tok))
}

fn metadata() -> serde_json::Value {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline", "--locked"])
        .args(["--filter-platform", "wasm32-unknown-unknown", "--filter-platform", "x86_64-unknown-linux-gnu"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("metadata JSON")
}

#[test]
fn the_expression_reader_follows_spdx() {
    assert!(allowed("MIT OR Apache-2.0"));
    assert!(allowed("MIT/Apache-2.0"));
    assert!(allowed("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(allowed("GPL-3.0 OR MIT"));
    assert!(!allowed("GPL-3.0"));
    assert!(!allowed("MIT AND GPL-3.0"));
    assert!(!allowed("(MIT OR Apache-2.0"));
    assert!(!allowed(""));
}

#[test]
fn every_dependency_has_an_allowed_licence_and_no_banned_duplicates() {
    let m = metadata();
    let packages = m["packages"].as_array().expect("packages");
    assert!(packages.len() > 50, "{} packages: is the graph complete?", packages.len());
    let mut bad = Vec::new();
    for p in packages {
        let (name, version) = (p["name"].as_str().unwrap_or("?"), p["version"].as_str().unwrap_or("?"));
        match p["license"].as_str() {
            Some(l) if allowed(l) => {}
            other => bad.push(format!("{name} {version}: {other:?}")),
        }
    }
    assert!(bad.is_empty(), "licences outside the allow-list:\n{}", bad.join("\n"));
    for single in SINGLE {
        let versions: Vec<&str> = packages.iter().filter(|p| p["name"] == *single).filter_map(|p| p["version"].as_str()).collect();
        assert!(versions.len() <= 1, "{single} in {} versions: {versions:?}", versions.len());
    }
}
