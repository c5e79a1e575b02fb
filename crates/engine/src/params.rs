//! Typed lesson parameters: each scenario declares [`ParamSpec`]s with bounds and
//! defaults; raw user input (strings from the form or the URL) is validated into
//! [`Params`] or into a list of [`ParamError`]s that the page explains. The raw
//! strings are kept by the caller, so nothing the user typed is lost.
//!
//! Besides numbers, lists of numbers ([`ParamKind::IntList`], `3,5,2`) and choices there is one text kind, [`ParamKind::Url`]: a
//! user's own http(s) address for request lessons (empty = the built-in
//! endpoint). It is checked by hand (scheme, host, no whitespace, length) rather
//! than with the `url` crate: those four rules are all the page needs, and the
//! browser's `fetch()` is the real parser.

use std::collections::BTreeMap;

mod list;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParamKind {
    Int {
        min: i64,
        max: i64,
        default: i64,
    },
    Choice {
        options: &'static [&'static str],
        default: &'static str,
    },
    /// Integers separated by commas (`3,5,2`): `min_len` to `max_len` of
    /// them, each in `min..=max`; `default` is written the same way.
    IntList {
        min: i64,
        max: i64,
        min_len: usize,
        max_len: usize,
        default: &'static str,
    },
    /// Optional absolute http(s) URL, at most `max_len` characters; empty
    /// (the default) means the lesson's built-in endpoint.
    Url {
        max_len: usize,
    },
}

/// Longest user URL accepted (browsers take more; share links stay readable).
pub const URL_MAX_LEN: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamSpec {
    /// Stable key used in URLs, `data-testid="param-<key>"` and translations.
    pub key: &'static str,
    pub kind: ParamKind,
}

impl ParamSpec {
    /// The seed of a lesson's random streams (any u32; 1 by default).
    pub const SEED: ParamSpec = ParamSpec::int("seed", 0, 4_294_967_295, 1);

    pub const fn int(key: &'static str, min: i64, max: i64, default: i64) -> Self {
        ParamSpec { key, kind: ParamKind::Int { min, max, default } }
    }
    pub const fn choice(key: &'static str, options: &'static [&'static str], default: &'static str) -> Self {
        ParamSpec { key, kind: ParamKind::Choice { options, default } }
    }
    /// A list of integers (see [`ParamKind::IntList`]).
    pub const fn int_list(key: &'static str, min: i64, max: i64, (min_len, max_len): (usize, usize), default: &'static str) -> Self {
        ParamSpec { key, kind: ParamKind::IntList { min, max, min_len, max_len, default } }
    }
    /// An optional user URL (see [`ParamKind::Url`]), empty by default.
    pub const fn url(key: &'static str) -> Self {
        ParamSpec { key, kind: ParamKind::Url { max_len: URL_MAX_LEN } }
    }
    pub fn default_string(&self) -> String {
        match self.kind {
            ParamKind::Int { default, .. } => default.to_string(),
            ParamKind::Choice { default, .. } | ParamKind::IntList { default, .. } => default.to_owned(),
            ParamKind::Url { .. } => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    NotANumber {
        key: &'static str,
        input: String,
    },
    OutOfRange {
        key: &'static str,
        value: i64,
        min: i64,
        max: i64,
    },
    UnknownChoice {
        key: &'static str,
        input: String,
        options: &'static [&'static str],
    },
    BadUrl {
        key: &'static str,
        input: String,
        problem: UrlProblem,
    },
    /// A list with fewer or more values than its bounds allow.
    ListLength {
        key: &'static str,
        len: usize,
        min: usize,
        max: usize,
    },
    /// Within the lesson's bounds, but above the cap for runs against a user's own URL.
    UserUrlCap {
        key: &'static str,
        value: i64,
        max: i64,
    },
}

/// Why a user URL was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not `http://` or `https://` (e.g. `ftp:`, `data:`, or no scheme at all).
    Scheme,
    /// Spaces, tabs or control characters inside.
    Whitespace,
    /// Longer than the limit.
    TooLong { max: usize },
    /// No host after the scheme (`http:///x`).
    NoHost,
}

impl ParamError {
    pub fn key(&self) -> &'static str {
        match self {
            ParamError::NotANumber { key, .. }
            | ParamError::OutOfRange { key, .. }
            | ParamError::UnknownChoice { key, .. }
            | ParamError::BadUrl { key, .. }
            | ParamError::ListLength { key, .. }
            | ParamError::UserUrlCap { key, .. } => key,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Int(i64),
    Choice(&'static str),
    List(Vec<i64>),
    Text(String),
}

/// Validated parameter values. Getters fall back to the spec default only for
/// keys a scenario forgot to declare, which tests catch.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    values: BTreeMap<&'static str, Value>,
}

impl Params {
    pub fn int(&self, key: &str) -> i64 {
        match self.values.get(key) {
            Some(Value::Int(v)) => *v,
            _ => 0,
        }
    }
    pub fn choice(&self, key: &str) -> &'static str {
        match self.values.get(key) {
            Some(Value::Choice(v)) => v,
            _ => "",
        }
    }
    /// A list parameter; empty when unset.
    pub fn list(&self, key: &str) -> &[i64] {
        match self.values.get(key) {
            Some(Value::List(v)) => v,
            _ => &[],
        }
    }
    /// A text parameter (a user URL); empty when unset.
    pub fn text(&self, key: &str) -> &str {
        match self.values.get(key) {
            Some(Value::Text(v)) => v,
            _ => "",
        }
    }
    /// Canonical strings, for the trace metadata and share links.
    pub fn to_strings(&self) -> BTreeMap<String, String> {
        self.values
            .iter()
            .map(|(k, v)| {
                let s = match v {
                    Value::Int(i) => i.to_string(),
                    Value::Choice(c) => (*c).to_owned(),
                    Value::List(l) => l.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
                    Value::Text(t) => t.clone(),
                };
                ((*k).to_owned(), s)
            })
            .collect()
    }
}

/// Validates `raw` against `specs`. Missing keys take their defaults; keys not in
/// `specs` are ignored (the URL layer reports them separately).
pub fn validate(specs: &[ParamSpec], raw: &BTreeMap<String, String>) -> Result<Params, Vec<ParamError>> {
    let mut values = BTreeMap::new();
    let mut errors = Vec::new();
    for spec in specs {
        let input = raw.get(spec.key).map(|s| s.trim()).filter(|s| !s.is_empty());
        match spec.kind {
            ParamKind::Int { min, max, default } => match input.map(parse_int) {
                None => {
                    values.insert(spec.key, Value::Int(default));
                }
                Some(Some(v)) if (min..=max).contains(&v) => {
                    values.insert(spec.key, Value::Int(v));
                }
                Some(Some(v)) => errors.push(ParamError::OutOfRange { key: spec.key, value: v, min, max }),
                Some(None) => errors.push(ParamError::NotANumber { key: spec.key, input: input.unwrap_or("").to_owned() }),
            },
            ParamKind::Choice { options, default } => match input {
                None => {
                    values.insert(spec.key, Value::Choice(default));
                }
                Some(s) => match options.iter().find(|o| o.eq_ignore_ascii_case(s)) {
                    Some(o) => {
                        values.insert(spec.key, Value::Choice(o));
                    }
                    None => errors.push(ParamError::UnknownChoice { key: spec.key, input: s.to_owned(), options }),
                },
            },
            ParamKind::IntList { min, max, min_len, max_len, default } => {
                match list::parse(spec.key, input.unwrap_or(default), (min, max), (min_len, max_len)) {
                    Ok(v) => {
                        values.insert(spec.key, Value::List(v));
                    }
                    Err(e) => errors.push(e),
                }
            }
            ParamKind::Url { max_len } => match input.map(|s| check_url(s, max_len)) {
                None => {
                    values.insert(spec.key, Value::Text(String::new()));
                }
                Some(Ok(())) => {
                    values.insert(spec.key, Value::Text(input.unwrap_or("").to_owned()));
                }
                Some(Err(problem)) => errors.push(ParamError::BadUrl { key: spec.key, input: input.unwrap_or("").to_owned(), problem }),
            },
        }
    }
    if errors.is_empty() {
        Ok(Params { values })
    } else {
        Err(errors)
    }
}

/// Integers as people type them: `1000`, `1_000`, `1,000`. Anything else
/// (fractions, exponents, overflow) is not a number for these parameters.
fn parse_int(s: &str) -> Option<i64> {
    let cleaned: String = s.chars().filter(|c| *c != '_' && *c != ',').collect();
    cleaned.parse::<i64>().ok()
}

/// Checks a (trimmed, non-empty) user URL: absolute http(s), a host, no
/// whitespace or control characters, at most `max_len` characters.
pub fn check_url(s: &str, max_len: usize) -> Result<(), UrlProblem> {
    if s.chars().count() > max_len {
        return Err(UrlProblem::TooLong { max: max_len });
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlProblem::Whitespace);
    }
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(UrlProblem::Scheme);
    }
    match url_host(s) {
        Some(_) => Ok(()),
        None => Err(UrlProblem::NoHost),
    }
}

/// The host of an absolute URL (`https://user@example.com:8080/x` →
/// `example.com:8080`), for labels; `None` if there is none.
pub fn url_host(s: &str) -> Option<&str> {
    let (_, rest) = s.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    (!host.is_empty() && !host.starts_with(':')).then_some(host)
}

/// A run against a user's own URL (a [`ParamKind::Url`] parameter) sends at most this many requests (a link
/// must not turn its visitors' browsers into a flood; the page says so).
pub const USER_URL_MAX_N: i64 = 20;
/// … and starts them at most this many per second (on the browser clock).
pub const USER_URL_MAX_RATE_PER_S: f64 = 5.0;
