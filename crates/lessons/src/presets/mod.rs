//! The tutorials' 99 numbered examples as presets (`static/presets.json`, one
//! entry per example): which lesson and parameters reproduce it, what the
//! tutorial expects and whether that holds, in English and 简体中文.
//!
//! The file is the one place presets live: the page fetches it when it needs
//! it (a `?example=` link, a lesson's menu, the gallery page `examples.html`),
//! so it is not part of the first load; `tests/presets.rs` validates it, runs
//! every preset's lesson and writes TUTORIALS.md from it. No browser code.

use crate::i18n::Lang;
use crate::scenarios;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// How far a lesson reproduces the example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The lesson runs the example's own numbers.
    Exact,
    /// The closest lesson, with parameters near the example's; the shape, not every number.
    Approx,
    /// A lesson being written elsewhere (issue 21) will reproduce it: `lesson` names it.
    Pending,
    /// Nothing in a browser page can reproduce it: `why` says why, `open` what to open instead.
    None,
}

/// Whether the tutorial's expectation holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Holds,
    Wrong,
    Misleading,
    /// The code crashes or hangs as written (`why` names the error Python gives).
    Broken,
}

impl Verdict {
    /// Stable name (translation key suffix `preset.verdict.<name>`, CSS class).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::Wrong => "wrong",
            Verdict::Misleading => "misleading",
            Verdict::Broken => "broken",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Preset {
    /// `<tutorial>-<number>`, the `?example=` value (e.g. `000-14`).
    pub id: String,
    pub tutorial: String,
    /// The example's number, 1–99, across the five tutorials.
    pub number: u32,
    pub title: Text,
    pub verdict: Verdict,
    /// What the tutorial expects (its claim and its number, in our words).
    pub says: Text,
    /// The tutorial's number for the shown quantity, when it gives one.
    #[serde(default)]
    pub says_value: Option<f64>,
    /// Why the verdict, and what the run shows.
    pub why: Text,
    pub status: Status,
    #[serde(default)]
    pub lesson: Option<String>,
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    /// `virtual` for async lessons: deterministic, and `value` exact.
    #[serde(default)]
    pub clock: Option<String>,
    /// `data-testid` of the run's number put beside the tutorial's.
    #[serde(default)]
    pub show: Option<String>,
    /// What that number is on this preset's run, when it is deterministic
    /// (virtual clock or an exact count); checked natively and in e2e.
    #[serde(default)]
    pub value: Option<f64>,
    /// For `none`: the lesson to open instead.
    #[serde(default)]
    pub open: Option<String>,
    /// For a broken example: how to see it fail, with the error named.
    #[serde(default)]
    pub as_written: Option<AsWritten>,
}

#[derive(Deserialize)]
struct File {
    presets: Vec<Preset>,
}

/// Parses `static/presets.json`.
pub fn parse(json: &str) -> Result<Vec<Preset>, String> {
    serde_json::from_str::<File>(json).map(|f| f.presets).map_err(|e| e.to_string())
}

impl Preset {
    /// Has a lesson to open with its parameters (exact or approximate).
    pub fn runnable(&self) -> bool {
        matches!(self.status, Status::Exact | Status::Approx)
    }

    /// The app's query string for this preset (`lesson=…&<param>=…&clock=…`),
    /// without language or `run`.
    pub fn query(&self) -> Option<String> {
        let lesson = self.lesson.as_deref().filter(|_| self.runnable())?;
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("lesson", lesson);
        for (k, v) in &self.params {
            q.append_pair(k, v);
        }
        if let Some(c) = &self.clock {
            q.append_pair("clock", c);
        }
        Some(q.finish())
    }

    /// Problems with this entry: unknown lesson, a parameter the lesson refuses,
    /// missing texts or fields its status needs.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let id = &self.id;
        if self.id != format!("{}-{}", self.tutorial, self.number) {
            out.push(format!("{id}: id is not <tutorial>-<number>"));
        }
        for (name, t) in [("title", &self.title), ("says", &self.says), ("why", &self.why)] {
            if t.en.trim().is_empty() || t.zh.trim().is_empty() {
                out.push(format!("{id}: {name} needs English and Chinese"));
            }
        }
        if let Some(a) = &self.as_written {
            if self.verdict != Verdict::Broken {
                out.push(format!("{id}: as_written is for broken examples"));
            }
            out.extend(a.problems(id));
        }
        match self.status {
            Status::Exact | Status::Approx => match self.lesson.as_deref().and_then(scenarios::find) {
                None => out.push(format!("{id}: unknown lesson {:?}", self.lesson)),
                Some(scn) => {
                    if let Err(errs) = scn.validate(&self.params) {
                        out.push(format!("{id}: parameters refused by {}: {errs:?}", scn.id));
                    }
                    if let Some(k) = self.params.keys().find(|k| !scn.params.iter().any(|p| p.key == k.as_str())) {
                        out.push(format!("{id}: {} has no parameter {k}", scn.id));
                    }
                    if self.show.is_none() {
                        out.push(format!("{id}: no number to show beside the expectation"));
                    }
                    if self.clock.is_some() != (scn.kind() == scenarios::Kind::Async) {
                        out.push(format!("{id}: clock=virtual is for async lessons only, and every async preset uses it"));
                    }
                }
            },
            Status::Pending => {
                if self.lesson.is_none() {
                    out.push(format!("{id}: pending needs the lesson id it waits for"));
                }
            }
            Status::None => {
                if self.open.as_deref().and_then(scenarios::find).is_none() {
                    out.push(format!("{id}: not reproducible needs a lesson to open instead"));
                }
            }
        }
        out
    }
}

/// The preset for `?example=<id>`.
pub fn find<'a>(all: &'a [Preset], id: &str) -> Option<&'a Preset> {
    all.iter().find(|p| p.id == id.trim())
}

/// The runnable presets that open `lesson`, in example order.
pub fn for_lesson<'a>(all: &'a [Preset], lesson: &str) -> Vec<&'a Preset> {
    all.iter().filter(|p| p.runnable() && p.lesson.as_deref() == Some(lesson)).collect()
}

pub mod as_written;
pub mod doc;
pub use as_written::AsWritten;
