//! The broken-as-written examples seen failing (`"as_written"` in
//! `static/presets.json`): each program of `python/as_written/` raises, under
//! this machine's CPython 3.11, exactly the error its preset names (the last
//! line python3 prints), or hangs when the preset says so (still running after
//! [`HANG_S`], having printed what its message says it produced); on the
//! virtual clock the runner uses (python/tools/pytrace.py, also CPython 3.11)
//! it fails the same way, or is one the page's runner refuses (threads or
//! processes) and the card's note says so; every query's lesson run fails.
#![cfg(not(target_arch = "wasm32"))]

use concurrency_playground::engine::RunError;
use concurrency_playground::presets::{self, AsWritten, Preset};
use concurrency_playground::scenarios;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Seconds a program that hangs must still be running, under real CPython.
const HANG_S: u64 = 2;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn broken() -> Vec<(Preset, AsWritten)> {
    let text = std::fs::read_to_string(root().join("static/presets.json")).expect("static/presets.json");
    let all = presets::parse(&text).expect("presets.json parses");
    all.into_iter().filter_map(|p| p.as_written.clone().map(|a| (p, a))).collect()
}

fn python3() -> Command {
    let mut c = Command::new("python3");
    c.current_dir(root()).env("PYTHONDONTWRITEBYTECODE", "1").stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    c
}

/// `N` in "produced N" of a hang's message.
fn produced(message: &str) -> Option<usize> {
    let after = message.split("produced ").nth(1)?;
    after.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

#[test]
fn the_presets_name_their_programs_and_every_program_has_a_preset() {
    let named: Vec<String> = broken().iter().filter_map(|(_, a)| a.python.clone()).collect();
    for f in &named {
        assert!(root().join("python").join(f).is_file(), "python/{f} is missing");
    }
    for e in std::fs::read_dir(root().join("python/as_written")).expect("python/as_written") {
        let name = format!("as_written/{}", e.expect("entry").file_name().to_string_lossy());
        assert!(named.contains(&name), "python/{name} belongs to no preset");
    }
    // The broken examples the page can open a lesson for all show how they fail.
    let text = std::fs::read_to_string(root().join("static/presets.json")).expect("static/presets.json");
    for p in presets::parse(&text).expect("parses") {
        if p.verdict == presets::Verdict::Broken && p.runnable() {
            assert!(p.as_written.is_some(), "{}: broken as written, with a lesson, but no as_written", p.id);
        }
    }
}

/// Every program under real CPython 3.11: the named error, or a hang.
#[test]
fn every_program_fails_under_cpython_as_its_preset_says() {
    let version = python3().arg("--version").output().expect("python3 on PATH");
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("Python 3.11"), "CPython 3.11 is the reference");
    // The hangs in the background (they sleep), the others one at a time: the pools start processes.
    let all: Vec<(String, AsWritten, String)> = broken().into_iter().filter_map(|(p, a)| a.python.clone().map(|f| (p.id, a, f))).collect();
    assert!(all.len() >= 11, "{} programs", all.len());
    let run = |file: &str| python3().arg("-u").arg(format!("python/{file}")).spawn().expect("python3 runs");
    let t0 = Instant::now();
    let hangs: Vec<_> = all.iter().filter(|(_, a, _)| a.hangs()).map(|(id, a, f)| (id, a, f, run(f))).collect();
    let mut failures = Vec::new();
    for (id, a, file) in all.iter().filter(|(_, a, _)| !a.hangs()) {
        let out = run(file).wait_with_output().expect("output");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty() && !l.contains("RuntimeWarning")).unwrap_or("");
        let want = format!("{}: {}", a.error, a.message);
        println!("{id} {file}: {last}");
        if out.status.success() || last != want {
            failures.push(format!("{id}: python/{file} ended with {:?}, last line {last:?}; the preset says {want:?}", out.status.code()));
        }
    }
    std::thread::sleep(Duration::from_secs(HANG_S).saturating_sub(t0.elapsed()));
    for (id, a, file, mut child) in hangs {
        let still = child.try_wait().expect("try_wait").is_none();
        let _ = child.kill();
        let out = child.wait_with_output().expect("output");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let last = stdout.lines().rfind(|l| l.contains("produced ")).unwrap_or("");
        let want = produced(&a.message).expect("a hang's message says how many were produced");
        println!("{id} {file}: running after {:.1} s: {still}; last: {last:?}", t0.elapsed().as_secs_f64());
        if !still {
            failures.push(format!("{id}: python/{file} ended; the preset says it hangs"));
        }
        if !last.ends_with(&format!("produced {want}")) || stdout.lines().any(|l| l.starts_with("consumed") || l.starts_with("processed")) {
            failures.push(format!("{id}: python/{file} printed {stdout:?}; the preset says {:?}", a.message));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// On the runner's virtual clock (pytrace.py, as in the page): the same error,
/// a hang reported with the tasks that wait forever, or refused by its scope
/// check (threads, processes) with a note on the card saying so.
#[test]
fn every_program_fails_the_same_way_on_the_runners_virtual_clock() {
    let mut failures = Vec::new();
    for (p, a) in broken() {
        let Some(file) = a.python.clone() else { continue };
        let path = format!("python/{file}");
        let scope = python3()
            .args([
                "-c",
                "import sys; sys.path.insert(0, 'python/tools'); import pytrace; print(len(pytrace.scope(open(sys.argv[1]).read())))",
                &path,
            ])
            .output()
            .expect("pytrace.scope");
        if String::from_utf8_lossy(&scope.stdout).trim() != "0" {
            println!("{}: {path} starts threads or processes: the page's runner refuses it", p.id);
            if a.note.is_none() {
                failures.push(format!("{}: the runner refuses {path}; the card must say why (note)", p.id));
            }
            continue;
        }
        let out = python3().args(["python/tools/pytrace.py", &path]).output().expect("pytrace runs");
        let log = String::from_utf8_lossy(&out.stdout);
        let errors: Vec<&str> = log.lines().filter(|l| l.starts_with("ERROR ")).collect();
        let want = if a.hangs() { "ERROR Hang: ".to_owned() } else { format!("ERROR {}: {}", a.error, a.message) };
        println!("{}: {errors:?}", p.id);
        if errors.len() != 1 || !errors[0].starts_with(&want) || (!a.hangs() && errors[0] != want) {
            failures.push(format!("{}: pytrace gave {errors:?}, the preset says {want:?}", p.id));
        }
        if a.hangs() && !log.lines().any(|l| l.starts_with("WAITING ") && l.ends_with(": queue")) {
            failures.push(format!("{}: the hang names no task waiting on a queue:\n{log}", p.id));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A query's lesson run ends with the lesson's error, on the virtual clock.
#[test]
fn every_query_runs_a_lesson_that_fails() {
    let mut n = 0;
    for (p, a) in broken() {
        let Some((lesson, params)) = a.lesson_params() else { continue };
        let scn = scenarios::find(&lesson).expect("lesson");
        n += 1;
        match scenarios::run_virtual(scn, &params) {
            Err(RunError::Workload(key)) => {
                println!("{}: {lesson} fails with {key}", p.id);
                // The lesson's error is the one the card names: a nested function's
                // AttributeError (func=inner), or a lambda's PicklingError.
                let want = if a.error == "AttributeError" { "err.mpqueue_local" } else { "err.mpqueue_pickle" };
                assert_eq!(key, want, "{}: the card names {}, the lesson run fails with {key}", p.id, a.error);
            }
            other => panic!("{}: {lesson} {params:?} should fail, gave {:?}", p.id, other.map(|t| t.meta.results)),
        }
    }
    assert!(n >= 5, "{n} queries");
}
