//! The share link: the page's state from a query string and back
//! (`lesson=…&<param>=…&lang=…&clock=…&run=1&embed=1`).

use super::{AppState, Clock};
use crate::i18n::Lang;
use crate::scenarios::{self, Kind};

/// A problem with the link the page was opened with (the page still works).
#[derive(Debug, Clone, PartialEq)]
pub enum UrlError {
    UnknownLesson {
        id: String,
    },
    UnknownParam {
        key: String,
        lesson: &'static str,
    },
    BadLang {
        input: String,
    },
    BadClock {
        input: String,
    },
    /// `origins=` holds something that is not an `http(s)://host[:port]` origin.
    BadOrigins {
        input: String,
    },
    /// `example=` names no example of the presets file.
    UnknownExample {
        id: String,
    },
    /// The presets file could not be fetched, so `example=` could not be opened.
    PresetsFailed {
        id: String,
        error: String,
    },
}

impl UrlError {
    /// Translation key of the explanation.
    pub fn key(&self) -> &'static str {
        match self {
            UrlError::UnknownLesson { .. } => "err.unknown_lesson",
            UrlError::UnknownParam { .. } => "err.unknown_param",
            UrlError::BadLang { .. } => "err.bad_lang",
            UrlError::BadClock { .. } => "err.bad_clock",
            UrlError::BadOrigins { .. } => "err.bad_origins",
            UrlError::UnknownExample { .. } => "err.unknown_example",
            UrlError::PresetsFailed { .. } => "err.presets_failed",
        }
    }
}

impl AppState {
    /// Builds the initial state from a query string (`lesson=…&<param>=…&lang=…&clock=…&run=1&embed=1`).
    /// `browser_lang` (navigator.language) is used when the link names no language.
    pub fn from_query(query: &str, browser_lang: Option<&str>) -> AppState {
        let mut s = AppState::default();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).into_owned().collect();
        s.lang = browser_lang.and_then(Lang::from_tag).unwrap_or_default();
        for (k, v) in &pairs {
            match k.as_str() {
                "lesson" => match scenarios::find(v) {
                    Some(scn) => s.lesson = scn.id,
                    None => s.url_errors.push(UrlError::UnknownLesson { id: v.clone() }),
                },
                "lang" => match Lang::from_tag(v) {
                    Some(l) => s.lang = l,
                    None => s.url_errors.push(UrlError::BadLang { input: v.clone() }),
                },
                "clock" => match Clock::parse(v) {
                    Some(c) => s.clock = c,
                    None => s.url_errors.push(UrlError::BadClock { input: v.clone() }),
                },
                "run" => s.run_requested = v == "1" || v == "true",
                "example" => s.example = Some(v.trim().to_owned()),
                "embed" => s.embed = v == "1" || v == "true",
                "origins" => match super::embed_msg::parse_origins(v) {
                    Ok(list) => s.embed_origins = Some(list),
                    // Refuse everyone rather than no one: the host meant to restrict.
                    Err(item) => {
                        s.embed_origins = Some(Vec::new());
                        s.url_errors.push(UrlError::BadOrigins { input: item });
                    }
                },
                _ => {}
            }
        }
        let scn = s.scenario();
        let mut schedule = None;
        for (k, v) in pairs {
            // `theme` (static/theme.js) and `coi` (static/coi.js) belong to the page, not the app.
            if matches!(k.as_str(), "lesson" | "lang" | "run" | "embed" | "clock" | "origins" | "theme" | "coi" | "example") {
                continue;
            }
            if k == "schedule" && s.is_interleave() {
                schedule = Some(v);
                continue;
            }
            if scn.params.iter().any(|p| p.key == k) {
                s.inputs.entry(scn.id).or_default().insert(k, v);
            } else {
                s.url_errors.push(UrlError::UnknownParam { key: k, lesson: scn.id });
            }
        }
        // `run=1` never starts a run against a user's own URL: only the visitor's click does.
        s.refuse_user_url_autorun();
        if s.is_interleave() {
            s.set_schedule(schedule.unwrap_or_default());
        }
        // A preset's run starts once the preset has set its lesson (state::preset).
        if s.example.is_some() {
            s.preset_run_wanted = std::mem::take(&mut s.run_requested);
        }
        s
    }

    /// The share link's query: the lesson, every parameter as currently typed,
    /// the clock (async lessons on the virtual clock) and the language. Round-trips through [`from_query`](Self::from_query).
    pub fn to_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(id) = &self.example {
            q.append_pair("example", id);
        }
        q.append_pair("lesson", self.lesson);
        for p in self.scenario().params {
            let v = self.input(p.key);
            // An empty optional URL is the default; links stay short without it.
            if matches!(p.kind, crate::engine::params::ParamKind::Url { .. }) && v.is_empty() {
                continue;
            }
            q.append_pair(p.key, &v);
        }
        if self.scenario().kind() == Kind::Async && self.clock == Clock::Virtual {
            q.append_pair("clock", self.clock.as_str());
        }
        if self.is_interleave() && !self.schedule.is_empty() {
            q.append_pair("schedule", &self.schedule);
        }
        q.append_pair("lang", self.lang.code());
        if self.embed {
            q.append_pair("embed", "1");
        }
        if let Some(list) = self.embed_origins.as_ref().filter(|l| !l.is_empty()) {
            q.append_pair("origins", &list.join(","));
        }
        q.finish()
    }
}
