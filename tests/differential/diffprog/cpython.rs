//! The CPython side of the differential test: feeds programs to
//! `python/tools/diffprog.py` (one `python3` process per batch, so hundreds
//! of programs cost one interpreter start) and compares its logs with the
//! engine's.

use super::run::run_engine;
use super::{minimize, Program};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Each program's log on CPython asyncio, in order.
pub fn run_cpython(programs: &[Program], repo: &Path) -> Result<Vec<Vec<String>>, String> {
    let script = repo.join("python").join("tools").join("diffprog.py");
    let mut child = Command::new("python3")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let mut input = String::new();
    for p in programs {
        input.push_str(&serde_json::to_string(p).map_err(|e| e.to_string())?);
        input.push('\n');
    }
    // Written from a thread: a big batch would fill the pipe while python's
    // output fills the other one.
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().map_err(|e| format!("python3: {e}"))?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(format!("{} failed: {}", script.display(), String::from_utf8_lossy(&out.stderr)));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut logs = vec![Vec::new()];
    for line in text.lines() {
        if line == "END" {
            logs.push(Vec::new());
        } else if let Some(l) = logs.last_mut() {
            l.push(line.to_owned());
        }
    }
    logs.pop();
    if logs.len() != programs.len() {
        return Err(format!("python printed {} logs for {} programs", logs.len(), programs.len()));
    }
    Ok(logs)
}

/// A program on which the engine and CPython disagree, minimized.
#[derive(Debug)]
pub struct Disagreement {
    pub seed: u64,
    pub program: Program,
    pub engine: Vec<String>,
    pub cpython: Vec<String>,
}

impl std::fmt::Display for Disagreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "seed {} disagrees; minimized program:", self.seed)?;
        writeln!(f, "{}", serde_json::to_string(&self.program).unwrap_or_default())?;
        writeln!(f, "{:<44} | cpython", "engine")?;
        for i in 0..self.engine.len().max(self.cpython.len()) {
            let (e, c) = (self.engine.get(i).map_or("", String::as_str), self.cpython.get(i).map_or("", String::as_str));
            writeln!(f, "{e:<44} {} {c}", if e == c { "|" } else { "≠" })?;
        }
        Ok(())
    }
}

/// Runs `programs` (paired with their seeds) on both sides; every
/// disagreement comes back minimized with both logs.
pub fn differ(programs: &[(u64, Program)], repo: &Path) -> Result<Vec<Disagreement>, String> {
    let progs: Vec<Program> = programs.iter().map(|(_, p)| p.clone()).collect();
    let py = run_cpython(&progs, repo)?;
    let mut out = Vec::new();
    for ((seed, p), c) in programs.iter().zip(py) {
        if run_engine(p) == c {
            continue;
        }
        let mut disagrees = |q: &Program| run_cpython(std::slice::from_ref(q), repo).is_ok_and(|c| c[0] != run_engine(q));
        let program = minimize(p, &mut disagrees);
        let cpython = run_cpython(std::slice::from_ref(&program), repo)?.remove(0);
        out.push(Disagreement { seed: *seed, engine: run_engine(&program), cpython, program });
    }
    Ok(out)
}
