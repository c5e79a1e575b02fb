//! The embed API's messages (`postMessage` from the page hosting the iframe),
//! parsed without any browser code so every input can be tested natively.
//!
//! Commands: `{type: "playground:run"}`, `{type: "playground:stop"}` and
//! `{type: "playground:set", lesson?, params?: {key: value}, lang?, clock?}`.
//! Messages whose `type` does not start with `playground:` are not for us and
//! are ignored silently ([`EmbedError::NotForUs`]); anything else that is not
//! a valid command is a typed [`EmbedError`] with a translation key, which the
//! app reports back to the host as `{type: "playground:error", error, message}`.
//!
//! A host can restrict who may drive the app: `origins=https://a.example,https://b.example`
//! in the iframe's URL; messages from any other origin are refused
//! ([`origin_allowed`]). Without `origins`, any origin may (the commands only
//! select and run lessons, and `run` never starts a run against a user's URL).

use super::Clock;
use crate::i18n::Lang;

/// Messages larger than this (JSON text) are refused unread.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;
/// At most this many parameters in one `set`.
pub const MAX_PARAMS: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum EmbedCommand {
    Run,
    Stop,
    Set { lesson: Option<String>, params: Vec<(String, String)>, lang: Option<Lang>, clock: Option<Clock> },
}

/// Why a message was not a command.
#[derive(Debug, Clone, PartialEq)]
pub enum EmbedError {
    /// Not a playground message (another script's traffic): ignored silently.
    NotForUs,
    /// Over [`MAX_MESSAGE_BYTES`].
    TooLarge { bytes: usize },
    /// `playground:<something we do not know>`.
    UnknownType { kind: String },
    /// A field of `set` has the wrong type or value (`lesson`, `params`, `lang`, `clock`).
    BadField { field: &'static str },
    /// More than [`MAX_PARAMS`] parameters.
    TooManyParams { count: usize },
    /// The sender's origin is not in the iframe's `origins=` list.
    OriginNotAllowed { origin: String },
}

impl EmbedError {
    /// Translation key of the explanation (English and 简体中文 in `i18n`).
    pub fn key(&self) -> &'static str {
        match self {
            EmbedError::NotForUs => "embed.err.not_for_us",
            EmbedError::TooLarge { .. } => "embed.err.too_large",
            EmbedError::UnknownType { .. } => "embed.err.unknown_type",
            EmbedError::BadField { .. } => "embed.err.bad_field",
            EmbedError::TooManyParams { .. } => "embed.err.too_many_params",
            EmbedError::OriginNotAllowed { .. } => "embed.err.origin",
        }
    }

    /// The `{name}` values its message template uses.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            EmbedError::NotForUs => vec![],
            EmbedError::TooLarge { bytes } => vec![("bytes", bytes.to_string()), ("max", MAX_MESSAGE_BYTES.to_string())],
            EmbedError::UnknownType { kind } => vec![("kind", kind.clone())],
            EmbedError::BadField { field } => vec![("field", (*field).to_owned())],
            EmbedError::TooManyParams { count } => vec![("count", count.to_string()), ("max", MAX_PARAMS.to_string())],
            EmbedError::OriginNotAllowed { origin } => vec![("origin", origin.clone())],
        }
    }
}

/// Parses one message given as JSON text (the structured-clone data, stringified).
pub fn parse(json: &str) -> Result<EmbedCommand, EmbedError> {
    if json.len() > MAX_MESSAGE_BYTES {
        return Err(EmbedError::TooLarge { bytes: json.len() });
    }
    let v: serde_json::Value = serde_json::from_str(json).map_err(|_| EmbedError::NotForUs)?;
    parse_value(&v)
}

/// Parses one message already decoded as JSON.
pub fn parse_value(v: &serde_json::Value) -> Result<EmbedCommand, EmbedError> {
    let kind = v.get("type").and_then(|t| t.as_str()).ok_or(EmbedError::NotForUs)?;
    let Some(cmd) = kind.strip_prefix("playground:") else { return Err(EmbedError::NotForUs) };
    match cmd {
        "run" => Ok(EmbedCommand::Run),
        "stop" => Ok(EmbedCommand::Stop),
        "set" => parse_set(v),
        // Our own reports echoed back (a host forwarding everything) are not commands.
        "status" | "error" => Err(EmbedError::NotForUs),
        other => Err(EmbedError::UnknownType { kind: other.chars().take(64).collect() }),
    }
}

fn parse_set(v: &serde_json::Value) -> Result<EmbedCommand, EmbedError> {
    let text = |field: &'static str| -> Result<Option<&str>, EmbedError> {
        match v.get(field) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(EmbedError::BadField { field }),
        }
    };
    let lang = text("lang")?.map(|s| Lang::from_tag(s).ok_or(EmbedError::BadField { field: "lang" })).transpose()?;
    let clock = text("clock")?.map(|s| Clock::parse(s).ok_or(EmbedError::BadField { field: "clock" })).transpose()?;
    let lesson = text("lesson")?.map(str::to_owned);
    let params = match v.get("params") {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::Object(map)) => {
            if map.len() > MAX_PARAMS {
                return Err(EmbedError::TooManyParams { count: map.len() });
            }
            let mut out = Vec::with_capacity(map.len());
            for (key, value) in map {
                let value = match value {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Bool(b) => b.to_string(),
                    _ => return Err(EmbedError::BadField { field: "params" }),
                };
                out.push((key.clone(), value));
            }
            out
        }
        Some(_) => return Err(EmbedError::BadField { field: "params" }),
    };
    Ok(EmbedCommand::Set { lesson, params, lang, clock })
}

/// May a message from `origin` drive the app? `allowed` is the `origins=` list
/// (`None`: not restricted). Origins compare exactly (`scheme://host[:port]`).
pub fn origin_allowed(allowed: Option<&[String]>, origin: &str) -> Result<(), EmbedError> {
    match allowed {
        Some(list) if !list.iter().any(|o| o == origin) => Err(EmbedError::OriginNotAllowed { origin: origin.chars().take(200).collect() }),
        _ => Ok(()),
    }
}

/// Parses an `origins=` value: comma-separated `http(s)://host[:port]` origins,
/// no path. `Err(item)` names the first item that is not an origin.
pub fn parse_origins(value: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let rest = item.strip_prefix("https://").or_else(|| item.strip_prefix("http://"));
        let ok = rest.is_some_and(|h| {
            !h.is_empty() && h.len() <= 253 + 6 && h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        });
        if !ok {
            return Err(item.chars().take(200).collect());
        }
        out.push(item.trim_end_matches('/').to_ascii_lowercase());
    }
    if out.is_empty() {
        return Err(value.chars().take(200).collect());
    }
    Ok(out)
}
