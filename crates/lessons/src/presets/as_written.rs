//! How a broken-as-written example is seen failing (`"as_written"` in
//! `static/presets.json`): the error CPython gives, and either our program
//! with the same mistake (`python/as_written/<id>.py`, opened in the page's
//! Python runner) or a lesson run that fails the same way (`query`), or both.
//! `tests/as_written.rs` runs every program under CPython 3.11 and every
//! query's lesson, and checks they fail as stated.

use super::Text;
use crate::scenarios;
use serde::Deserialize;
use std::collections::BTreeMap;

/// `error` for a program that never ends: no task can ever wake.
pub const HANG: &str = "hang";

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AsWritten {
    /// The exception's class as CPython names it (`TypeError`), or [`HANG`].
    pub error: String,
    /// Its message, as CPython 3.11 prints it after the class; for a hang,
    /// what waits forever.
    pub message: String,
    /// Under `python/`: `as_written/<id>.py`, a short program with the
    /// example's mistake; the card opens it in the Python runner.
    #[serde(default)]
    pub python: Option<String>,
    /// A lesson run that fails the same way (`lesson=…&<param>=…&clock=…`).
    #[serde(default)]
    pub query: Option<String>,
    /// What the card adds: why the page shows a close cousin of the error, or
    /// why the runner cannot run the program.
    #[serde(default)]
    pub note: Option<Text>,
}

impl AsWritten {
    pub fn hangs(&self) -> bool {
        self.error == HANG
    }

    /// The lesson and its parameters in `query` (`clock` apart).
    pub fn lesson_params(&self) -> Option<(String, BTreeMap<String, String>)> {
        let mut params: BTreeMap<String, String> = form_urlencoded::parse(self.query.as_deref()?.as_bytes()).into_owned().collect();
        let lesson = params.remove("lesson")?;
        params.remove("clock");
        Some((lesson, params))
    }

    /// Problems with the entry of preset `id`.
    pub fn problems(&self, id: &str) -> Vec<String> {
        let mut out = Vec::new();
        let named = self.hangs() || (self.error.ends_with("Error") && self.error.chars().all(|c| c.is_ascii_alphanumeric()));
        if !named || self.message.trim().is_empty() {
            out.push(format!("{id}: as_written needs an exception class (or \"{HANG}\") and its message"));
        }
        match self.python.as_deref() {
            Some(p) if p != format!("as_written/{id}.py") => out.push(format!("{id}: as_written.python must be as_written/{id}.py")),
            None if self.query.is_none() => out.push(format!("{id}: as_written needs a python program or a query")),
            _ => {}
        }
        if self.query.is_some() {
            match self.lesson_params() {
                None => out.push(format!("{id}: as_written.query names no lesson")),
                Some((lesson, params)) => match scenarios::find(&lesson) {
                    None => out.push(format!("{id}: as_written.query: unknown lesson {lesson}")),
                    Some(scn) => {
                        if let Err(errs) = scn.validate(&params) {
                            out.push(format!("{id}: as_written.query refused by {lesson}: {errs:?}"));
                        }
                        if let Some(k) = params.keys().find(|k| !scn.params.iter().any(|p| p.key == k.as_str())) {
                            out.push(format!("{id}: {lesson} has no parameter {k}"));
                        }
                    }
                },
            }
        }
        if let Some(n) = &self.note {
            if n.en.trim().is_empty() || n.zh.trim().is_empty() {
                out.push(format!("{id}: as_written.note needs English and Chinese"));
            }
        }
        out
    }
}
