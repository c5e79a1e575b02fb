//! The playground's own trace file: export is the [`Trace`] as JSON (serde), and
//! import checks a file someone hands us before the page touches it.
//!
//! An imported file is untrusted input, and the page has no panics to spare
//! (release builds abort), so import is a chain of checks, each with its own
//! translated message: size, JSON syntax, that it is a playground trace at
//! all, its format version, its shape, sizes no real run reaches (which would
//! otherwise exhaust memory in the timeline), the structural invariants of
//! [`Trace::validate`], times and values in range, and a known lesson.

use crate::engine::trace::{Trace, TRACE_VERSION};
use crate::i18n::{fill, tr, Lang};
use crate::scenarios;
use serde::Deserialize;
use std::collections::BTreeSet;

/// Largest file the page reads (bytes). The page parses on its main thread, so
/// this bounds how long that can take: the largest run a lesson makes (crawler,
/// 10,000 requests) is 3.7 MB; a million events fit in no fewer than ~45 MB and
/// are refused here, by the file's size, before a byte is read
/// (`tests/import_scale.rs`, and the e2e check of the longest main-thread task).
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;
/// Most lanes, spans, events and track samples an import may hold. The biggest
/// lessons stay well below (10,000 requests, ~100k CPU chunks).
pub const MAX_LANES: usize = 100_000;
pub const MAX_ITEMS: usize = 2_000_000;
/// Longest run an import may describe (ms): about 11.6 days.
pub const MAX_MS: f64 = 1e9;
/// Most threads a sweep point may name.
pub const MAX_THREADS: u32 = 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge { bytes: u64 },
    NotJson { line: usize, column: usize },
    NotATrace,
    Version { found: String },
    Shape { msg: String },
    TooMany { what: &'static str, n: usize, max: usize },
    Invalid { msg: String },
    OutOfRange { what: &'static str },
    UnknownScenario { id: String },
    Read { msg: String },
}

impl ImportError {
    /// Stable id for `data-kind` and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "too_large",
            ImportError::NotJson { .. } => "not_json",
            ImportError::NotATrace => "not_a_trace",
            ImportError::Version { .. } => "version",
            ImportError::Shape { .. } => "shape",
            ImportError::TooMany { .. } => "too_many",
            ImportError::Invalid { .. } => "invalid",
            ImportError::OutOfRange { .. } => "out_of_range",
            ImportError::UnknownScenario { .. } => "unknown_scenario",
            ImportError::Read { .. } => "read",
        }
    }

    /// The explanation shown on the page.
    pub fn message(&self, lang: Lang) -> String {
        let t = |k: &str| tr(lang, k).to_owned();
        match self {
            ImportError::TooLarge { bytes } => fill(
                &t("import.err.too_large"),
                &[("mb", &format!("{:.1}", *bytes as f64 / 1_048_576.0)), ("max", &(MAX_BYTES / 1_048_576).to_string())],
            ),
            ImportError::NotJson { line, column } => {
                fill(&t("import.err.not_json"), &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            ImportError::NotATrace => t("import.err.not_a_trace"),
            ImportError::Version { found } => {
                fill(&t("import.err.version"), &[("found", found), ("supported", &TRACE_VERSION.to_string())])
            }
            ImportError::Shape { msg } | ImportError::Invalid { msg } => fill(&t("import.err.invalid"), &[("msg", msg)]),
            ImportError::TooMany { what, n, max } => fill(
                &t("import.err.too_many"),
                &[("what", &t(&format!("import.what.{what}"))), ("n", &n.to_string()), ("max", &max.to_string())],
            ),
            ImportError::OutOfRange { what } => fill(&t("import.err.out_of_range"), &[("what", &t(&format!("import.what.{what}")))]),
            ImportError::UnknownScenario { id } => fill(&t("import.err.unknown_scenario"), &[("id", id)]),
            ImportError::Read { msg } => fill(&t("import.err.read"), &[("msg", msg)]),
        }
    }
}

/// The words `{what}` in size and range messages can stand for.
pub const WHATS: &[&str] = &["lanes", "spans", "events", "samples", "sweep", "times", "values", "threads", "lane_ids"];

/// The trace as our JSON file.
pub fn export(trace: &Trace) -> String {
    serde_json::to_string(trace).unwrap_or_else(|_| "{}".into())
}

/// Refuses files too big to read, before reading them.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_BYTES {
        Err(ImportError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: Option<serde_json::Value>,
    #[serde(default)]
    meta: Option<serde::de::IgnoredAny>,
}

/// Reads and checks a trace file's text.
pub fn import(text: &str) -> Result<Trace, ImportError> {
    check_size(text.len() as u64)?;
    let syntax = |e: serde_json::Error| match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            ImportError::NotJson { line: e.line(), column: e.column() }
        }
        _ => ImportError::NotATrace,
    };
    // A trace is a JSON object; anything else is not one (or not JSON at all).
    if !text.trim_start().starts_with('{') {
        serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(syntax)?;
        return Err(ImportError::NotATrace);
    }
    // First only the version, so an old or foreign file gets the right message.
    let probe: Probe = serde_json::from_str(text).map_err(syntax)?;
    let (Some(version), Some(_)) = (probe.version, probe.meta) else { return Err(ImportError::NotATrace) };
    if version.as_u64() != Some(TRACE_VERSION as u64) {
        return Err(ImportError::Version { found: version.to_string() });
    }
    let trace: Trace = serde_json::from_str(text).map_err(|e| ImportError::Shape { msg: e.to_string() })?;
    check(&trace)?;
    Ok(trace)
}

/// Everything but the JSON: sizes, invariants, ranges, lesson.
pub fn check(t: &Trace) -> Result<(), ImportError> {
    let samples: usize = t.tracks.iter().map(|tr| tr.samples.len()).sum();
    for (what, n, max) in [
        ("lanes", t.lanes.len(), MAX_LANES),
        ("spans", t.spans.len(), MAX_ITEMS),
        ("events", t.events.len(), MAX_ITEMS),
        ("samples", samples, MAX_ITEMS),
        ("sweep", t.meta.sweep.len(), MAX_LANES),
    ] {
        if n > max {
            return Err(ImportError::TooMany { what, n, max });
        }
    }
    // Lane ids index rows of the timeline: they must be 0..lanes, each once.
    let ids: BTreeSet<u32> = t.lanes.iter().map(|l| l.id).collect();
    if ids.len() != t.lanes.len() || t.lanes.iter().any(|l| l.id as usize >= t.lanes.len()) {
        return Err(ImportError::OutOfRange { what: "lane_ids" });
    }
    t.validate().map_err(|msg| ImportError::Invalid { msg })?;
    let time_ok = |x: f64| x.is_finite() && (0.0..=MAX_MS).contains(&x);
    let times_ok = time_ok(t.meta.makespan_ms)
        && t.spans.iter().all(|s| time_ok(s.start_ms) && time_ok(s.end_ms))
        && t.events.iter().all(|e| time_ok(e.t_ms))
        && t.tracks.iter().all(|tr| tr.samples.iter().all(|s| time_ok(s.t_ms)))
        && t.meta.sweep.iter().all(|p| time_ok(p.ms) && time_ok(p.start_ms) && time_ok(p.end_ms));
    if !times_ok {
        return Err(ImportError::OutOfRange { what: "times" });
    }
    if t.events.iter().any(|e| e.lane.is_some_and(|l| l as usize >= t.lanes.len())) {
        return Err(ImportError::OutOfRange { what: "lane_ids" });
    }
    let values_ok = t.tracks.iter().all(|tr| tr.samples.iter().all(|s| s.value.is_finite() && s.value.abs() <= 1e12))
        && t.meta.results.values().all(|v| v.is_finite());
    if !values_ok {
        return Err(ImportError::OutOfRange { what: "values" });
    }
    if t.meta.sweep.iter().any(|p| p.threads == 0 || p.threads > MAX_THREADS) || t.meta.pool_threads.is_some_and(|n| n > MAX_THREADS) {
        return Err(ImportError::OutOfRange { what: "threads" });
    }
    if scenarios::find(&t.meta.scenario).is_none() {
        return Err(ImportError::UnknownScenario { id: t.meta.scenario.chars().take(80).collect() });
    }
    Ok(())
}
