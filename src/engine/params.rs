//! Typed lesson parameters: each scenario declares [`ParamSpec`]s with bounds and
//! defaults; raw user input (strings from the form or the URL) is validated into
//! [`Params`] or into a list of [`ParamError`]s that the page explains. The raw
//! strings are kept by the caller, so nothing the user typed is lost.

use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParamKind {
    Int { min: i64, max: i64, default: i64 },
    Choice { options: &'static [&'static str], default: &'static str },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamSpec {
    /// Stable key used in URLs, `data-testid="param-<key>"` and translations.
    pub key: &'static str,
    pub kind: ParamKind,
}

impl ParamSpec {
    pub const fn int(key: &'static str, min: i64, max: i64, default: i64) -> Self {
        ParamSpec { key, kind: ParamKind::Int { min, max, default } }
    }
    pub const fn choice(key: &'static str, options: &'static [&'static str], default: &'static str) -> Self {
        ParamSpec { key, kind: ParamKind::Choice { options, default } }
    }
    pub fn default_string(&self) -> String {
        match self.kind {
            ParamKind::Int { default, .. } => default.to_string(),
            ParamKind::Choice { default, .. } => default.to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    NotANumber { key: &'static str, input: String },
    OutOfRange { key: &'static str, value: i64, min: i64, max: i64 },
    UnknownChoice { key: &'static str, input: String, options: &'static [&'static str] },
}

impl ParamError {
    pub fn key(&self) -> &'static str {
        match self {
            ParamError::NotANumber { key, .. }
            | ParamError::OutOfRange { key, .. }
            | ParamError::UnknownChoice { key, .. } => key,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Int(i64),
    Choice(&'static str),
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
    /// Canonical strings, for the trace metadata and share links.
    pub fn to_strings(&self) -> BTreeMap<String, String> {
        self.values
            .iter()
            .map(|(k, v)| {
                let s = match v {
                    Value::Int(i) => i.to_string(),
                    Value::Choice(c) => (*c).to_owned(),
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
